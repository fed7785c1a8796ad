// @vitest-environment jsdom
// Issue 14, finding 2: on a server without the alerts API the alert list says so quietly and
// asks nothing; an alert list's error is reported to the shell (which shows it, data-state="error").
import { QueryClient } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PrometheusClient } from '../../prometheus/client';
import type { Flavour } from '../../prometheus/flavour';
import { cleanupMounts, mountPlugin, testEnv, testPanel } from '../shared/render.testing';
import alertlistPlugin from '.';

afterEach(cleanupMounts);
// the View's code loads on demand (shared/lazy.tsx)
beforeAll(() => alertlistPlugin.load?.());

function render(fetchFn: (url: string) => Promise<Response>, flavour: Flavour | undefined) {
  const client = new PrometheusClient({ url: 'http://vm.test' }, (u) => fetchFn(u));
  const env = testEnv(client, { cacheKey: `k-${flavour}`, ...(flavour ? { flavour } : {}) });
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const reportError = vi.fn();
  const m = mountPlugin(alertlistPlugin, testPanel('alertlist', { targets: [] }), {
    env,
    queryClient: qc,
    ctx: { reportError },
  });
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
    expect(reportError.mock.calls.filter(([e]) => e !== undefined)).toEqual([]);
  });

  it('a failed request is reported as an error (the shell shows it: PanelShell.test.tsx)', async () => {
    const fetchFn = vi.fn(async () => new Response('no such path', { status: 404 }));
    const { container, reportError } = render(fetchFn, undefined);
    for (let i = 0; i < 20 && reportError.mock.lastCall?.[0] === undefined; i++) await flush();
    expect(reportError.mock.lastCall?.[0]).toMatch(/^HTTP 404/);
    expect(container.querySelector('[data-testid="panel-error"]')).toBeNull();
  });
});
