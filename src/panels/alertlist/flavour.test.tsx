// @vitest-environment jsdom
// Issue 14, finding 2: on a server without the alerts API the alert list says so quietly and
// asks nothing; an alert list that shows an error reports it (the shell's data-state="error").
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrometheusClient } from '../../prometheus/client';
import type { Flavour } from '../../prometheus/flavour';
import { QueryEnvContext, type QueryEnv } from '../../query/env';
import { mount, testCtx, testData, testPanel } from '../shared/render.testing';
import PluginView from '../PluginView';
import alertlistPlugin from '.';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function render(fetchFn: (url: string) => Promise<Response>, flavour: Flavour | undefined) {
  const client = new PrometheusClient({ url: 'http://vm.test' }, (u) => fetchFn(u));
  const env: QueryEnv = {
    fromMs: 0,
    toMs: 1,
    timeZone: 'utc',
    datasource: () => ({
      name: 'vm',
      client,
      scrapeIntervalMs: 15000,
      cacheKey: `k-${flavour}`,
      ...(flavour ? { flavour } : {}),
    }),
    scope: {},
    dashboard: { uid: 'u', title: 't' },
  };
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const reportError = vi.fn();
  const m = mount(
    <QueryClientProvider client={qc}>
      <QueryEnvContext.Provider value={env}>
        <PluginView
          plugin={alertlistPlugin}
          panel={testPanel('alertlist', { targets: [] })}
          data={testData([])}
          widthPx={400}
          heightPx={300}
          ctx={{ ...testCtx, reportError }}
        />
      </QueryEnvContext.Provider>
    </QueryClientProvider>,
  );
  cleanup = m.unmount;
  return { container: m.container, reportError };
}

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('AlertListPanel and the datasource flavour', () => {
  it('VictoriaMetrics: a quiet "not offered by this server", no request, no error', async () => {
    const fetchFn = vi.fn(async () => new Response('{}'));
    const { container, reportError } = render(fetchFn, 'victoriametrics');
    await flush();
    expect(fetchFn).not.toHaveBeenCalled();
    expect(container.querySelector('[data-testid="alertlist-not-offered"]')?.textContent).toBe(
      'Alerts: not offered by this server (VictoriaMetrics).',
    );
    expect(container.querySelector('[data-testid="panel-error"]')).toBeNull();
    expect(reportError).not.toHaveBeenCalledWith(true);
  });

  it('a failed request is shown and reported as an error', async () => {
    const fetchFn = vi.fn(async () => new Response('no such path', { status: 404 }));
    const { container, reportError } = render(fetchFn, undefined);
    for (let i = 0; i < 20 && !container.querySelector('[data-testid="panel-error"]'); i++)
      await flush();
    expect(container.querySelector('[data-testid="panel-error"]')?.textContent).toMatch(
      /^HTTP 404/,
    );
    expect(reportError).toHaveBeenLastCalledWith(true);
  });
});
