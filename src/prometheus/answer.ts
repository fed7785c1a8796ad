// Reading one HTTP answer of the Prometheus API: the body (counting bytes, noticing a broken
// connection), then data, warnings and query statistics, or a PromError whose message says what
// went wrong.
import { badAnswer, formatBytes, PromError } from './errors';
import { parseQueryStats, type QueryStats } from './stats';
import type { ApiError } from './types';

/** A successful API answer: the data plus any warnings Prometheus attached. */
export interface Answer<T> {
  data: T;
  warnings: string[];
  /** query statistics (`stats=all`), when the endpoint asks for them and the server reports them */
  stats?: QueryStats;
  /** bytes of the answer's body */
  bytes?: number;
}

/** The body as text, counting bytes, or how far it got before the connection broke. */
export async function readBody(
  res: Response,
): Promise<{ text: string; bytes: number } | { error: unknown; bytes: number }> {
  const reader = res.body?.getReader();
  if (!reader) {
    try {
      const text = await res.text();
      return { text, bytes: text.length };
    } catch (error) {
      return { error, bytes: 0 };
    }
  }
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      parts.push(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    return { error, bytes };
  }
  parts.push(decoder.decode());
  return { text: parts.join(''), bytes };
}

/** Retry-After as seconds or an HTTP date (RFC 9110), in ms; undefined when absent or unreadable. */
export function parseRetryAfter(v: string | null, nowMs = Date.now()): number | undefined {
  if (v === null) return undefined;
  const t = v.trim();
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  const at = Date.parse(t);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** What an error page says, in one line: its <title> or its text without tags. */
function bodySnippet(text: string, contentType: string): string {
  const t = text.trim();
  if (/html/i.test(contentType) || /^<(!doctype|html|head|body)/i.test(t)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(t)?.[1]?.trim();
    const h1 = /<h1[^>]*>([^<]*)<\/h1>/i.exec(t)?.[1]?.trim();
    const plain = t
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const s = title || h1 || plain;
    return s.length > 200 ? s.slice(0, 200) + '…' : s;
  }
  return t.slice(0, 500);
}

/** Where a JSON.parse error says it stopped (V8: "… at position 123"), if it says. */
function jsonErrorPosition(e: unknown): number | undefined {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  return m ? Number(m[1]) : undefined;
}

/** Turns one HTTP answer into data or a PromError. */
export function parseAnswer<T>(
  res: Pick<Response, 'status' | 'statusText' | 'headers'>,
  text: string,
  url: string,
  bytes = text.length,
): Answer<T> {
  let body: unknown;
  let parseError: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    body = undefined;
    parseError = e;
  }
  const type = res.headers.get('content-type') ?? 'unknown type';
  const obj =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  const retryAfterMs =
    res.status === 429 || res.status === 503
      ? parseRetryAfter(res.headers.get('retry-after'))
      : undefined;
  const retry = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (obj && obj.status === 'error' && typeof obj.error === 'string') {
    const err = obj as unknown as ApiError;
    return throwIt(
      new PromError(
        'prometheus',
        `${typeof err.errorType === 'string' && err.errorType ? err.errorType + ': ' : ''}${err.error}`,
        {
          status: res.status,
          ...(typeof err.errorType === 'string' ? { errorType: err.errorType } : {}),
          warnings: Array.isArray(err.warnings) ? err.warnings.map(String) : [],
          ...retry,
        },
      ),
    );
  }
  if (res.status < 200 || res.status >= 300) {
    const snippet = bodySnippet(text, type);
    const lead =
      res.status === 429 ? 'Too many requests: ' : res.status >= 500 ? 'The server failed: ' : '';
    return throwIt(
      new PromError(
        'http',
        `${lead}HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''} from ${url.split('?')[0]}${snippet ? ': ' + snippet : ''}`,
        { status: res.status, ...retry },
      ),
    );
  }
  if (parseError !== undefined && /^\s*[[{]/.test(text)) {
    // It is JSON that does not parse: cut off (the usual case) or corrupt. Not a wrong URL.
    const at = jsonErrorPosition(parseError);
    const cut = at === undefined || at >= text.trimEnd().length - 1;
    return throwIt(
      badAnswer(
        cut
          ? `the JSON ends early: the body was cut off after ${formatBytes(bytes)}`
          : `the JSON is broken at character ${at! + 1} of ${formatBytes(bytes)}`,
        { status: res.status },
      ),
    );
  }
  if (obj && obj.status === 'success') {
    if (!('data' in obj)) return throwIt(badAnswer('"status" is "success" but "data" is missing'));
    const warnings = [obj.warnings, obj.infos].flatMap((w) =>
      Array.isArray(w) ? w.map(String) : [],
    );
    const stats = parseQueryStats(
      obj.data ? (obj.data as Record<string, unknown>).stats : undefined,
    );
    return { data: obj.data as T, warnings, bytes, ...(stats ? { stats } : {}) };
  }
  return throwIt(
    new PromError(
      'not-prometheus',
      `The server answered (${type}), but not as a Prometheus API would: expected JSON with "status":"success". ` +
        `Is the URL the Prometheus base URL (e.g. http://host:9090), without /graph or /api/v1?`,
      { status: res.status },
    ),
  );
}

function throwIt(e: PromError): never {
  throw e;
}
