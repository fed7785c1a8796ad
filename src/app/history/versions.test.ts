import { describe, expect, it } from 'vitest';
import {
  comparePair,
  diffVersions,
  displayValue,
  formatSavedAt,
  savedAgo,
  toggleCompare,
} from './versions';

const v1 = {
  uid: 'h',
  title: 'One',
  version: 1,
  panels: [
    { id: 1, title: 'CPU', targets: [{ refId: 'A', expr: 'up' }] },
    { id: 2, title: 'Gone', targets: [] },
    { id: 9, type: 'row', title: 'Row', panels: [{ id: 10, title: 'Inner', targets: [] }] },
  ],
};
const v3 = {
  uid: 'h',
  title: 'Three',
  version: 3,
  panels: [
    { id: 1, title: 'CPU', targets: [{ refId: 'A', expr: 'rate(x[5m])' }] },
    { id: 9, type: 'row', title: 'Row', panels: [{ id: 10, title: 'Inner 2', targets: [] }] },
    { id: 3, title: 'New', targets: [] },
  ],
};

describe('diffVersions', () => {
  it('groups changes by dashboard and panel with readable labels; the revision is left out', () => {
    const groups = diffVersions(v1, v3);
    expect(groups.map((g) => g.title)).toEqual([
      'Dashboard',
      'Panel “CPU” (id 1)',
      'Panel “Gone” (id 2)',
      'Panel “Inner 2” (id 10)',
      'Panel “New” (id 3)',
    ]);
    expect(groups[0]!.changes).toEqual([
      { label: 'Title', kind: 'changed', before: 'One', after: 'Three' },
    ]);
    expect(groups[1]!.changes).toEqual([
      { label: 'Query A › expr', kind: 'changed', before: 'up', after: 'rate(x[5m])' },
    ]);
    expect(groups[2]!.changes[0]).toMatchObject({ label: 'Panel', kind: 'removed', after: '' });
    expect(groups[2]!.changes[0]!.before).toContain('"title": "Gone"');
    expect(groups[3]!.changes).toEqual([
      { label: 'Title', kind: 'changed', before: 'Inner', after: 'Inner 2' },
    ]);
    expect(groups[4]!.changes[0]).toMatchObject({ label: 'Panel', kind: 'added', before: '' });
  });

  it('numbers a query without a refId by position; equal versions give no groups', () => {
    const a = { panels: [{ id: 1, title: '', targets: [{ expr: 'a' }, { expr: 'b' }] }] };
    const b = { panels: [{ id: 1, title: '', targets: [{ expr: 'a' }, { expr: 'c' }] }] };
    expect(diffVersions(a, b)).toEqual([
      {
        title: 'Panel untitled (id 1)',
        changes: [{ label: 'Query 2 › expr', kind: 'changed', before: 'b', after: 'c' }],
      },
    ]);
    expect(diffVersions(v1, { ...v1, version: 7 })).toEqual([]);
  });
});

describe('displayValue', () => {
  it('shows strings as they are and the rest as pretty JSON, cut at max', () => {
    expect(displayValue('sum(rate(x[5m]))')).toBe('sum(rate(x[5m]))');
    expect(displayValue({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(displayValue(undefined)).toBe('');
    expect(displayValue('x'.repeat(10), 4)).toBe('xxxx…');
  });
});

describe('timestamps', () => {
  it('formats the local time and how long ago', () => {
    const ms = new Date(2026, 11, 5, 9, 4, 7).getTime();
    expect(formatSavedAt(ms)).toBe('2026-12-05 09:04:07');
    expect(savedAgo(ms, ms + 10_000)).toBe('just now');
    expect(savedAgo(ms, ms + 60_000)).toBe('1 minute ago');
    expect(savedAgo(ms, ms + 3 * 3_600_000)).toBe('3 hours ago');
    expect(savedAgo(ms, ms + 2 * 86_400_000)).toBe('2 days ago');
  });
});

describe('compare selection', () => {
  it('keeps at most two ticks and orders the pair older → newer', () => {
    let s = toggleCompare([], 3);
    expect(comparePair(s)).toBeNull();
    s = toggleCompare(s, 1);
    expect(comparePair(s)).toEqual([1, 3]);
    s = toggleCompare(s, 2);
    expect(s).toEqual([1, 2]);
    expect(toggleCompare(s, 1)).toEqual([2]);
  });
});
