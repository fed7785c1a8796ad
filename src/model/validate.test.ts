import { describe, expect, it } from 'vitest';
import { parseJsonText, validateDashboard } from './validate';

const minimal = { scry: 1, uid: 'abc', title: 'T' };

describe('validateDashboard', () => {
  it('fills defaults for a minimal dashboard', () => {
    const r = validateDashboard(minimal);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.time).toEqual({ from: 'now-6h', to: 'now' });
      expect(r.value.panels).toEqual([]);
      expect(r.value.graphTooltip).toBe(1);
    }
  });

  it('names the path and the reason of each problem', () => {
    const r = validateDashboard({
      ...minimal,
      panels: [
        {
          id: 1,
          type: 'timeseries',
          gridPos: { x: 0, y: 0, w: 30, h: 8 },
          targets: [{ expr: 'up' }],
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.some((e) => e.startsWith('panels[0].gridPos.w:'))).toBe(true);
      expect(r.errors.some((e) => e.startsWith('panels[0].targets[0].refId:'))).toBe(true);
    }
  });

  it('rejects a missing or newer format version', () => {
    const none = validateDashboard({ uid: 'a', title: 'x' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.errors[0]).toMatch(/^scry: expected the format version/);
    const newer = validateDashboard({ ...minimal, scry: 99 });
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.errors[0]).toMatch(/newer Scry/);
  });

  it('rejects non-objects and duplicate panel ids', () => {
    expect(validateDashboard([]).ok).toBe(false);
    const p = { id: 3, type: 'timeseries', gridPos: { x: 0, y: 0, w: 6, h: 6 } };
    const r = validateDashboard({ ...minimal, panels: [p, p] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(['panels[1].id: 3 is already used by panels[0]']);
  });

  it('rejects a bad uid with a readable message', () => {
    const r = validateDashboard({ ...minimal, uid: 'has space' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^uid: must be 1–40 letters/);
  });
});

describe('parseJsonText', () => {
  it('reports line and column of a syntax error', () => {
    const r = parseJsonText('{\n  "a": 1,\n  "b": }');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^Invalid JSON at line 3, column \d+/);
  });
  it('says when the text is empty', () => {
    const r = parseJsonText('  ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/empty/);
  });
});
