// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PrometheusClient } from '../../prometheus/client';
import { promKeys } from '../../prometheus/queries';
import type { Panel } from '../../model/dashboard';
import {
  cleanupMounts,
  mountPlugin,
  pluginView,
  testEnv,
  testPanel,
} from '../shared/render.testing';
import alertlistPlugin from '.';

afterEach(cleanupMounts);
// the View's code loads on demand (shared/lazy.tsx)
beforeAll(() => alertlistPlugin.load?.());

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
  const env = (to: number) => testEnv(client, { toMs: to });
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const panel = testPanel('alertlist', { targets: [] });
  const reportError = vi.fn();
  const setup = (to: number) => ({ env: env(to), queryClient: qc, ctx: { reportError } });
  const mount = (p: Panel = panel) => mountPlugin(alertlistPlugin, p, setup(toMs));
  return { qc, panel, setup, mount, reportError };
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
    const m = setup(fetchFn).mount();
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
    const { mount, panel } = setup(fetchFn);
    const m = mount({ ...panel, options: { stateFilter: { firing: false, pending: true } } });
    await until(() => !!m.container.querySelector('[data-testid="alert-item"]'));
    const items = [...m.container.querySelectorAll<HTMLElement>('[data-testid="alert-item"]')];
    expect(items.map((i) => i.dataset.alertname)).toEqual(['HighLatency']);
  });

  it('reports fetch errors to the shell, which shows them (PanelShell.test.tsx)', async () => {
    const fetchFn = vi.fn(
      async () =>
        new Response(JSON.stringify({ status: 'error', errorType: 'internal', error: 'boom' }), {
          status: 500,
        }),
    );
    const { mount, reportError } = setup(fetchFn);
    const m = mount();
    await until(() => reportError.mock.calls.some(([e]) => e !== undefined));
    expect(reportError.mock.lastCall?.[0]).toMatch(/boom/);
    expect(m.container.querySelector('[data-testid="panel-error"]')).toBeNull();
  });

  it('refetches when the dashboard time moves and when ["prom"] is invalidated', async () => {
    const fetchFn = vi.fn(
      async (_url: string) => new Response(JSON.stringify(body), { status: 200 }),
    );
    const { qc, panel, setup: at } = setup(fetchFn);
    const m = mountPlugin(alertlistPlugin, panel, at(1));
    const container = m.container;
    await until(() => !!container.querySelector('[data-testid="alert-item"]'));
    expect(fetchFn).toHaveBeenCalledTimes(1);
    m.rerender(pluginView(alertlistPlugin, panel, at(2)));
    await until(() => fetchFn.mock.calls.length === 2);
    await act(() => qc.invalidateQueries({ queryKey: ['prom'] }));
    await until(() => fetchFn.mock.calls.length === 3);
    expect(qc.getQueryData(promKeys.alerts('k1'))).toBeDefined();
  });

  it('reports the datasource error itself for an unknown datasource (the shell runs no query)', () => {
    const fetchFn = vi.fn();
    const { mount, panel, reportError } = setup(fetchFn);
    const m = mount({ ...panel, datasource: 'missing' });
    expect(reportError).toHaveBeenLastCalledWith('Unknown datasource "missing"');
    expect(m.container.querySelector('[data-testid="panel-error"]')).toBeNull();
    expect(m.container.querySelector('[data-testid="alert-item"]')).toBeNull();
    expect(fetchFn).not.toHaveBeenCalled();
  });
});
