// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Panel } from '../model/dashboard';
import { PrometheusClient, type FetchFn } from '../prometheus/client';
import { promqlParserLoaded } from '../variables/promql';
import type { QueryEnv } from './env';
import { usePanelData, type PanelData } from './usePanelData';

// The PromQL grammar loads on demand (variables/promql.ts): a panel whose expression holds a
// dashboard variable sends nothing until it is there, then the escaped query; one without
// variables never loads it. This file's module state starts without the grammar.

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const panelWith = (expr: string): Panel => ({
  id: 1,
  type: 'timeseries',
  title: 'T',
  description: '',
  gridPos: { x: 0, y: 0, w: 12, h: 8 },
  targets: [{ refId: 'A', expr, legendFormat: '', interval: '', instant: false, hide: false }],
  fieldConfig: { unit: 'short' },
  options: {},
});

/** Records the `query` of every request; answers nothing (the requests are what is tested). */
function recordingServer() {
  const queries: string[] = [];
  const fetchFn: FetchFn = (url, init) => {
    const u = new URL(url);
    const body = typeof init.body === 'string' ? new URLSearchParams(init.body) : undefined;
    queries.push(u.searchParams.get('query') ?? body?.get('query') ?? '');
    return new Promise((_resolve, reject) =>
      init.signal!.addEventListener('abort', () =>
        reject(new DOMException('aborted', 'AbortError')),
      ),
    );
  };
  return { queries, fetchFn };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function mount(panel: Panel, fetchFn: FetchFn) {
  const client = new PrometheusClient({ url: 'http://grammar.test:9090' }, fetchFn);
  const env: QueryEnv = {
    fromMs: 0,
    toMs: 3_600_000,
    timeZone: 'utc',
    datasource: () => ({ name: 'p', client, scrapeIntervalMs: 15_000, cacheKey: 'p' }),
    scope: { job: { value: 'a.b' } },
    dashboard: { uid: 'd', title: 'D' },
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const seen: PanelData[] = [];
  function Probe() {
    seen.push(usePanelData(panel, env, 800, true));
    return null;
  }
  const root = createRoot(document.createElement('div'));
  act(() =>
    root.render(
      <QueryClientProvider client={queryClient}>
        <Probe />
      </QueryClientProvider>,
    ),
  );
  cleanups.push(() => act(() => root.unmount()));
  return seen;
}

const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 50))));

/** Settles until `done` holds (the grammar's chunk takes longer under a busy parallel suite), 5 s at most. */
async function settleUntil(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 5000; waited += 50) await settle();
  await settle();
}

describe('usePanelData and the PromQL grammar', () => {
  it('built-ins only: asks at once and never loads the grammar', async () => {
    const server = recordingServer();
    const seen = mount(panelWith('rate(up{job="x"}[$__rate_interval])'), server.fetchFn);
    await settle();
    expect(server.queries).toEqual(['rate(up{job="x"}[1m])']);
    expect(seen.at(-1)!.state).toBe('loading');
    expect(promqlParserLoaded()).toBe(false);
  });

  it('a dashboard variable: loading and no request until the grammar is here, then one', async () => {
    const server = recordingServer();
    const seen = mount(panelWith('up{job=~"$job"}'), server.fetchFn);
    expect(seen[0]!.state).toBe('loading');
    expect(seen[0]!.errors).toEqual([]);
    expect(server.queries).toEqual([]);
    await settleUntil(() => promqlParserLoaded() && server.queries.length > 0);
    expect(promqlParserLoaded()).toBe(true);
    expect(server.queries).toEqual(['up{job=~"a\\\\.b"}']);
  });
});
