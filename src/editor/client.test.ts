import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LanguageType, promQLLanguage } from '@prometheus-io/codemirror-promql';
import { PrometheusClient } from '../prometheus/client';
import {
  createEditorClient,
  matchersToSelector,
  registerMatcherOps,
  type ScryClientLike,
} from './client';

const nodeTypes = promQLLanguage(LanguageType.PromQL).parser.nodeSet.types;
const id = (name: string) => nodeTypes.find((t) => t.name === name)!.id;

function fake() {
  const answer = <T>(data: T) => Promise.resolve({ data, warnings: [] });
  const c = {
    base: 'http://prom:9090',
    endpoint: { url: 'http://prom:9090', headers: { 'X-Scope-OrgID': 'a' } },
    labelNames: vi.fn((_q?: unknown) => answer(['job', 'instance'])),
    labelValues: vi.fn((label: string, _q?: unknown) =>
      answer(label === '__name__' ? ['up', 'http_requests_total'] : ['api', 'web']),
    ),
    series: vi.fn((_q: unknown) => answer([{ __name__: 'up', job: 'api' }])),
    metadata: vi.fn((q?: { metric?: string }) => {
      const all: Record<string, { type: string; help: string; unit: string }[]> = {
        http_requests_total: [{ type: 'counter', help: 'Requests.', unit: '' }],
        lat_seconds: [{ type: 'histogram', help: 'Latency.', unit: 'seconds' }],
      };
      const m = q?.metric;
      return answer(m ? (all[m] ? { [m]: all[m] } : {}) : all);
    }),
    call: vi.fn((_path: string, _p: URLSearchParams) =>
      answer({ 'storage.tsdb.retention.time': '15d' }),
    ),
  };
  return c;
}

// The cache is the app's TanStack QueryClient (a fresh one per test); its staleness follows
// Date.now, which the tests move by hand.
let now = 1_700_000_000_000;
let qc = new QueryClient();
const setNow = (ms: number) => {
  now = ms;
  vi.setSystemTime(now);
};

beforeEach(() => {
  qc = new QueryClient();
  vi.useFakeTimers({ toFake: ['Date'] });
  setNow(1_700_000_000_000);
});
afterEach(() => {
  qc.clear();
  vi.useRealTimers();
});

const signal = { signal: expect.any(AbortSignal) as AbortSignal };

