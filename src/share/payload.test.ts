import { describe, expect, test } from 'vitest';
import { dashboardSchema, type Dashboard } from '../model/dashboard';
import { MAX_DASHBOARD_BYTES } from '../model/limits';
import { decodeDashboard, encodeDashboard, fromBase64Url, toBase64Url } from './payload';

const dash = (panels = 3): Dashboard =>
  dashboardSchema.parse({
    scry: 1,
    uid: 'share-me',
    title: 'Shared — “quoted” ✓',
    tags: ['a'],
    time: { from: 'now-1h', to: 'now' },
    variables: [{ type: 'custom', name: 'dc', query: 'a,b', current: 'a' }],
    panels: Array.from({ length: panels }, (_, i) => ({
      id: i + 1,
      type: 'timeseries',
      title: `Panel ${i + 1}`,
      gridPos: { x: (i % 2) * 12, y: Math.floor(i / 2) * 8, w: 12, h: 8 },
      targets: [
        { refId: 'A', expr: `sum(rate(http_requests_total{dc="$dc"}[5m])) by (code) * ${i}` },
      ],
    })),
  });

async function packRaw(text: string): Promise<string> {
  const s = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(s).arrayBuffer()));
}

describe('base64url', () => {
  test('round-trips every byte value, without padding or + /', () => {
    const bytes = Uint8Array.from({ length: 256 * 3 + 1 }, (_, i) => i % 256);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(text)).toEqual(bytes);
  });
  test('refuses other characters and impossible lengths', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
    expect(fromBase64Url('ab c')).toBeNull();
  });
});

describe('dashboard payload', () => {
  test('a dashboard round-trips exactly, smaller than its JSON', async () => {
    const d = dash(30);
    const payload = await encodeDashboard(d);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(JSON.stringify(d).length / 3);
    expect(await decodeDashboard(payload)).toEqual({ ok: true, value: d });
  });

  test('a cut or re-encoded link is refused with a reason', async () => {
    const payload = await encodeDashboard(dash());
    const cut = await decodeDashboard(payload.slice(0, payload.length - 20));
    expect(cut).toEqual({ ok: false, errors: [expect.stringMatching(/damaged|Invalid JSON/)] });
    const encoded = await decodeDashboard(payload.slice(0, 10) + '%2B' + payload.slice(10));
    expect(encoded).toEqual({
      ok: false,
      errors: [expect.stringMatching(/characters other than/)],
    });
    expect(await decodeDashboard('')).toEqual({
      ok: false,
      errors: [expect.stringMatching(/holds no dashboard/)],
    });
  });

  test('validated as an import is: schema errors name the place', async () => {
    const bad = await packRaw(JSON.stringify({ scry: 1, uid: 'x', title: '', panels: [] }));
    expect(await decodeDashboard(bad)).toEqual({ ok: false, errors: ['title: must not be empty'] });
    const notScry = await packRaw(JSON.stringify({ panels: [], schemaVersion: 39 }));
    expect(await decodeDashboard(notScry)).toEqual({
      ok: false,
      errors: [expect.stringMatching(/not hold a Scry dashboard/)],
    });
  });

  test('10 000-deep nesting is refused before validation', async () => {
    const deep =
      '{"scry":1,"uid":"x","title":"t","panels":[],"a":' +
      '['.repeat(10_000) +
      ']'.repeat(10_000) +
      '}';
    const r = await decodeDashboard(await packRaw(deep));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/nested deeper than 64 levels/);
  });

  test('__proto__ and constructor keys stay inert data', async () => {
    const hostile = `{"scry":1,"uid":"x","title":"<img src=x onerror=alert(1)>","__proto__":{"polluted":1},
      "panels":[{"id":1,"type":"text","gridPos":{"x":0,"y":0,"w":1,"h":1},
      "options":{"__proto__":{"polluted":2},"constructor":{"prototype":{"polluted":3}}}}]}`;
    const r = await decodeDashboard(await packRaw(hostile));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.value.panels[0]!.options)).toBe(Object.prototype);
    expect(Object.keys(r.value.panels[0]!.options)).toEqual(['constructor']);
    expect(r.value.title).toBe('<img src=x onerror=alert(1)>');
  });

  test('a small payload that unpacks beyond 10 MB stops at the limit', async () => {
    const bomb = await packRaw('{"scry":1,"x":"' + ' '.repeat(MAX_DASHBOARD_BYTES + 10) + '"}');
    expect(bomb.length).toBeLessThan(20_000);
    expect(await decodeDashboard(bomb)).toEqual({
      ok: false,
      errors: [expect.stringMatching(/unpacks to more than 10\.0 MB/)],
    });
  });

  test('bytes that are not UTF-8 are refused', async () => {
    const s = new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])])
      .stream()
      .pipeThrough(new CompressionStream('deflate-raw'));
    const payload = toBase64Url(new Uint8Array(await new Response(s).arrayBuffer()));
    expect(await decodeDashboard(payload)).toEqual({
      ok: false,
      errors: [expect.stringMatching(/not UTF-8/)],
    });
  });
});
