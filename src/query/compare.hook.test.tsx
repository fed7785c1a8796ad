// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Panel } from '../model/dashboard';
import { PrometheusClient, type FetchFn } from '../prometheus/client';
import { parseCompare, type CompareTo } from './compare';
import type { QueryEnv } from './env';
import { usePanelData, type PanelData } from './usePanelData';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const panel = (extra: Partial<Panel> = {}): Panel => ({
  id: 1,
  type: 'timeseries',
  title: 'T',
  description: '',
  gridPos: { x: 0, y: 0, w: 12, h: 8 },
  targets: [
    { refId: 'A', expr: 'up', legendFormat: '', interval: '', instant: false, hide: false },
  ],
  fieldConfig: { unit: 'short' },
  options: {},
  ...extra,
});

/**
 * A Prometheus answering every range query with one series whose value is its timestamp, except
 * ranges ending before `failBefore` (s), which fail.
 */
function server(failBefore = -Infinity) {
  const requests: URLSearchParams[] = [];
  const fetchFn: FetchFn = async (url) => {
    const q = new URL(url).searchParams;
    requests.push(q);
    const [start, end, step] = ['start', 'end', 'step'].map((k) => Number(q.get(k)));
    if (end! < failBefore)
      return new Response(
        JSON.stringify({ status: 'error', errorType: 'execution', error: 'too old' }),
        { status: 422, headers: { 'content-type': 'application/json' } },
      );
    const values: [number, string][] = [];
    for (let t = start!; t <= end!; t += step!) values.push([t, String(t)]);
    return new Response(
      JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [{ metric: { job: 'x' }, values }] },
      }),
      { headers: { 'content-type': 'application/json' } },
    );
  };
  return { requests, fetchFn };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function mount(panels: Panel[], env: QueryEnv) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const seen: PanelData[][] = panels.map(() => []);
  function Probe(props: { p: Panel; i: number; env: QueryEnv }) {
    seen[props.i]!.push(usePanelData(props.p, props.env, 800, true, { compare: true }));
    return null;
  }
  const root = createRoot(document.createElement('div'));
  const render = (e: QueryEnv) =>
    act(() =>
      root.render(
        <QueryClientProvider client={queryClient}>
          {panels.map((p, i) => (
            <Probe key={i} p={p} i={i} env={e} />
          ))}
        </QueryClientProvider>,
      ),
    );
  render(env);
  cleanups.push(() => act(() => root.unmount()));
  return Object.assign(seen, { render });
}

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1, 6);
const hour = parseCompare('1h') as CompareTo;

function env(fetchFn: FetchFn, compare: CompareTo | null): QueryEnv {
  const client = new PrometheusClient(
    { url: `http://c${String(Math.random()).slice(2)}.test` },
    fetchFn,
  );
  return {
    fromMs: T0 - 2 * HOUR,
    toMs: T0,
    timeZone: 'utc',
    datasource: () => ({ name: 'p', client, scrapeIntervalMs: 15_000, cacheKey: 'p' }),
    scope: {},
    dashboard: { uid: 'd', title: 'D' },
    compare,
  };
}

/** Lets requests answer and renders settle: until nothing is fetching (at most 2 s). */
async function settle(seen?: PanelData[][]) {
  for (let i = 0; i < 100; i++) {
    await act(() => new Promise((r) => setTimeout(r, 20)));
    const last = seen?.map((s) => s.at(-1));
    if (!last || last.every((d) => d && !d.fetching && d.state !== 'loading')) return;
  }
}

describe('usePanelData compares to the past', () => {
  it('sends the same range query moved back by the offset, same step, once for identical panels', async () => {
    const srv = server();
    const seen = mount([panel(), panel({ id: 2 })], env(srv.fetchFn, hour));
    await settle(seen);
    expect(srv.requests).toHaveLength(2);
    const [now, past] = [...srv.requests].sort(
      (a, b) => Number(b.get('end')) - Number(a.get('end')),
    );
    expect(past!.get('query')).toBe(now!.get('query'));
    expect(past!.get('step')).toBe(now!.get('step'));
    expect(Number(past!.get('start'))).toBe(Number(now!.get('start')) - 3600);
    expect(Number(past!.get('end'))).toBe(Number(now!.get('end')) - 3600);
    const data = seen[0]!.at(-1)!;
    expect(data.state).toBe('ok');
    expect(data.compare?.to.label).toBe('1 h ago');
    const pastFrame = data.compare!.results[0]!.frame!;
    const nowFrame = data.results[0]!.frame!;
    expect([...pastFrame.times]).toEqual([...nowFrame.times].map((t) => t - 3600));
    expect(pastFrame.series[0]!.values[0]).toBe(pastFrame.times[0]);
  });

  it('an auto-refresh tick fetches only the tail of the past, as of the present', async () => {
    const srv = server();
    const e0 = env(srv.fetchFn, hour);
    const seen = mount([panel()], e0);
    await settle(seen);
    expect(srv.requests).toHaveLength(2);
    seen.render({ ...e0, fromMs: e0.fromMs + 60_000, toMs: e0.toMs + 60_000 });
    await settle(seen);
    expect(srv.requests).toHaveLength(4);
    for (const r of srv.requests.slice(2))
      expect(Number(r.get('end')) - Number(r.get('start'))).toBeLessThan(600);
    // the merged past equals a full fetch: every value is its own timestamp, an hour back
    const data = seen[0]!.at(-1)!;
    const past = data.compare!.results[0]!.frame!;
    const now = data.results[0]!.frame!;
    expect([...past.times]).toEqual([...now.times].map((t) => t - 3600));
    expect([...past.series[0]!.values]).toEqual([...past.times]);
    expect(past.times.at(-1)).toBe(data.plans[0]!.endSec - 3600);
  });

  it('a panel setting overrides the dashboard: off sends only the present', async () => {
    const srv = server();
    const seen = mount([panel({ compare: 'off' })], env(srv.fetchFn, hour));
    await settle(seen);
    expect(srv.requests).toHaveLength(1);
    expect(seen[0]!.at(-1)!.compare).toBeUndefined();
  });

  it('a failed past is a warning; the present stays', async () => {
    const srv = server(T0 / 1000 - 1800);
    const seen = mount([panel()], env(srv.fetchFn, hour));
    await settle(seen);
    const data = seen[0]!.at(-1)!;
    expect(data.state).toBe('ok');
    expect(data.errors).toEqual([]);
    expect(data.warnings.join()).toMatch(/^1 h ago: .*too old/);
  });

  it('a bad panel offset is the panel error', async () => {
    const srv = server();
    const seen = mount([panel({ compare: '1x' })], env(srv.fetchFn, null));
    await settle(seen);
    expect(seen[0]!.at(-1)!.errors).toEqual([
      'Compare to "1x" is not a duration (e.g. 1h, 1d, 1w, 2d)',
    ]);
  });
});