describe('EditorPromClient', () => {
  it('asks Scry’s client with a lookback range and maps answers', async () => {
    const c = fake();
    const a = createEditorClient(c as unknown as ScryClientLike, {
      queryClient: qc,
      lookbackMs: 3600_000,
    });
    expect(await a.labelNames('up')).toEqual(['job', 'instance']);
    expect(c.labelNames).toHaveBeenCalledWith(
      {
        startSec: 1_700_000_000 - 3600,
        endSec: 1_700_000_000,
        match: ['up'],
      },
      signal,
    );
    expect(await a.metricNames()).toEqual(['up', 'http_requests_total']);
    expect(c.labelValues).toHaveBeenCalledWith(
      '__name__',
      expect.not.objectContaining({ match: expect.anything() }),
      signal,
    );
    const series = await a.series('up');
    expect(series[0]).toBeInstanceOf(Map);
    expect(series[0]?.get('job')).toBe('api');
    expect(await a.flags()).toEqual({ 'storage.tsdb.retention.time': '15d' });
    expect(c.call.mock.calls[0]?.[0]).toBe('/api/v1/status/flags');
    expect((await a.metricMetadata()).http_requests_total?.[0]?.type).toBe('counter');
  });

  it('caches per datasource for the TTL, then asks again', async () => {
    const c = fake();
    const a = createEditorClient(c as unknown as ScryClientLike, { queryClient: qc });
    const b = createEditorClient(c as unknown as ScryClientLike, { queryClient: qc });
    await Promise.all([a.labelNames(), a.labelNames(), b.labelNames()]);
    expect(c.labelNames).toHaveBeenCalledTimes(1);
    setNow(now + 59_000);
    await a.labelNames();
    expect(c.labelNames).toHaveBeenCalledTimes(1);
    setNow(now + 2_000);
    await a.labelNames();
    expect(c.labelNames).toHaveBeenCalledTimes(2);
    // another datasource (other headers) has its own cache
    const other = { ...c, endpoint: { url: c.base, headers: { 'X-Scope-OrgID': 'b' } } };
    await createEditorClient(other as unknown as ScryClientLike, { queryClient: qc }).labelNames();
    expect(c.labelNames).toHaveBeenCalledTimes(3);
  });

  it('swallows failures, reports them and does not cache them', async () => {
    const c = fake();
    c.labelValues.mockImplementationOnce(() => Promise.reject(new Error('boom')));
    const onError = vi.fn();
    const a = createEditorClient(c as unknown as ScryClientLike, { queryClient: qc, onError });
    expect(await a.labelValues('job')).toEqual([]);
    expect(onError).toHaveBeenCalledOnce();
    expect(await a.labelValues('job')).toEqual(['api', 'web']);
  });

  it('passes matchers as match[] without the completed label or variables', async () => {
    registerMatcherOps(nodeTypes);
    const c = fake();
    const a = createEditorClient(c as unknown as ScryClientLike, {
      queryClient: qc,
      lookbackMs: 0,
    });
    await a.labelValues('instance', 'up', [
      { type: id('EqlSingle'), name: 'job', value: 'api' },
      { type: id('NeqRegex'), name: 'env', value: 'dev.*' },
      { type: id('EqlSingle'), name: 'instance', value: 'x' },
      { type: id('EqlRegex'), name: 'cluster', value: '$cluster' },
    ]);
    expect(c.labelValues).toHaveBeenCalledWith(
      'instance',
      { match: ['up{job="api",env!~"dev.*"}'] },
      signal,
    );
  });

  it('finds metadata of a family from a series name', async () => {
    const c = fake();
    const a = createEditorClient(c as unknown as ScryClientLike, { queryClient: qc });
    expect(await a.metadataFor('lat_seconds_bucket')).toEqual([
      { name: 'lat_seconds', type: 'histogram', help: 'Latency.', unit: 'seconds' },
    ]);
    expect(c.metadata).toHaveBeenCalledWith({ metric: 'lat_seconds' }, signal);
    expect(await a.metadataFor('nope')).toEqual([]);
    // once completion has the whole list, hover uses it
    await a.metricMetadata();
    c.metadata.mockClear();
    expect((await a.metadataFor('http_requests_total'))[0]?.type).toBe('counter');
    expect(c.metadata).not.toHaveBeenCalled();
  });
});

describe('over a real Scry client', () => {
  it('sends the datasource headers and respects its concurrency limit', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const seen: { url: string; headers: Record<string, string> }[] = [];
    const fetchFn = async (url: string, init: RequestInit) => {
      seen.push({ url, headers: init.headers as Record<string, string> });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return new Response(JSON.stringify({ status: 'success', data: ['a'] }), { status: 200 });
    };
    const prom = new PrometheusClient(
      { url: 'http://limited:9090/', headers: { Authorization: 'Bearer t' }, maxConcurrent: 2 },
      fetchFn,
    );
    const a = createEditorClient(prom, { queryClient: qc, lookbackMs: 0 });
    const got = await Promise.all(['l1', 'l2', 'l3', 'l4', 'l5'].map((l) => a.labelValues(l)));
    expect(got).toEqual([['a'], ['a'], ['a'], ['a'], ['a']]);
    expect(seen).toHaveLength(5);
    expect(seen[0]?.url).toBe('http://limited:9090/api/v1/label/l1/values');
    expect(seen.every((r) => r.headers.Authorization === 'Bearer t')).toBe(true);
    expect(maxInFlight).toBe(2);
  });
});

describe('matchersToSelector', () => {
  it('builds selectors', () => {
    registerMatcherOps(nodeTypes);
    expect(matchersToSelector('up', [])).toBe('up');
    expect(matchersToSelector('', [{ type: id('Neq'), name: 'a', value: 'b' }])).toBe('{a!="b"}');
    expect(matchersToSelector('$metric', [])).toBe('');
  });
});
