import { describe, expect, it } from 'vitest';
import type { TargetCost } from '../../prometheus/stats';
import { formatBytes } from '../../model/limits';
import { costRows, costTotal, formatCount, formatServerTime } from './costTable';

describe('cost table', () => {
  const shared: TargetCost = { series: 2, points: 20, samples: 500, serverSec: 0.01, bytes: 900 };
  const panels = [
    {
      panelId: 1,
      title: 'cheap',
      targets: [
        { refId: 'A', expr: 'up', template: 'up', cost: { series: 1, points: 1, samples: 1 } },
      ],
    },
    {
      panelId: 2,
      title: 'costly',
      targets: [{ refId: 'A', expr: 'x', template: 'x', cost: shared }],
    },
    // the same query as panel 2: one request for both
    {
      panelId: 3,
      title: 'costly too',
      targets: [{ refId: 'A', expr: 'x', template: 'x', cost: shared }],
    },
    {
      panelId: 4,
      title: 'no stats',
      targets: [
        { refId: 'B', expr: 'y', template: 'y', cost: { series: 3, points: 9, bytes: 10 } },
      ],
    },
  ];
  it('sorts by samples processed, costliest first; targets without statistics last', () => {
    expect(costRows(panels).map((r) => r.title)).toEqual([
      'costly',
      'costly too',
      'cheap',
      'no stats',
    ]);
  });
  it('totals one refresh, counting a request shared by panels once', () => {
    expect(costTotal(costRows(panels))).toEqual({
      series: 6,
      points: 30,
      samples: 501,
      serverSec: 0.01,
      bytes: 910,
    });
  });
  it('formats counts, times and sizes for reading', () => {
    expect(formatCount(2883)).toBe('2 883');
    expect(formatCount(1_234_567)).toBe('1.23 M');
    expect(formatServerTime(0.000478)).toBe('0.48 ms');
    expect(formatServerTime(0.0123)).toBe('12 ms');
    expect(formatServerTime(2.5)).toBe('2.50 s');
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
  });
});
