import { describe, expect, it } from 'vitest';
import { detectFormat, importAny } from './importAny';

const grafana = { title: 'G', uid: 'g', schemaVersion: 39, panels: [] };

describe('detectFormat', () => {
  it.each([
    [{ scry: 1, uid: 'a', title: 'A', panels: [] }, 'scry'],
    [grafana, 'grafana'],
    [{ rows: [], title: 'old' }, 'grafana'],
    [{ dashboard: grafana, meta: {} }, 'grafana'],
    [{ apiVersion: 'dashboard.grafana.app/v1beta1', kind: 'Dashboard', spec: grafana }, 'grafana'],
    [{ title: 'x' }, 'unknown'],
    [[1, 2], 'unknown'],
    ['text', 'unknown'],
    [null, 'unknown'],
  ])('%j → %s', (raw, want) => {
    expect(detectFormat(raw)).toBe(want);
  });
});

describe('importAny', () => {
  it('validates Scry JSON and fills in defaults', () => {
    const r = importAny({ scry: 1, uid: 'a', title: 'A' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.dashboard.time).toEqual({ from: 'now-6h', to: 'now' });
      expect(r.report).toEqual([]);
    }
  });

  it('returns Scry validation errors with their paths', () => {
    expect(importAny({ scry: 1, uid: 'a', title: '' })).toEqual({
      ok: false,
      errors: ['title: must not be empty'],
    });
  });

  it('converts Grafana JSON and returns the report', () => {
    const r = importAny({
      ...grafana,
      refresh: false,
      panels: [{ id: 1, type: 'grafana-worldmap-panel', gridPos: { x: 0, y: 0, w: 6, h: 6 } }],
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.dashboard.panels[0]?.type).toBe('grafana-worldmap-panel');
      expect(r.dashboard.refresh).toBe('');
      expect(r.report.map((n) => n.level)).toEqual(['warning']);
    }
  });

  it('says what was expected for something else', () => {
    expect(importAny({ hello: 'world' })).toEqual({
      ok: false,
      errors: [
        'Not a dashboard: expected Scry JSON (an object with "scry": 1) or Grafana dashboard JSON (an object with "panels" or "rows" and "schemaVersion", optionally inside {"dashboard": …} or {"spec": …}); got an object with keys hello',
      ],
    });
    const arr = importAny([]);
    expect(arr.ok).toBe(false);
    if (!arr.ok) expect(arr.errors[0]).toMatch(/got an array$/);
  });

  it('recognises the Grafana v2 resource and asks for Classic JSON', () => {
    expect(
      importAny({
        apiVersion: 'dashboard.grafana.app/v2beta1',
        spec: { elements: {}, layout: {} },
      }),
    ).toEqual({
      ok: false,
      errors: [
        "Grafana's v2 dashboard resource (elements + layout) is not supported; export the dashboard as Classic JSON",
      ],
    });
  });
});
