import { PromError } from './errors';
import { Limiter } from './limiter';
import type {
  AlertsResult,
  ApiError,
  ApiSuccess,
  BuildInfo,
  InstantResult,
  MatrixResult,
  MetadataResult,
} from './types';

/** How Scry reaches one Prometheus-compatible server. Never part of a dashboard. */
export interface Endpoint {
  /** base URL, e.g. http://127.0.0.1:9090 (a path prefix is kept) */
  url: string;
  /** extra HTTP headers (Authorization, X-Scope-OrgID, …) */
  headers?: Record<string, string>;
  /** requests in flight at once for this server; default 6 (Chromium's per-host socket limit) */
  maxConcurrent?: number;
  /** per-request timeout in ms; default 60 000 */
  timeoutMs?: number;
  /** query parameters added to every request unless it sets them (Thanos: partial_response, dedup) */
  params?: Record<string, string>;
}

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

/** Beyond this many characters of URL, queries go as POST form bodies. */
const MAX_GET_URL = 2000;
const DEFAULT_TIMEOUT_MS = 60_000;

const limiters = new Map<string, Limiter>();

/** The limiter shared by every client of one server URL. */
export function limiterFor(url: string, max = 6): Limiter {
  let l = limiters.get(url);
  if (!l) {
    l = new Limiter(max);
    limiters.set(url, l);
  }
  l.max = max;
  return l;
}

/** A successful API answer: the data plus any warnings Prometheus attached. */
export interface Answer<T> {
  data: T;
  warnings: string[];
}

/**
 * The only code that speaks the Prometheus HTTP API. Every failure becomes a PromError with a
 * message fit to show the user verbatim.
 */
export class PrometheusClient {
  readonly base: string;
  private readonly limiter: Limiter;

  constructor(
    readonly endpoint: Endpoint,
    private readonly fetchFn: FetchFn = (input, init) => fetch(input, init),
  ) {
    this.base = endpoint.url.replace(/\/+$/, '');
    this.limiter = limiterFor(this.base, endpoint.maxConcurrent ?? 6);
  }

  /** POST-capable endpoints: query, query_range, series, labels. */
  async call<T>(
    path: string,
    params: URLSearchParams,
    opts: RequestOptions & { allowPost?: boolean } = {},
  ): Promise<Answer<T>> {
    for (const [k, v] of Object.entries(this.endpoint.params ?? {}))
      if (!params.has(k)) params.set(k, v);
    return this.limiter.run(() => this.send<T>(path, params, opts), opts.signal);
  }

  queryRange(
    q: { expr: string; startSec: number; endSec: number; stepSec: number },
    opts: RequestOptions = {},
  ): Promise<Answer<MatrixResult>> {
    const p = new URLSearchParams({
      query: q.expr,
      start: String(q.startSec),
      end: String(q.endSec),
      step: String(q.stepSec),
    });
    return this.call<MatrixResult>('/api/v1/query_range', p, { ...opts, allowPost: true });
  }

  query(
    q: { expr: string; timeSec: number },
    opts: RequestOptions = {},
  ): Promise<Answer<InstantResult>> {
    const p = new URLSearchParams({ query: q.expr, time: String(q.timeSec) });
    return this.call<InstantResult>('/api/v1/query', p, { ...opts, allowPost: true });
  }

  labelNames(
    q: { match?: string[]; startSec?: number; endSec?: number } = {},
    opts: RequestOptions = {},
  ): Promise<Answer<string[]>> {
    return this.call<string[]>('/api/v1/labels', rangeParams(q), { ...opts, allowPost: true });
  }

  labelValues(
    label: string,
    q: { match?: string[]; startSec?: number; endSec?: number } = {},
    opts: RequestOptions = {},
  ): Promise<Answer<string[]>> {
    return this.call<string[]>(
      `/api/v1/label/${encodeURIComponent(label)}/values`,
      rangeParams(q),
      opts,
    );
  }

  series(
    q: { match: string[]; startSec?: number; endSec?: number },
    opts: RequestOptions = {},
  ): Promise<Answer<Record<string, string>[]>> {
    return this.call('/api/v1/series', rangeParams(q), { ...opts, allowPost: true });
  }

  metadata(
    q: { metric?: string; limit?: number } = {},
    opts: RequestOptions = {},
  ): Promise<Answer<MetadataResult>> {
    const p = new URLSearchParams();
    if (q.metric) p.set('metric', q.metric);
    if (q.limit) p.set('limit', String(q.limit));
    return this.call('/api/v1/metadata', p, opts);
  }

  buildInfo(opts: RequestOptions = {}): Promise<Answer<BuildInfo>> {
    return this.call('/api/v1/status/buildinfo', new URLSearchParams(), opts);
  }

