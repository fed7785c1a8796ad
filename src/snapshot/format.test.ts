import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../model/limits';
import {
  checkSnapshotSize,
  isSnapshotLike,
  MAX_SNAPSHOT_BYTES,
  snapshotFileName,
  validateSnapshot,
} from './format';
import { checkSnapshotText, looksLikeSnapshot } from './importCheck';
import { testSnapshot } from './testing';

const answer = {
  ds: 'fixture',
  path: 'query_range' as const,
  expr: 'temp',
  start: 1000,
  end: 1600,
  step: 60,
  data: { resultType: 'matrix', result: [] },
};

describe('validateSnapshot', () => {
  it('reads back what JSON.stringify wrote', () => {
    const s = testSnapshot([answer]);
    const r = validateSnapshot(JSON.parse(JSON.stringify(s)));
    expect(r).toEqual({ ok: true, value: s });
  });

  it('refuses what is not a snapshot, and a newer version by name', () => {
    expect(validateSnapshot({ scry: 1 })).toMatchObject({ ok: false });
    expect(isSnapshotLike({ scry: 1 })).toBe(false);
    const r = validateSnapshot({ ...testSnapshot(), version: 7 });
    expect(r.ok || r.errors[0]).toMatch(/version 7, made by a newer Scry/);
  });

  it('names the place of a bad field, in the dashboard too', () => {
    const s = testSnapshot([{ ...answer, step: -1 }]);
    const bad = JSON.parse(JSON.stringify(s)) as {
      dashboard: { panels: { gridPos: { w: number } }[] };
    };
    bad.dashboard.panels[0]!.gridPos.w = 99;
    const r = validateSnapshot(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.some((e) => e.startsWith('dashboard.panels[0].gridPos.w'))).toBe(true);
      expect(r.errors.some((e) => e.startsWith('answers[0].step'))).toBe(true);
    }
  });

  it('keeps hostile keys out and refuses deep nesting', () => {
    const s = JSON.parse(JSON.stringify(testSnapshot([answer]))) as Record<string, unknown>;
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": 1}, "constructor": {"x": 1}, "ok": {"value": "v"}}',
    ) as unknown;
    const r = validateSnapshot({ ...s, scope: hostile });
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.value.scope)).toEqual(['ok']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    let deep: unknown = 1;
    for (let i = 0; i < MAX_JSON_DEPTH + 5; i++) deep = [deep];
    const d = validateSnapshot({ ...s, answers: [{ ...answer, data: deep }] });
    expect(d.ok || d.errors[0]).toMatch(/deeper than 64/);
  });

  it('has a size limit with a sentence', () => {
    expect(checkSnapshotSize(MAX_SNAPSHOT_BYTES)).toBeNull();
    expect(checkSnapshotSize(MAX_SNAPSHOT_BYTES + 1)).toMatch(/at most|up to 64\.0 MB/);
  });

  it('names files after the title and the time', () => {
    expect(snapshotFileName(testSnapshot(), 'html')).toBe(
      'snap-board-snapshot-2026-12-05T1230Z.html',
    );
  });
});

describe('the import page check', () => {
  it('recognises a snapshot and offers its dashboard', () => {
    const text = JSON.stringify(testSnapshot([answer]));
    expect(looksLikeSnapshot(text)).toBe(true);
    expect(looksLikeSnapshot('{"scry":1}')).toBe(false);
    const r = checkSnapshotText(text, 'x.json');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.dashboard.title).toBe('Snap board');
      expect(r.notes[0]).toMatch(/1 captured answers/);
    }
    expect(checkSnapshotText(text.slice(0, 50), 'x.json')).toMatchObject({ ok: false });
  });
});
