import { readBody, parseAnswer, type Answer } from './answer';
import { formatBytes, PromError } from './errors';
import { checkInstant, checkLabelSets, checkMatrix, checkNames } from './shape';
import { putEarly, takeEarly } from './early';
import { Limiter } from './limiter';
import type { AlertsResult, BuildInfo, InstantResult, MatrixResult, MetadataResult } from './types';

/** How Scry reaches one Prometheus-compatible server. Never part of a dashboard. */
export interface Endpoint {
  /** base URL, e.g. http://127.0.0.1:9090 (a path prefix is kept) */
  url: string;
  /** extra HTTP headers (Authorization, X-Scope-OrgID, …) */
  headers?: Record<string, string>;
  /** requests in flight at once for this server; default 6 (Chromium's per-host socket limit) */
  maxConcurrent?: number;
  /** per-request timeout in ms; default 60 000 (also sent as Prometheus' `timeout` parameter) */
  timeoutMs?: number;
  /** query parameters added to every request unless it sets them (Thanos: partial_response, dedup) */
  params?: Record<string, string>;
  /** queries ask for the server's statistics (`stats=all`: Prometheus) */
  queryStats?: boolean;
}

/** Told before a 429/503 answer is retried (after `delayMs`, as the server's Retry-After asked). */
export interface RetryNotice {
  status: number;
  delayMs: number;
  /** 1 or 2 */
  attempt: number;
}

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** a 429/503 with Retry-After is being retried */
  onRetry?: ((r: RetryNotice) => void) | undefined;
}

/** Beyond this many characters of URL, queries go as POST form bodies. */
const MAX_GET_URL = 2000;
export const DEFAULT_TIMEOUT_MS = 60_000;
/** 429/503 answers are retried at most this often, and only when Retry-After asks for ≤ 30 s. */
export const MAX_RETRIES = 2;
const MAX_RETRY_AFTER_MS = 30_000;

const limiters = new Map<string, Limiter>();

