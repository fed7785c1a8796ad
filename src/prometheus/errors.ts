/** What went wrong talking to a Prometheus-compatible API. */
export type PromErrorKind =
  | 'unreachable' // no HTTP response at all
  | 'cors' // the server answered but the browser refused to hand the answer over
  | 'interrupted' // the connection broke while the answer was arriving
  | 'http' // an HTTP error status without a Prometheus error body
  | 'prometheus' // `{"status":"error","errorType":…,"error":…}`
  | 'not-prometheus' // a response that is not the Prometheus API at all (HTML, plain text)
  | 'bad-answer' // it looked like the API but could not be read (cut off, wrong shape)
  | 'timeout'
  | 'cancelled' // the user pressed Cancel
  | 'aborted'; // Scry dropped the request (the range changed, the panel went away)

/**
 * The one mapping from a failure kind to what the user reads first; the technical detail follows
 * in the message (see `failureMessage`). DatasourcesPage's Test result and every panel use it.
 */
export const FAILURE_SENTENCES: Record<PromErrorKind, string> = {
  unreachable: 'Unreachable',
  cors: 'Blocked by CORS',
  interrupted: 'The connection broke while the answer was arriving',
  http: 'HTTP error',
  prometheus: 'Prometheus error',
  'not-prometheus': 'Not a Prometheus API',
  'bad-answer': 'Prometheus answered with something that is not its API',
  timeout: 'Timed out',
  cancelled: 'Cancelled',
  aborted: 'Cancelled',
};

/** One Error shape for every failure, with a message meant for the user as is. */
export class PromError extends Error {
  readonly kind: PromErrorKind;
  readonly status: number | undefined;
  readonly errorType: string | undefined;
  readonly warnings: string[];
  /** a 429/503 answer's Retry-After, in ms */
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: PromErrorKind,
    message: string,
    extra: { status?: number; errorType?: string; warnings?: string[]; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'PromError';
    this.kind = kind;
    this.status = extra.status;
    this.errorType = extra.errorType;
    this.warnings = extra.warnings ?? [];
    this.retryAfterMs = extra.retryAfterMs;
  }
}

export function isAbort(e: unknown): boolean {
  return (
    (e instanceof PromError && e.kind === 'aborted') ||
    (e instanceof DOMException && e.name === 'AbortError')
  );
}

/** A byte count as people read it: 812 bytes, 4.2 kB, 1.2 MB. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} byte${n === 1 ? '' : 's'}`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
  return `${(n / 1e6).toFixed(1)} MB`;
}

/** "<sentence> (<technical detail>)": how a malformed answer is named. */
export function badAnswer(detail: string, extra: { status?: number } = {}): PromError {
  return new PromError('bad-answer', `${FAILURE_SENTENCES['bad-answer']} (${detail})`, extra);
}

/**
 * What the user reads for any failure. A PromError's message was written for people; anything
 * else is a bug or a malformed answer that slipped past validation, and its JS text (`x.filter is
 * not a function`) means nothing to a user, so it is named in words with the exception's class.
 */
export function failureMessage(e: unknown): string {
  if (e instanceof PromError) return e.message;
  const cls = e instanceof Error ? e.name : typeof e;
  return `${FAILURE_SENTENCES['bad-answer']} (Scry could not read it: ${cls} while reading the answer)`;
}
