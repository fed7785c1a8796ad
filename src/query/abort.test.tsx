// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Panel } from '../model/dashboard';
import { PrometheusClient, type FetchFn } from '../prometheus/client';
import type { QueryEnv } from './env';
import { usePanelData, type PanelData } from './usePanelData';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const panel: Panel = {
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
};

/** A server that never answers: every request waits until its signal aborts. */
function hangingServer() {
  const requests: { url: string; signal: AbortSignal }[] = [];
  const fetchFn: FetchFn = (url, init) =>
    new Promise((_resolve, reject) => {
      requests.push({ url, signal: init.signal! });
      init.signal!.addEventListener('abort', () =>
        reject(new DOMException('aborted', 'AbortError')),
      );
    });
  return { requests, fetchFn };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function mount(env: QueryEnv) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const seen: PanelData[] = [];
  function Probe(props: { env: QueryEnv }) {
    seen.push(usePanelData(panel, props.env, 800, true));
    return null;
  }
  const el = document.createElement('div');
  const root = createRoot(el);
  const render = (e: QueryEnv) =>
    act(() =>
      root.render(
        <QueryClientProvider client={queryClient}>
          <Probe env={e} />
        </QueryClientProvider>,
      ),
    );
  render(env);
  cleanups.push(() => act(() => root.unmount()));
  return { render, seen };
}

describe('usePanelData', () => {
  it('aborts the request in flight when the time range changes', async () => {
    const server = hangingServer();
    const client = new PrometheusClient({ url: 'http://abort.test:9090' }, server.fetchFn);
    const env = (fromMs: number, toMs: number): QueryEnv => ({
      fromMs,
      toMs,
      timeZone: 'utc',
      datasource: () => ({ name: 'p', client, scrapeIntervalMs: 15_000, cacheKey: 'p' }),
      scope: {},
      dashboard: { uid: 'd', title: 'D' },
    });
    const { render, seen } = mount(env(0, 3_600_000));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toContain('start=0&end=3600');
    expect(server.requests[0]!.signal.aborted).toBe(false);

    render(env(3_600_000, 7_200_000));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.signal.aborted).toBe(true);
    expect(server.requests[1]!.url).toContain('start=3600&end=7200');
    expect(server.requests[1]!.signal.aborted).toBe(false);
    // the cancelled request is no error on the panel
    expect(seen.at(-1)!.errors).toEqual([]);
  });
});
