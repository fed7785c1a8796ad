// @vitest-environment jsdom
// A panel's data must not change (nor the panel re-render) because another panel's request
// started or ended: with ten panels loading, each one's chart was redrawn some twenty times.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Panel } from '../model/dashboard';
import { PrometheusClient, type FetchFn } from '../prometheus/client';
import type { QueryEnv } from './env';
import { usePanelData, type PanelData } from './usePanelData';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const panelOf = (id: number, expr: string): Panel => ({
  id,
  type: 'timeseries',
  title: expr,
  description: '',
  gridPos: { x: 0, y: 0, w: 12, h: 8 },
  targets: [{ refId: 'A', expr, legendFormat: '', interval: '', instant: false, hide: false }],
  fieldConfig: { unit: 'short' },
  options: {},
});

const matrix = JSON.stringify({
  status: 'success',
  data: { resultType: 'matrix', result: [{ metric: {}, values: [[0, '1']] }] },
});

const roots: Root[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) act(() => r.unmount());
});

/** Lets requests, answers and renders run until `done()` holds (polled; a loaded machine is slow). */
const settle = async (done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++)
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  // and a little more, for what would follow (a re-render that must not come)
  await act(async () => {
    await new Promise((r) => setTimeout(r, 20));
  });
};

describe('usePanelData on a dashboard', () => {
  it("re-renders a panel neither for other panels' requests nor with new results", async () => {
    // 'a' is answered at once; 'b' when told
    let answerB: (() => void) | undefined;
    const fetchFn: FetchFn = (url) =>
      new URL(url).searchParams.get('query') === 'a'
        ? Promise.resolve(new Response(matrix))
        : new Promise((resolve) => (answerB = () => resolve(new Response(matrix))));
    const client = new PrometheusClient({ url: 'http://rerender.test:9090' }, fetchFn);
    const env: QueryEnv = {
      fromMs: 0,
      toMs: 3_600_000,
      timeZone: 'utc',
      datasource: () => ({ name: 'p', client, scrapeIntervalMs: 15_000, cacheKey: 'p' }),
      scope: {},
      dashboard: { uid: 'd', title: 'D' },
    };
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const seen: Record<string, PanelData[]> = { a: [], b: [] };
    function Probe({ expr, tick }: { expr: string; tick: number }) {
      const data = usePanelData(panelOf(expr === 'a' ? 1 : 2, expr), env, 800, true);
      seen[expr]!.push(data);
      return <span data-tick={tick} />;
    }
    const mount = (expr: string) => {
      const root = createRoot(document.createElement('div'));
      roots.push(root);
      const render = (tick: number) =>
        act(() =>
          root.render(
            <QueryClientProvider client={queryClient}>
              <Probe expr={expr} tick={tick} />
            </QueryClientProvider>,
          ),
        );
      render(0);
      return render;
    };

    const renderA = mount('a');
    await settle(() => seen.a!.at(-1)?.state === 'ok');
    expect(seen.a!.at(-1)!.state).toBe('ok');
    const rendersOfA = seen.a!.length;

    // another panel's request starts and, later, ends
    mount('b');
    await settle(() => seen.b!.at(-1)?.fetching === true && answerB !== undefined);
    expect(seen.b!.at(-1)!.fetching).toBe(true);
    answerB!();
    await settle(() => seen.b!.at(-1)?.state === 'ok');
    expect(seen.b!.at(-1)!.state).toBe('ok');
    expect(seen.a!.length).toBe(rendersOfA);

    // a re-render for anything else keeps the same results (charts memoise on them)
    const results = seen.a!.at(-1)!.results;
    renderA(1);
    expect(seen.a!.length).toBe(rendersOfA + 1);
    expect(seen.a!.at(-1)!.results).toBe(results);
  });
});
