/** What went wrong talking to a Prometheus-compatible API. */
export type PromErrorKind =
  | 'unreachable' // no HTTP response at all
  | 'cors' // the server answered but the browser refused to hand the answer over
  | 'http' // an HTTP error status without a Prometheus error body
  | 'prometheus' // `{"status":"error","errorType":…,"error":…}`
  | 'not-prometheus' // a response that is not the Prometheus API
  | 'timeout'
  | 'aborted';

/** One Error shape for every failure, with a message meant for the user as is. */
export class PromError extends Error {
  readonly kind: PromErrorKind;
  readonly status: number | undefined;
  readonly errorType: string | undefined;
  readonly warnings: string[];

  constructor(
    kind: PromErrorKind,
    message: string,
    extra: { status?: number; errorType?: string; warnings?: string[] } = {},
  ) {
    super(message);
    this.name = 'PromError';
    this.kind = kind;
    this.status = extra.status;
    this.errorType = extra.errorType;
    this.warnings = extra.warnings ?? [];
  }
}

export function isAbort(e: unknown): boolean {
  return (
    (e instanceof PromError && e.kind === 'aborted') ||
    (e instanceof DOMException && e.name === 'AbortError')
  );
}
