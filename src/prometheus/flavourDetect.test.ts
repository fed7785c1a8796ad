import { describe, expect, it } from 'vitest';
import { flavourParams, notOfferedText } from './flavour';
import {
  detectServer,
  diagnoseHeaders,
  flavourFromSignals,
  vmVersionFromMetrics,
} from './flavourDetect';
import { browserFetch, ok, prometheus, victoriaMetrics } from './testServer';

describe('detectServer', () => {
  it('VictoriaMetrics (buildinfo without CORS): connected, never "Blocked by CORS"', async () => {
    const { fetchFn, calls } = browserFetch(victoriaMetrics());
    const r = await detectServer({ url: 'http://vm:8428' }, fetchFn);
    expect(r).toMatchObject({
      ok: true,
      flavour: 'victoriametrics',
      version: undefined,
      summary: 'Connected: VictoriaMetrics (the server does not report its version)',
    });
    if (!r.ok) throw new Error(r.message);
    expect(r.features.every((f) => f.state === 'not-offered')).toBe(true);
    // the endpoints VM answers without CORS are never asked
    expect(calls).not.toContain('/api/v1/status/buildinfo');
    expect(calls).not.toContain('/api/v1/metadata');
    expect(calls).not.toContain('/api/v1/alerts');
  });

  it('reads the VictoriaMetrics version from /metrics when it is readable', async () => {
    const { fetchFn } = browserFetch(
      victoriaMetrics({
        '/metrics': {
          body: 'vm_app_version{version="victoria-metrics-20220801-v1.79.5", short_version="v1.79.5"} 1\n',
          text: true,
        },
      }),
    );
    const r = await detectServer({ url: 'http://vm:8428' }, fetchFn);
    expect(r).toMatchObject({ summary: 'Connected: VictoriaMetrics 1.79.5' });
  });

  it('Prometheus: version, revision, and every optional endpoint works', async () => {
    const { fetchFn } = browserFetch(prometheus());
    const r = await detectServer(
      { url: 'http://p:9090', headers: { Authorization: 'Bearer x' } },
      fetchFn,
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.summary).toBe('Connected: Prometheus 2.42.0 (225c6112)');
    expect(r.features.map((f) => [f.feature, f.state])).toEqual([
      ['metadata', 'ok'],
      ['alerts', 'ok'],
      ['rules', 'ok'],
      ['exemplars', 'ok'],
      ['queryStats', 'ok'],
      ['flags', 'ok'],
    ]);
  });

  it('names the header the CORS preflight refuses (X-Scope-OrgID), not the allowed one', async () => {
    const { fetchFn } = browserFetch(prometheus());
    const r = await detectServer(
      { url: 'http://p:9090', headers: { Authorization: 'Bearer x', 'X-Scope-OrgID': 'team-a' } },
      fetchFn,
    );
    expect(r).toEqual({
      ok: false,
      kind: 'header-cors',
      message:
        'the server does not allow the header X-Scope-OrgID in cross-origin requests; allow it on ' +
        'the server or in the proxy in front of it (Access-Control-Allow-Headers: X-Scope-OrgID).',
    });
  });

  it('VictoriaMetrics allows no custom header: both are named', async () => {
    const { fetchFn } = browserFetch(victoriaMetrics());
    const why = await diagnoseHeaders(
      { url: 'http://vm:8428', headers: { Authorization: 'Bearer x', 'X-Scope-OrgID': 't' } },
      fetchFn,
    );
    expect(why).toMatch(/^the server does not allow the headers Authorization, X-Scope-OrgID in/);
  });

  it('headers are not blamed when the server is down', async () => {
    const fetchFn = async () => {
      throw new TypeError('Failed to fetch');
    };
    const r = await detectServer(
      { url: 'http://127.0.0.1:9', headers: { 'X-Scope-OrgID': 't' } },
      fetchFn,
    );
    expect(r).toMatchObject({ ok: false, kind: 'unreachable' });
  });

  it('Mimir behind a path prefix names itself in buildinfo', async () => {
    const { fetchFn, calls } = browserFetch({
      prefix: '/prometheus',
      allowHeaders: ['x-scope-orgid'],
      routes: {
        '/api/v1/query': ok({ resultType: 'vector', result: [] }),
        '/api/v1/status/buildinfo': ok({ application: 'Grafana Mimir', version: '2.10.0' }),
        '/api/v1/metadata': ok({}),
        '/api/v1/alerts': ok({ alerts: [] }),
        '/api/v1/rules': ok({ groups: [] }),
        '/api/v1/query_exemplars': ok([]),
      },
    });
    const r = await detectServer(
      { url: 'http://m/prometheus', headers: { 'X-Scope-OrgID': 't' } },
      fetchFn,
    );
    expect(r).toMatchObject({
      ok: true,
      flavour: 'mimir',
      summary: 'Connected: Mimir/Cortex 2.10.0',
    });
    expect(calls).not.toContain('/api/v1/status/flags');
  });
});

describe('flavourFromSignals', () => {
  it('tells Thanos by its 0.x version or its /api/v1/stores', () => {
    const base = { vmTsdb: false, vmHeader: false, thanosStores: false };
    expect(flavourFromSignals({ ...base, buildInfo: { version: '0.34.1' } }).flavour).toBe(
      'thanos',
    );
    expect(flavourFromSignals({ ...base, buildInfo: undefined, thanosStores: true }).flavour).toBe(
      'thanos',
    );
    expect(flavourFromSignals({ ...base, buildInfo: { version: '2.53.0' } }).flavour).toBe(
      'prometheus',
    );
    expect(flavourFromSignals({ ...base, vmHeader: true, buildInfo: undefined }).flavour).toBe(
      'victoriametrics',
    );
  });
});

describe('flavour helpers', () => {
  it('reads vm_app_version', () => {
    expect(vmVersionFromMetrics('a 1\nvm_app_version{version="", short_version=""} 1')).toBe(
      undefined,
    );
    expect(
      vmVersionFromMetrics(
        'vm_app_version{version="victoria-metrics-20220801-093112-tags-v1.79.5-0-g1e1e1e"} 1',
      ),
    ).toBe('1.79.5');
  });
  it('sends Thanos parameters only for Thanos, with explicit defaults', () => {
    expect(flavourParams('prometheus', { partialResponse: true })).toEqual({});
    expect(flavourParams('thanos', {})).toEqual({ partial_response: 'false', dedup: 'true' });
    expect(flavourParams('thanos', { partialResponse: true, dedup: false })).toEqual({
      partial_response: 'true',
      dedup: 'false',
    });
  });
  it('words absence quietly', () => {
    expect(notOfferedText('victoriametrics', 'metadata')).toBe(
      'Metric metadata (TYPE/HELP): not offered by this server (VictoriaMetrics).',
    );
  });
});
