// @vitest-environment jsdom
/**
 * Errors are shown by the shell only, whatever the panel's query mode: a query panel's failed
 * targets (range and instant) and the error a panel with data of its own reports (the alert
 * list, through ctx.reportError) appear once, in the shell's box, and data-state is "error"
 * exactly then.
 */
import { recordCanvas, setElementSize } from '../charts/testCanvas';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Panel } from '../model/dashboard';
import { PrometheusClient } from '../prometheus/client';
import type { Flavour } from '../prometheus/flavour';
import { QueryEnvContext } from '../query/env';
import PanelShell from './PanelShell';
import { cleanupMounts, mount, testEnv, testPanel } from './shared/render.testing';

let restoreSize: () => void;
beforeAll(() => {
  recordCanvas();
  // the shell draws the view once its body has a size (jsdom lays nothing out)
  restoreSize = setElementSize(600, 300);
});
afterAll(() => restoreSize());
afterEach(cleanupMounts);

type Answer = { status: number; body: unknown };
const ok = (data: unknown): Answer => ({ status: 200, body: { status: 'success', data } });
const failed = (status: number, errorType: string, error: string): Answer => ({
  status,
  body: { status: 'error', errorType, error },
});

function render(panel: Panel, answer: (url: string) => Answer, flavour?: Flavour) {
  const fetchFn = vi.fn(async (url: string) => {
    const a = answer(url);
    return new Response(typeof a.body === 'string' ? a.body : JSON.stringify(a.body), {
      status: a.status,
    });
  });
  const client = new PrometheusClient({ url: 'http://prom.test' }, (u) => fetchFn(u));
  const env = {
    ...testEnv(client, { cacheKey: `k-${flavour}`, ...(flavour ? { flavour } : {}) }),
    fromMs: 1_700_000_000_000,
    toMs: 1_700_003_600_000,
  };
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const m = mount(
    <QueryClientProvider client={qc}>
      <QueryEnvContext.Provider value={env}>
        <PanelShell panel={panel} ctx={{}} />
      </QueryEnvContext.Provider>
    </QueryClientProvider>,
  );
  const root = () => m.container.querySelector<HTMLElement>('[data-testid="panel"]')!;
  const errors = () =>
    [...m.container.querySelectorAll('[data-testid="panel-error"]')].map((e) => e.textContent);
  return { root, errors, fetchFn, container: m.container };
}

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
/** Waits for `cond` up to 5 s (the rare panels' code loads on demand: slow on a loaded machine). */
async function until(cond: () => boolean) {
  const start = Date.now();
  while (!cond() && Date.now() - start < 5000) await flush();
  expect(cond()).toBe(true);
}

const alertList = (over: Partial<Panel> = {}) => testPanel('alertlist', { targets: [], ...over });

describe('PanelShell shows every error, and data-state says so', () => {
  it('alert list (no queries): an unknown datasource, shown once, data-state="error"', async () => {
    const { root, errors, fetchFn, container } = render(alertList({ datasource: 'missing' }), () =>
      ok({ alerts: [] }),
    );
    await until(() => root().dataset.state === 'error');
    expect(errors()).toEqual(['Unknown datasource "missing"']);
    expect(container.querySelector('[data-testid="alert-item"]')).toBeNull();
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('alert list: a failed request is shown by the shell', async () => {
    const { root, errors } = render(alertList(), () => failed(500, 'internal', 'boom'));
    await until(() => errors().length > 0);
    expect(errors()).toHaveLength(1);
    expect(errors()[0]).toMatch(/boom/);
    expect(root().dataset.state).toBe('error');
  });

  it('alert list: an HTTP failure without a Prometheus body', async () => {
    const { root, errors } = render(alertList(), () => ({ status: 404, body: 'no such path' }));
    await until(() => errors().length > 0);
    expect(errors()[0]).toMatch(/^HTTP 404/);
    expect(root().dataset.state).toBe('error');
  });

  it('alert list: alerts, or a server without the API, are no error', async () => {
    const good = render(alertList(), () => ok({ alerts: [] }));
    await until(() => !!good.container.querySelector('[data-testid="alertlist-empty"]'));
    expect(good.root().dataset.state).toBe('ok');
    expect(good.errors()).toEqual([]);
    const vm = render(alertList(), () => ok({ alerts: [] }), 'victoriametrics');
    await flush();
    expect(vm.container.querySelector('[data-testid="alertlist-not-offered"]')).not.toBeNull();
    expect(vm.root().dataset.state).toBe('ok');
    expect(vm.errors()).toEqual([]);
    expect(vm.fetchFn).not.toHaveBeenCalled();
  });

  it('range panel (time series): a broken query', async () => {
    const { root, errors, fetchFn } = render(
      testPanel('timeseries', {
        targets: [
          { refId: 'A', expr: 'sum(', legendFormat: '', interval: '', instant: false, hide: false },
        ],
      }),
      () => failed(400, 'bad_data', '1:5: parse error: unexpected end of input'),
    );
    await until(() => root().dataset.state === 'error');
    expect(fetchFn.mock.calls[0]![0]).toContain('/api/v1/query_range?');
    expect(errors()).toHaveLength(1);
    expect(errors()[0]).toContain('parse error: unexpected end of input');
  });

  it('instant panel (stat, table): a broken query', async () => {
    for (const type of ['stat', 'table']) {
      const { root, errors, fetchFn } = render(
        testPanel(type, {
          options: type === 'stat' ? {} : { format: 'instant' },
          targets: [
            {
              refId: 'A',
              expr: 'rate(',
              legendFormat: '',
              interval: '',
              instant: true,
              hide: false,
            },
          ],
        }),
        () => failed(400, 'bad_data', '1:6: parse error: unexpected end of input'),
      );
      await until(() => root().dataset.state === 'error');
      expect(fetchFn.mock.calls.length).toBeGreaterThan(0);
      expect(errors()).toHaveLength(1);
      expect(errors()[0]).toContain('parse error');
    }
  });

  it('an unknown panel type', () => {
    const { root, errors } = render(testPanel('nope'), () => ok({}));
    expect(root().dataset.state).toBe('error');
    expect(errors()).toEqual(['Unsupported panel type "nope"']);
  });
});