export interface RangeQuery {
  expr: string;
  startSec: number;
  endSec: number;
  stepSec: number;
}
export interface InstantQuery {
  expr: string;
  timeSec: number;
}

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
    opts: RequestOptions & { allowPost?: boolean; check?: (data: unknown) => T } = {},
  ): Promise<Answer<T>> {
    this.withEndpointParams(params);
    // The wait before a retry holds no slot of the limiter: only the request itself does.
    for (let attempt = 1; ; attempt++) {
      try {
        const a = await this.limited(
          (onHeaders) => this.send<T>(path, params, opts, onHeaders),
          opts.signal,
        );
        return opts.check ? { ...a, data: opts.check(a.data) } : a;
      } catch (e) {
        const wait = e instanceof PromError ? e.retryAfterMs : undefined;
        if (wait === undefined || attempt > MAX_RETRIES || wait > MAX_RETRY_AFTER_MS) {
          if (e instanceof PromError && e.retryAfterMs !== undefined)
            throw retriesExhausted(e, attempt - 1, wait ?? 0);
          throw e;
        }
        opts.onRetry?.({
          status: e instanceof PromError ? (e.status ?? 0) : 0,
          delayMs: wait,
          attempt,
        });
        await sleep(wait, opts.signal);
      }
    }
  }

  /**
   * Runs `send` in one of the server's slots, held until the answer's headers are in (the
   * server has evaluated the query), not while its body is read and parsed: that is this tab's
   * work, and on a busy main thread it would hold back the next query (a dashboard's seventh
   * to tenth queries went out only after earlier panels had been drawn).
   */
  private limited<T>(
    send: (onHeaders: () => void) => Promise<T>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.limiter
        .run(
          () =>
            new Promise<void>((release) => {
              send(release).then(resolve, reject).finally(release);
            }),
          signal,
        )
        // only a request that never left the queue (aborted there) gets here
        .catch(reject);
    });
  }

  /** The datasource's own parameters (Thanos' dedup, …) where the request does not set them. */
  private withEndpointParams(params: URLSearchParams): URLSearchParams {
    for (const [k, v] of Object.entries(this.endpoint.params ?? {}))
      if (!params.has(k)) params.set(k, v);
    return params;
  }

  /** The URL and fetch options of a request: GET, or a POST form when the URL would be long. */
  private request(
    path: string,
    params: URLSearchParams,
    allowPost: boolean | undefined,
  ): { url: string; init: RequestInit & { headers: Record<string, string> } } {
    const query = params.toString();
    let url = this.base + path;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(this.endpoint.headers ?? {}),
    };
    const init: RequestInit & { headers: Record<string, string> } = {
      method: 'GET',
      headers,
      credentials: 'omit',
    };
    if (allowPost && url.length + query.length + 1 > MAX_GET_URL) {
      init.method = 'POST';
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      init.body = query;
    } else if (query) {
      url += '?' + query;
    }
    return { url, init };
  }

  /** Prometheus' own `timeout` parameter: the server gives up when Scry does. */
  private timeoutParam(): string {
    return `${Math.max(1, Math.ceil((this.endpoint.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000))}s`;
  }

  private statsParam(): { stats?: string } {
    return this.endpoint.queryStats ? { stats: 'all' } : {};
  }

  private rangeParams(q: RangeQuery): URLSearchParams {
    return new URLSearchParams({
      query: q.expr,
      start: String(q.startSec),
      end: String(q.endSec),
      step: String(q.stepSec),
      timeout: this.timeoutParam(),
      ...this.statsParam(),
    });
  }

  private instantParams(q: InstantQuery): URLSearchParams {
    return new URLSearchParams({
      query: q.expr,
      time: String(q.timeSec),
      timeout: this.timeoutParam(),
      ...this.statsParam(),
    });
  }

  queryRange(q: RangeQuery, opts: RequestOptions = {}): Promise<Answer<MatrixResult>> {
    return this.call<MatrixResult>('/api/v1/query_range', this.rangeParams(q), {
      ...opts,
      allowPost: true,
      check: checkMatrix,
    });
  }

  query(q: InstantQuery, opts: RequestOptions = {}): Promise<Answer<InstantResult>> {
    return this.call<InstantResult>('/api/v1/query', this.instantParams(q), {
      ...opts,
      allowPost: true,
      check: checkInstant,
    });
  }

  /**
   * Sends a query now, before anything asks for it (the start-up planner, app/earlyQueries.ts:
   * a dashboard's first screen while the app's code is still loading). The answer waits for the
   * identical request — same URL, body and headers, built by the same code — which then takes it
   * instead of sending its own: one request on the wire. Nobody asks within `EARLY_TTL_MS`, or
   * the page moves to another route: it is aborted (prometheus/early.ts).
   */
  sendEarly(q: RangeQuery | InstantQuery): void {
    const instant = 'timeSec' in q;
    const path = instant ? '/api/v1/query' : '/api/v1/query_range';
    const params = this.withEndpointParams(instant ? this.instantParams(q) : this.rangeParams(q));
    const { url, init } = this.request(path, params, true);
    // in one of the server's slots, like any request (held until its headers are in): the
    // datasource's limit holds for the first screen too
    putEarly(url, init, (signal) =>
      this.limited(() => this.fetchFn(url, { ...init, signal }), signal),
    );
  }

  labelNames(
    q: { match?: string[]; startSec?: number; endSec?: number } = {},
    opts: RequestOptions = {},
  ): Promise<Answer<string[]>> {
    return this.call<string[]>('/api/v1/labels', rangeParams(q), {
      ...opts,
      allowPost: true,
      check: checkNames,
    });
  }

  labelValues(
    label: string,
    q: { match?: string[]; startSec?: number; endSec?: number } = {},
    opts: RequestOptions = {},
  ): Promise<Answer<string[]>> {
    return this.call<string[]>(
      `/api/v1/label/${encodeURIComponent(label)}/values`,
      rangeParams(q),
      { ...opts, check: checkNames },
    );
  }

  series(
    q: { match: string[]; startSec?: number; endSec?: number },
    opts: RequestOptions = {},
  ): Promise<Answer<Record<string, string>[]>> {
    return this.call('/api/v1/series', rangeParams(q), {
      ...opts,
      allowPost: true,
      check: checkLabelSets,
    });
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
    onHeaders?: () => void,
  ): Promise<Answer<T>> {
    const { url, init } = this.request(path, params, opts.allowPost);
    // sent already by the start-up planner: take its answer instead of asking again
    const sent = takeEarly(url, init);

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
    if (sent) {
      if (ctl.signal.aborted || opts.signal?.aborted) sent.ctl.abort();
      else ctl.signal.addEventListener('abort', () => sent.ctl.abort(), { once: true });
    }

    try {
      let res: Response;
      try {
        res = await (sent?.response ?? this.fetchFn(url, init));
      } catch (e) {
        throw await this.networkError(e, url, timedOut, timeoutMs, opts.signal);
      }
      onHeaders?.();
      const body = await readBody(res);
      if ('error' in body) {
        if (opts.signal?.aborted || timedOut)
          throw await this.networkError(body.error, url, timedOut, timeoutMs, opts.signal);
        throw new PromError(
          'interrupted',
          `The connection to ${this.base} broke while the answer was arriving (after ${formatBytes(body.bytes)}: ${body.error instanceof Error ? body.error.message : String(body.error)})`,
          { status: res.status },
        );
      }
      return parseAnswer<T>(res, body.text, url, body.bytes);
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
    if (signal?.aborted) return abortReason(signal);
    if (timedOut) {
      return new PromError(
        'timeout',
        `No answer from ${this.base} within ${Math.round(timeoutMs / 1000)} s (request timed out; ` +
          `the datasource's query timeout can be raised under Datasources)`,
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

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(t);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/** Why a request was dropped: the PromError its owner aborted with, or a plain "cancelled". */
function abortReason(signal: AbortSignal): PromError {
  return signal.reason instanceof PromError
    ? signal.reason
    : new PromError('aborted', 'Request cancelled');
}

function retriesExhausted(e: PromError, retries: number, waitMs: number): PromError {
  const why =
    waitMs > MAX_RETRY_AFTER_MS
      ? `the server asks to wait ${Math.round(waitMs / 1000)} s, longer than Scry waits`
      : `still refused after ${retries} ${retries === 1 ? 'retry' : 'retries'}`;
  return new PromError(e.kind, `${e.message} (${why})`, { status: e.status });
}
