// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PrometheusClient, type FetchFn } from '../../prometheus/client';
import { QueryEnvContext, type QueryEnv } from '../../query/env';
import { mount } from '../shared/render.testing';
import type { AlertTransition } from './options';
import { useAlertAnnotations } from './useAlertAnnotations';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const FROM = 1_700_000_000_000;
const TO = FROM + 3 * 3_600_000;

/** A Prometheus that answers every range query with one ALERTS series firing at steps 2–4. */
function alertsServer() {
  const requests: URLSearchParams[] = [];
  const fetchFn: FetchFn = async (url, init) => {
    const u = new URL(url);
    const p = typeof init.body === 'string' ? new URLSearchParams(init.body) : u.searchParams;
    requests.push(p);
    const start = Number(p.get('start'));
    const step = Number(p.get('step'));
    const values = [2, 3, 4].map((i) => [start + i * step, '1']);
    const body = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [{ metric: { alertname: 'Boom', alertstate: 'firing' }, values }],
      },
    };
    return new Response(JSON.stringify(body), {
      headers: { 'content-type': 'application/json' },
    });
  };
  return { requests, fetchFn };
}

function envWith(servers: Record<string, FetchFn>): QueryEnv {
  const handles = Object.fromEntries(
    Object.entries(servers).map(([name, f]) => [
      name,
      {
        name,
        client: new PrometheusClient({ url: `http://${name}.test:9090` }, f),
        scrapeIntervalMs: 15_000,
        cacheKey: name,
      },
    ]),
  );
  return {
    fromMs: FROM,
    toMs: TO,
    timeZone: 'utc',
    datasource: (n) => handles[n ?? 'a'] ?? { error: `no datasource ${n}` },
    scope: {},
    dashboard: { uid: 'd', title: 'D' },
  };
}

function Probe(props: { ds?: string; enabled: boolean; out: AlertTransition[][] }) {
  props.out.push(useAlertAnnotations({ datasource: props.ds }, props.enabled));
  return null;
}

const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 30))));

describe('useAlertAnnotations', () => {
  it('panels on one datasource share ONE ALERTS request; another datasource asks once too', async () => {
    const a = alertsServer();
    const b = alertsServer();
    const env = envWith({ a: a.fetchFn, b: b.fetchFn });
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const seen: AlertTransition[][][] = [[], [], [], [], []];
    const m = mount(
      <QueryClientProvider client={qc}>
        <QueryEnvContext.Provider value={env}>
          <Probe enabled out={seen[0]!} />
          <Probe ds="a" enabled out={seen[1]!} />
          <Probe enabled out={seen[2]!} />
          <Probe ds="b" enabled out={seen[3]!} />
          <Probe ds="b" enabled={false} out={seen[4]!} />
        </QueryEnvContext.Provider>
      </QueryClientProvider>,
    );
    cleanup = m.unmount;
    await settle();
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(1);
    const sent = a.requests[0]!;
    expect(sent.get('query')).toBe('ALERTS');
    // 3 h at 2 000 points is 5.4 s: the datasource's 15 s scrape interval, aligned to it
    expect(sent.get('step')).toBe('15');
    expect(Number(sent.get('start')) % 15).toBe(0);
    const fired = seen[0]!.at(-1)!;
    expect(fired.map((t) => [t.alertname, t.state, t.timeMs])).toEqual([
      ['Boom', 'firing', (Number(sent.get('start')) + 2 * 15) * 1000],
      ['Boom', 'resolved', (Number(sent.get('start')) + 5 * 15) * 1000],
    ]);
    expect(seen[1]!.at(-1)).toEqual(fired);
    expect(seen[2]!.at(-1)).toEqual(fired);
    expect(seen[4]!.at(-1)).toEqual([]);
  });
});
