import { describe, expect, it } from 'vitest';
import { graphLegend } from './grafana';

describe('graph legend', () => {
  it.each([
    [{ show: false }, { displayMode: 'hidden', placement: 'bottom', calcs: [] }],
    [
      {
        show: true,
        alignAsTable: true,
        rightSide: true,
        values: true,
        avg: true,
        max: true,
        current: true,
      },
      { displayMode: 'table', placement: 'right', calcs: ['max', 'mean', 'lastNotNull'] },
    ],
    [
      { show: true, values: false, avg: true },
      { displayMode: 'list', placement: 'bottom', calcs: [] },
    ],
    [
      { show: true, values: true, min: true, total: true },
      { displayMode: 'list', placement: 'bottom', calcs: ['min', 'sum'] },
    ],
  ])('legend %j → %j', (legend, want) => {
    expect(graphLegend(legend)).toEqual(want);
  });
});
