// A fake Prometheus-compatible server seen through a browser's CORS rules, for detection and
// diagnosis tests: a route answers with or without Access-Control-Allow-Origin, and the
// preflight allows only some request headers (as VictoriaMetrics allows none and Prometheus
// allows Authorization but not X-Scope-OrgID).

import type { FetchFn } from './client';

export interface FakeRoute {
  status?: number;
  body: unknown;
  /** answers with Access-Control-Allow-Origin (default true) */
  cors?: boolean;
  /** raw text instead of JSON */
  text?: boolean;
  headers?: Record<string, string>;
}

export interface FakeServer {
  /** path (without the base's prefix) → answer; unknown paths are 404 with CORS */
  routes: Record<string, FakeRoute | ((q: URLSearchParams) => FakeRoute)>;
  /** request headers the preflight allows (lower case); default none */
  allowHeaders?: string[];
  /** URL prefix of the API, e.g. /prometheus */
  prefix?: string;
}

const SAFE = new Set(['accept', 'content-type']);

/** A browser-like fetch against one fake server; `calls` lists the paths fetched (with CORS). */
export function browserFetch(server: FakeServer): { fetchFn: FetchFn; calls: string[] } {
  const calls: string[] = [];
  const fetchFn: FetchFn = async (input, init) => {
    const url = new URL(input);
    const prefix = server.prefix ?? '';
    if (!url.pathname.startsWith(prefix)) return new Response('not found', { status: 404 });
    const path = url.pathname.slice(prefix.length);
    // no-cors: an opaque answer whenever the server is up
    if (init.mode === 'no-cors') return new Response(null, { status: 200 });
    calls.push(path);
    const headers = Object.keys((init.headers as Record<string, string> | undefined) ?? {}).map(
      (h) => h.toLowerCase(),
    );
    const custom = headers.filter((h) => !SAFE.has(h));
    const allowed = new Set(server.allowHeaders ?? []);
    if (custom.some((h) => !allowed.has(h))) throw new TypeError('Failed to fetch');
    const r = server.routes[path];
    const route: FakeRoute = r
      ? typeof r === 'function'
        ? r(url.searchParams)
        : r
      : { status: 404, body: '404 page not found', text: true };
    if (route.cors === false) throw new TypeError('Failed to fetch');
    return new Response(route.text ? String(route.body) : JSON.stringify(route.body), {
      status: route.status ?? 200,
      headers: { 'content-type': route.text ? 'text/plain' : 'application/json', ...route.headers },
    });
  };
  return { fetchFn, calls };
}

export const ok = (data: unknown): FakeRoute => ({ body: { status: 'success', data } });

const oneVector = ok({ resultType: 'vector', result: [{ metric: {}, value: [1, '1'] }] });

/** Debian's VictoriaMetrics 1.79.5 as a browser sees it. */
export function victoriaMetrics(extra: Partial<FakeServer['routes']> = {}): FakeServer {
  const routes: FakeServer['routes'] = {
    '/api/v1/query': oneVector,
    '/api/v1/status/tsdb': ok({ totalSeries: 5000, seriesCountByMetricName: [] }),
    '/api/v1/status/buildinfo': { ...ok({}), cors: false },
    '/api/v1/metadata': { ...ok({}), cors: false },
    '/api/v1/alerts': { ...ok({ alerts: [] }), cors: false },
    '/api/v1/rules': { ...ok({ groups: [] }), cors: false },
    '/metrics': {
      body: 'vm_app_version{version="", short_version=""} 1\n',
      text: true,
      cors: false,
    },
  };
  for (const [k, v] of Object.entries(extra)) if (v) routes[k] = v;
  return { routes };
}

/** Prometheus 2.42 as a browser sees it (CORS everywhere, Authorization allowed). */
export function prometheus(): FakeServer {
  return {
    allowHeaders: ['authorization'],
    routes: {
      '/api/v1/query': (q) =>
        q.get('stats') ? ok({ resultType: 'scalar', result: [1, '1'], stats: {} }) : oneVector,
      '/api/v1/status/tsdb': ok({ headStats: { numSeries: 10 }, seriesCountByMetricName: [] }),
      '/api/v1/status/buildinfo': ok({
        version: '2.42.0',
        revision: '225c61122d88b01d1f0eaaee0e05b6f3e0567ac0',
      }),
      '/api/v1/metadata': ok({}),
      '/api/v1/alerts': ok({ alerts: [] }),
      '/api/v1/rules': ok({ groups: [] }),
      '/api/v1/query_exemplars': ok([]),
      '/api/v1/status/flags': ok({}),
    },
  };
}
