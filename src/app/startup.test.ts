import { afterEach, describe, expect, it, vi } from 'vitest';
import { readProvisioning, readScryDashboard } from './provisioning';
import { fetchProvisioning, listedDashboards, parseFetched, takeParsed } from './startup';

const BASE = 'http://127.0.0.1:1/app/config.json';

/** A fetch answering from a path → [status, body] table; records the URLs asked for. */
function stubFetch(files: Record<string, [number, string]>) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    const path = new URL(url).pathname;
    const hit = files[path];
    if (!hit) throw new TypeError('Failed to fetch');
    return new Response(hit[1], { status: hit[0], statusText: hit[0] === 200 ? 'OK' : 'Nope' });
  });
  return asked;
}

const dash = (uid: string) => JSON.stringify({ scry: 1, uid, title: uid, panels: [] });
const config = (dashboards: unknown) =>
  JSON.stringify({ datasources: [{ name: 'p', url: 'http://127.0.0.1:9090' }], dashboards });

afterEach(() => vi.unstubAllGlobals());

describe('listedDashboards', () => {
  it('reads the string paths of a config, once each, and nothing from anything else', () => {
    expect(listedDashboards(config(['a.json', 'd/b.json', 'a.json', 3, '']))).toEqual([
      'a.json',
      'd/b.json',
    ]);
    expect(listedDashboards(config('a.json'))).toEqual([]);
    expect(listedDashboards('{"dashboards":')).toEqual([]);
    expect(listedDashboards('null')).toEqual([]);
  });
});

describe('fetchProvisioning', () => {
  it('fetches the listed dashboards relative to config.json, all before any is read', async () => {
    const asked = stubFetch({
      '/app/config.json': [200, config(['a.json', 'sub/b.json'])],
      '/app/a.json': [200, dash('a')],
      '/app/sub/b.json': [200, dash('b')],
    });
    const raw = await fetchProvisioning(BASE);
    // Both dashboard requests are out as soon as the config has arrived.
    expect(asked).toEqual([
      BASE,
      'http://127.0.0.1:1/app/a.json',
      'http://127.0.0.1:1/app/sub/b.json',
    ]);
    const p = await readProvisioning(raw);
    expect(p.errors).toEqual([]);
    expect(p.datasources.map((d) => [d.name, d.isDefault, d.provisioned])).toEqual([
      ['p', true, true],
    ]);
    expect(p.dashboards.map((d) => [d.dashboard.uid, d.source])).toEqual([
      ['a', 'a.json'],
      ['b', 'sub/b.json'],
    ]);
  });

  it('treats a 404 or an HTML answer as no config, and fetches nothing else', async () => {
    const asked = stubFetch({ '/app/config.json': [404, 'not found'] });
    expect((await fetchProvisioning(BASE)).config).toBeNull();
    expect(asked).toHaveLength(1);
    stubFetch({ '/app/config.json': [200, '<!doctype html><html></html>'] });
    const raw = await fetchProvisioning(BASE);
    expect(raw.config).toBeNull();
    expect(await readProvisioning(raw)).toEqual({ datasources: [], dashboards: [], errors: [] });
  });

  it('names each problem: the config, a missing dashboard, bad JSON, an invalid dashboard', async () => {
    stubFetch({ '/app/config.json': [500, 'boom'] });
    expect((await readProvisioning(await fetchProvisioning(BASE))).errors).toEqual([
      'config.json: HTTP 500 Nope',
    ]);
    stubFetch({});
    expect((await readProvisioning(await fetchProvisioning(BASE))).errors).toEqual([
      'config.json: could not be fetched (Failed to fetch)',
    ]);
    stubFetch({
      '/app/config.json': [200, config(['gone.json', 'bad.json', 'invalid.json', 'down.json'])],
      '/app/gone.json': [404, ''],
      '/app/bad.json': [200, '{"scry": 1,'],
      '/app/invalid.json': [200, JSON.stringify({ scry: 1, uid: 'has space', title: 'x' })],
    });
    const p = await readProvisioning(await fetchProvisioning(BASE));
    expect(p.dashboards).toEqual([]);
    expect(p.errors[0]).toBe('gone.json: HTTP 404 Nope');
    expect(p.errors[1]).toMatch(/^bad\.json: Invalid JSON/);
    expect(p.errors[2]).toMatch(/^invalid\.json: uid/);
    expect(p.errors[3]).toBe('down.json: could not be fetched (Failed to fetch)');
  });

  it('reports a config that fails the schema, and reads none of its dashboards', async () => {
    stubFetch({
      '/app/config.json': [
        200,
        JSON.stringify({ datasources: [{ url: 'x' }], dashboards: ['a.json'] }),
      ],
      '/app/a.json': [200, dash('a')],
    });
    const p = await readProvisioning(await fetchProvisioning(BASE));
    expect(p.dashboards).toEqual([]);
    expect(p.errors.length).toBeGreaterThan(0);
    expect(p.errors.every((e) => e.startsWith('config.json: '))).toBe(true);
  });

  it('reads the dashboard being opened first and the others when asked (rest)', async () => {
    stubFetch({
      '/app/config.json': [200, config(['a.json', 'b.json', 'bad.json'])],
      '/app/a.json': [200, dash('a')],
      '/app/b.json': [200, dash('b')],
      '/app/bad.json': [200, JSON.stringify({ scry: 1, uid: 'has space', title: 'x' })],
    });
    const raw = await fetchProvisioning(BASE);
    const read = vi.fn((v: unknown) => readScryDashboard(v));
    const p = await readProvisioning(raw, read, { first: 'b' });
    expect(p.dashboards.map((d) => d.dashboard.uid)).toEqual(['b']);
    expect(p.errors).toEqual([]);
    expect(read).toHaveBeenCalledTimes(1);
    const rest = p.rest!();
    expect(rest.dashboards.map((d) => [d.dashboard.uid, d.source])).toEqual([['a', 'a.json']]);
    expect(rest.errors[0]).toMatch(/^bad\.json: uid/);
    expect(read).toHaveBeenCalledTimes(3);
    // no file declares the uid (a typo, a Grafana file without one): all are read at once
    const all = await readProvisioning(raw, readScryDashboard, { first: 'nope' });
    expect(all.dashboards.map((d) => d.dashboard.uid)).toEqual(['a', 'b']);
    expect(all.rest).toBeUndefined();
  });
});

describe('a file the start-up planner parsed', () => {
  it('is parsed once: provisioning takes the same value, once', async () => {
    const text = dash('shared');
    const value = parseFetched(text) as { uid: string };
    const p = await readProvisioning({
      base: BASE,
      config: { ok: true, text: JSON.stringify({ dashboards: ['a.json'] }) },
      dashboards: new Map([['a.json', Promise.resolve({ ok: true as const, text })]]),
    });
    expect(p.dashboards.map((d) => d.dashboard.uid)).toEqual(['shared']);
    expect(value.uid).toBe('shared');
    expect(takeParsed(text)).toBeUndefined();
  });

  it('keeps nothing for a text it did not parse', () => {
    expect(takeParsed(dash('other'))).toBeUndefined();
    expect(() => parseFetched('{')).toThrow();
    expect(takeParsed('{')).toBeUndefined();
  });
});
