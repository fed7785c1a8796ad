// Test: what is this server, and what of the API does it offer? Detection uses only what a
// browser can read cross-origin, in an order that never asks an endpoint the server is known
// to answer without CORS headers:
// 1. `query?query=1` — the one endpoint every flavour offers; if it fails with custom headers,
//    the headers are retried one by one to name the one the server's CORS policy refuses;
// 2. `/api/v1/status/tsdb` — VictoriaMetrics answers it (with CORS) in its own shape
//    (`totalSeries`), and an exposed `X-Server-Hostname` header says the same;
// 3. otherwise `/api/v1/status/buildinfo` — Mimir names itself (`application`), Thanos' versions
//    are 0.x, Prometheus' 2.x/3.x; when buildinfo is unavailable, `/api/v1/stores` tells Thanos;
// 4. each optional endpoint the flavour offers is probed, so Test lists what works.

import { PrometheusClient, type Endpoint, type FetchFn } from './client';
import { PromError, type PromErrorKind } from './errors';
import { FEATURES, FLAVOUR_INFO, offers, type Feature, type Flavour } from './flavour';
import type { BuildInfo } from './types';

export interface FeatureCheck {
  feature: Feature;
  state: 'ok' | 'not-offered' | 'failed';
  /** why it failed */
  detail?: string;
}

export interface Detection {
  ok: true;
  flavour: Flavour;
  version: string | undefined;
  /** how the flavour was told, for the user */
  evidence: string;
  features: FeatureCheck[];
  /** "Connected: VictoriaMetrics 1.79.5" */
  summary: string;
}

export interface DetectionFailure {
  ok: false;
  kind: PromErrorKind | 'header-cors' | 'error';
  message: string;
}

const isBlocked = (e: unknown) =>
  e instanceof PromError && (e.kind === 'cors' || e.kind === 'unreachable');

/** True when the server answered at all (data or an HTTP/API error): not a CORS/network failure. */
async function answers(endpoint: Endpoint, fetchFn: FetchFn | undefined): Promise<boolean> {
  try {
    await new PrometheusClient(endpoint, fetchFn).query({ expr: '1', timeSec: nowSec() });
    return true;
  } catch (e) {
    return e instanceof PromError && !isBlocked(e) && e.kind !== 'timeout' && e.kind !== 'aborted';
  }
}

function nowSec(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * A request with custom headers failed before any answer: retry without them, then with each
 * one alone, and name the headers the server's CORS policy does not allow (null when the
 * headers are not the cause).
 */
export async function diagnoseHeaders(
  endpoint: Endpoint,
  fetchFn?: FetchFn,
): Promise<string | null> {
  const headers = endpoint.headers ?? {};
  const names = Object.keys(headers);
  if (!names.length) return null;
  if (!(await answers({ ...endpoint, headers: {} }, fetchFn))) return null;
  const refused: string[] = [];
  for (const name of names)
    if (!(await answers({ ...endpoint, headers: { [name]: headers[name]! } }, fetchFn)))
      refused.push(name);
  const list = refused.length ? refused : names;
  const the = list.length === 1 ? 'the header' : 'the headers';
  return (
    `the server does not allow ${the} ${list.join(', ')} in cross-origin requests; allow ` +
    `${list.length === 1 ? 'it' : 'them'} on the server or in the proxy in front of it ` +
    `(Access-Control-Allow-Headers: ${list.join(', ')}).`
  );
}

/** A client whose fetch remembers the response headers it saw. */
function recordingClient(endpoint: Endpoint, fetchFn: FetchFn | undefined) {
  const seen: Headers[] = [];
  const base: FetchFn = fetchFn ?? ((input, init) => fetch(input, init));
  const client = new PrometheusClient(endpoint, async (input, init) => {
    const res = await base(input, init);
    if (init.mode !== 'no-cors') seen.push(res.headers);
    return res;
  });
  const header = (name: string) => seen.find((h) => h.get(name) !== null)?.get(name) ?? undefined;
  return { client, header };
}

async function attempt<T>(p: Promise<T>): Promise<{ ok: true; v: T } | { ok: false; e: unknown }> {
  try {
    return { ok: true, v: await p };
  } catch (e) {
    return { ok: false, e };
  }
}

/** The version VictoriaMetrics writes into /metrics (`vm_app_version{short_version="v1.79.5"}`). */
export function vmVersionFromMetrics(text: string): string | undefined {
  const line = text.split('\n').find((l) => l.startsWith('vm_app_version{'));
  if (!line) return undefined;
  const short = /short_version="v?([^"]+)"/.exec(line)?.[1];
  if (short) return short;
  return /version="[^"]*-v(\d+\.\d+\.\d+)[^"]*"/.exec(line)?.[1];
}

