// Issue 14, findings 1 and 3: Test on a working VictoriaMetrics (buildinfo without CORS headers)
// and a custom header the server's CORS preflight refuses.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserFetch, prometheus, victoriaMetrics } from '../../prometheus/testServer';
import { testDatasource } from './testDatasource';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('testDatasource', () => {
  it('connects to VictoriaMetrics instead of reporting "Blocked by CORS"', async () => {
    vi.stubGlobal('fetch', browserFetch(victoriaMetrics()).fetchFn);
    const r = await testDatasource({ url: 'http://127.0.0.1:8428', headers: [] });
    expect(r.status).toBe('ok');
    expect('text' in r && r.text).toBe(
      'Connected: VictoriaMetrics (the server does not report its version)',
    );
  });

  it('names the refused header (X-Scope-OrgID from the tenant field) and how to fix it', async () => {
    vi.stubGlobal('fetch', browserFetch(prometheus()).fetchFn);
    const r = await testDatasource({
      url: 'http://127.0.0.1:9090',
      headers: [{ name: 'Authorization', value: 'Bearer x' }],
      orgId: 'team-a',
    });
    expect(r).toEqual({
      status: 'error',
      text:
        'Header refused by CORS: the server does not allow the header X-Scope-OrgID in ' +
        'cross-origin requests; allow it on the server or in the proxy in front of it ' +
        '(Access-Control-Allow-Headers: X-Scope-OrgID).',
    });
  });
});