  alerts(opts: RequestOptions = {}): Promise<Answer<AlertsResult>> {
    return this.call('/api/v1/alerts', new URLSearchParams(), opts);
  }

  private async send<T>(
    path: string,
    params: URLSearchParams,
    opts: RequestOptions & { allowPost?: boolean },
  ): Promise<Answer<T>> {
    const query = params.toString();
    let url = this.base + path;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(this.endpoint.headers ?? {}),
    };
    const init: RequestInit = { method: 'GET', headers, credentials: 'omit' };
    if (opts.allowPost && url.length + query.length + 1 > MAX_GET_URL) {
      init.method = 'POST';
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      init.body = query;
    } else if (query) {
      url += '?' + query;
    }

    const timeoutMs = this.endpoint.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const ctl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctl.abort();
    }, timeoutMs);
    const onAbort = () => ctl.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    init.signal = ctl.signal;

    try {
      let res: Response;
      try {
        res = await this.fetchFn(url, init);
      } catch (e) {
        throw await this.networkError(e, url, timedOut, timeoutMs, opts.signal);
      }
      let text: string;
      try {
        text = await res.text();
      } catch (e) {
        throw await this.networkError(e, url, timedOut, timeoutMs, opts.signal);
      }
      return parseAnswer<T>(res, text, url);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  private async networkError(
    e: unknown,
    url: string,
    timedOut: boolean,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<PromError> {
    if (signal?.aborted) return new PromError('aborted', 'Request cancelled');
    if (timedOut) {
      return new PromError(
        'timeout',
        `No answer from ${this.base} within ${Math.round(timeoutMs / 1000)} s (request timed out)`,
      );
    }
    // A browser reports refused connections and CORS refusals the same way. Ask again in
    // no-cors mode: an opaque answer proves the server is up and only CORS is in the way.
    if (typeof window !== 'undefined' && e instanceof TypeError) {
      try {
        await this.fetchFn(url, {
          mode: 'no-cors',
          credentials: 'omit',
          signal: AbortSignal.timeout(5000),
        });
        return new PromError(
          'cors',
          `${this.base} answered, but the browser blocked the response (CORS): the server must allow ` +
            `requests from ${window.location.origin}${this.endpoint.headers && Object.keys(this.endpoint.headers).length ? ' with custom headers' : ''}. ` +
            `Prometheus allows all origins by default (--web.cors.origin); a proxy in front of it may not.`,
        );
      } catch {
        // unreachable: fall through
      }
    }
    const detail = e instanceof Error ? e.message : String(e);
    return new PromError(
      'unreachable',
      `Cannot reach ${this.base}: ${detail} (is the URL right and the server running?)`,
    );
  }
}

function rangeParams(q: { match?: string[]; startSec?: number; endSec?: number }): URLSearchParams {
  const p = new URLSearchParams();
  for (const m of q.match ?? []) p.append('match[]', m);
  if (q.startSec !== undefined) p.set('start', String(q.startSec));
  if (q.endSec !== undefined) p.set('end', String(q.endSec));
  return p;
}

/** Turns one HTTP answer into data or a PromError (exported for tests). */
export function parseAnswer<T>(
  res: Pick<Response, 'status' | 'statusText' | 'headers'>,
  text: string,
  url: string,
): Answer<T> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const obj =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  if (obj && obj.status === 'error' && typeof obj.error === 'string') {
    const err = obj as unknown as ApiError;
    return throwIt(
      new PromError('prometheus', `${err.errorType ? err.errorType + ': ' : ''}${err.error}`, {
        status: res.status,
        errorType: err.errorType,
        warnings: err.warnings ?? [],
      }),
    );
  }
  if (res.status < 200 || res.status >= 300) {
    const snippet = text.trim().slice(0, 500);
    return throwIt(
      new PromError(
        'http',
        `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''} from ${url.split('?')[0]}${snippet ? ': ' + snippet : ''}`,
        { status: res.status },
      ),
    );
  }
  if (!obj || obj.status !== 'success' || !('data' in obj)) {
    const type = res.headers.get('content-type') ?? 'unknown type';
    return throwIt(
      new PromError(
        'not-prometheus',
        `The server answered (${type}), but not as a Prometheus API would: expected JSON with "status":"success". ` +
          `Is the URL the Prometheus base URL (e.g. http://host:9090), without /graph or /api/v1?`,
        { status: res.status },
      ),
    );
  }
  const ok = obj as unknown as ApiSuccess<T>;
  return { data: ok.data, warnings: [...(ok.warnings ?? []), ...(ok.infos ?? [])] };
}

function throwIt(e: PromError): never {
  throw e;
}