/** Tells the flavour from what the server said (exported for tests). */
export function flavourFromSignals(s: {
  vmTsdb: boolean;
  vmHeader: boolean;
  buildInfo: BuildInfo | undefined;
  thanosStores: boolean;
}): { flavour: Flavour; evidence: string } {
  if (s.vmTsdb || s.vmHeader)
    return {
      flavour: 'victoriametrics',
      evidence: s.vmTsdb
        ? '/api/v1/status/tsdb answered in VictoriaMetrics’ shape'
        : 'the X-Server-Hostname response header',
    };
  const app = (s.buildInfo as { application?: unknown } | undefined)?.application;
  if (typeof app === 'string' && /mimir|cortex/i.test(app))
    return { flavour: 'mimir', evidence: `buildinfo names ${app}` };
  const version = s.buildInfo?.version ?? '';
  if (/^0\.\d+/.test(version))
    return { flavour: 'thanos', evidence: `buildinfo version ${version} (Thanos)` };
  if (s.thanosStores) return { flavour: 'thanos', evidence: '/api/v1/stores answered' };
  if (version) return { flavour: 'prometheus', evidence: `buildinfo version ${version}` };
  return {
    flavour: 'prometheus',
    evidence: 'answers queries, but names no flavour: assuming Prometheus',
  };
}

async function probe(client: PrometheusClient, feature: Feature): Promise<FeatureCheck> {
  const t = nowSec();
  const none = new URLSearchParams();
  try {
    switch (feature) {
      case 'metadata':
        await client.metadata({ limit: 1 });
        break;
      case 'alerts':
        await client.alerts();
        break;
      case 'rules':
        await client.call('/api/v1/rules', none);
        break;
      case 'exemplars':
        await client.call(
          '/api/v1/query_exemplars',
          new URLSearchParams({ query: 'up', start: String(t - 300), end: String(t) }),
        );
        break;
      case 'queryStats': {
        const a = await client.call<{ stats?: unknown }>(
          '/api/v1/query',
          new URLSearchParams({ query: '1', time: String(t), stats: 'all' }),
        );
        if (!a.data.stats) return { feature, state: 'failed', detail: 'no stats in the answer' };
        break;
      }
      case 'flags':
        await client.call('/api/v1/status/flags', none);
        break;
    }
    return { feature, state: 'ok' };
  } catch (e) {
    return { feature, state: 'failed', detail: e instanceof Error ? e.message : String(e) };
  }
}

function describeFailure(e: unknown): DetectionFailure {
  return {
    ok: false,
    kind: e instanceof PromError ? e.kind : 'error',
    message: e instanceof Error ? e.message : String(e),
  };
}

/** Connects to a server: what it is, its version when it says, and what of the API works. */
export async function detectServer(
  endpoint: Endpoint,
  fetchFn?: FetchFn,
): Promise<Detection | DetectionFailure> {
  const { client, header } = recordingClient(endpoint, fetchFn);
  const first = await attempt(client.query({ expr: '1', timeSec: nowSec() }));
  if (!first.ok) {
    if (isBlocked(first.e)) {
      const why = await diagnoseHeaders(endpoint, fetchFn);
      if (why) return { ok: false, kind: 'header-cors', message: why };
    }
    return describeFailure(first.e);
  }

  const tsdb = await attempt(
    client.call<Record<string, unknown>>('/api/v1/status/tsdb', new URLSearchParams()),
  );
  const vmTsdb =
    tsdb.ok &&
    typeof tsdb.v.data === 'object' &&
    tsdb.v.data !== null &&
    'totalSeries' in tsdb.v.data;
  const vmHeader = header('x-server-hostname') !== undefined;
  let buildInfo: BuildInfo | undefined;
  let thanosStores = false;
  let version: string | undefined;
  if (vmTsdb || vmHeader) {
    version = await vmVersion(client.base, fetchFn);
  } else {
    const bi = await attempt(client.buildInfo());
    if (bi.ok && bi.v.data && typeof bi.v.data === 'object') buildInfo = bi.v.data;
    else thanosStores = (await attempt(client.call('/api/v1/stores', new URLSearchParams()))).ok;
    version = buildInfo?.version || undefined;
  }
  const { flavour, evidence } = flavourFromSignals({ vmTsdb, vmHeader, buildInfo, thanosStores });
  const features = await Promise.all(
    FEATURES.map((f) =>
      offers(flavour, f)
        ? probe(client, f)
        : Promise.resolve<FeatureCheck>({ feature: f, state: 'not-offered' }),
    ),
  );
  const revision = buildInfo?.revision;
  const rev =
    flavour === 'prometheus' && revision && /^[0-9a-f]{7,}$/.test(revision)
      ? ` (${revision.slice(0, 8)})`
      : '';
  return {
    ok: true,
    flavour,
    version,
    evidence,
    features,
    summary: `Connected: ${FLAVOUR_INFO[flavour].label}${version ? ` ${version}${rev}` : ' (the server does not report its version)'}`,
  };
}

async function vmVersion(base: string, fetchFn: FetchFn | undefined): Promise<string | undefined> {
  const f: FetchFn = fetchFn ?? ((input, init) => fetch(input, init));
  try {
    const res = await f(`${base}/metrics`, {
      credentials: 'omit',
      signal: AbortSignal.timeout(5000),
    });
    return res.ok ? vmVersionFromMetrics(await res.text()) : undefined;
  } catch {
    return undefined; // /metrics carries no CORS header: the version stays unknown
  }
}
