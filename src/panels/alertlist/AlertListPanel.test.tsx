// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrometheusClient } from '../../prometheus/client';
import { QueryEnvContext, type QueryEnv } from '../../query/env';
import { promKeys } from '../../prometheus/queries';
import { mount, testCtx, testData, testPanel } from '../shared/render.testing';
import PluginView from '../PluginView';
import alertlistPlugin from '.';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const body = {
  status: 'success',
  data: {
    alerts: [
      {
        labels: { alertname: 'HighLatency', job: 'api' },
        annotations: { summary: 'p99 above 1s' },
        state: 'pending',
        activeAt: '2024-01-01T10:00:00Z',
        value: '1.5',
      },
      {
        labels: { alertname: 'InstanceDown', job: 'db' },
        annotations: {},
        state: 'firing',
        activeAt: '2024-01-01T09:00:00Z',
        value: '0',
      },
    ],
  },
};

function setup(fetchFn: (url: string) => Promise<Response>, toMs = 1) {
  const client = new PrometheusClient({ url: 'http://prom.test' }, (u) => fetchFn(u));
  const env = (to: number): QueryEnv => ({
    fromMs: 0,
    toMs: to,
    timeZone: 'utc',
    datasource: (name) =>
      name === 'missing'
        ? { error: 'Unknown datasource "missing"' }
        : { name: 'prom', client, scrapeIntervalMs: 15000, cacheKey: 'k1' },
    scope: {},
    dashboard: { uid: 'u', title: 't' },
  });
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const panel = testPanel('alertlist', { targets: [] });
  const tree = (to: number, p = panel) => (
    <QueryClientProvider client={qc}>
      <QueryEnvContext.Provider value={env(to)}>
        <PluginView
          plugin={alertlistPlugin}
          panel={p}
          data={testData([])}
          widthPx={400}
          heightPx={300}
          ctx={testCtx}
        />
      </QueryEnvContext.Provider>
    </QueryClientProvider>
  );
  return { qc, tree, panel, toMs };
}

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
async function until(cond: () => boolean) {
  for (let i = 0; i < 50 && !cond(); i++) await flush();
  expect(cond()).toBe(true);
}

describe('AlertListPanel', () => {
  it('lists firing then pending alerts with state, labels and since', async () => {
    const fetchFn = vi.fn(
      async (_url: string) => new Response(JSON.stringify(body), { status: 200 }),
    );
    const { tree } = setup(fetchFn);
    const m = mount(tree(1));
    cleanup = m.unmount;
    await until(() => !!m.container.querySelector('[data-testid="alert-item"]'));
    expect(fetchFn.mock.calls[0]![0]).toBe('http://prom.test/api/v1/alerts');
    const items = [...m.container.querySelectorAll<HTMLElement>('[data-testid="alert-item"]')];
    expect(items.map((i) => [i.dataset.state, i.dataset.alertname])).toEqual([
      ['firing', 'InstanceDown'],
      ['pending', 'HighLatency'],
    ]);
    expect(items[0]!.querySelector('.alert-since')!.textContent).toContain(
      'since 2024-01-01 09:00:00',
    );
    expect(items[1]!.querySelector('.alert-summary')!.textContent).toBe('p99 above 1s');
    expect(items[1]!.querySelector('.alert-label')!.textContent).toBe('job=api');
  });

  it('filters by options', async () => {
    const fetchFn = vi.fn(
      async (_url: string) => new Response(JSON.stringify(body), { status: 200 }),
    );
    const { tree, panel } = setup(fetchFn);
    const m = mount(
      tree(1, { ...panel, options: { stateFilter: { firing: false, pending: true } } }),
    );
    cleanup = m.unmount;
    await until(() => !!m.container.querySelector('[data-testid="alert-item"]'));
    const items = [...m.container.querySelectorAll<HTMLElement>('[data-testid="alert-item"]')];
    expect(items.map((i) => i.dataset.alertname)).toEqual(['HighLatency']);
  });

  it('shows fetch errors inside the panel', async () => {
    const fetchFn = vi.fn(
      async () =>
        new Response(JSON.stringify({ status: 'error', errorType: 'internal', error: 'boom' }), {
          status: 500,
        }),
    );
    const { tree } = setup(fetchFn);
    const m = mount(tree(1));
    cleanup = m.unmount;
    await until(() => !!m.container.querySelector('[data-testid="panel-error"]'));
    expect(m.container.querySelector('[data-testid="panel-error"]')?.textContent).toMatch(/boom/);
  });

  it('refetches when the dashboard time moves and when ["prom"] is invalidated', async () => {
    const fetchFn = vi.fn(
      async (_url: string) => new Response(JSON.stringify(body), { status: 200 }),
    );
    const { tree, qc } = setup(fetchFn);
    const container = document.createElement('div');
    document.body.appendChild(container);
    const { createRoot } = await import('react-dom/client');
    const root = createRoot(container);
    cleanup = () => {
      act(() => root.unmount());
      container.remove();
    };
    act(() => root.render(tree(1)));
    await until(() => !!container.querySelector('[data-testid="alert-item"]'));
    expect(fetchFn).toHaveBeenCalledTimes(1);
    act(() => root.render(tree(2)));
    await until(() => fetchFn.mock.calls.length === 2);
    await act(() => qc.invalidateQueries({ queryKey: ['prom'] }));
    await until(() => fetchFn.mock.calls.length === 3);
    expect(qc.getQueryData(promKeys.alerts('k1'))).toBeDefined();
  });

  it('shows the datasource error itself for an unknown datasource (the shell runs no query)', () => {
    const fetchFn = vi.fn();
    const { tree, panel } = setup(fetchFn);
    const m = mount(tree(1, { ...panel, datasource: 'missing' }));
    cleanup = m.unmount;
    const err = m.container.querySelector('[data-testid="panel-error"]');
    expect(err?.textContent).toBe('Unknown datasource "missing"');
    expect(m.container.querySelector('[data-testid="alert-item"]')).toBeNull();
    expect(fetchFn).not.toHaveBeenCalled();
  });
});
