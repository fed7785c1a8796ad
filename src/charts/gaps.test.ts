import { describe, expect, it } from 'vitest';
import { countUndrawable, finiteExtent, logColumn, logTickLabels, toUPlotColumn } from './gaps';

describe('toUPlotColumn', () => {
  it('passes a gapless column through without copying', () => {
    const v = new Float64Array([1, 2, 3]);
    expect(toUPlotColumn(v)).toBe(v);
  });
  it('turns NaN and ±Inf into null gaps', () => {
    expect(toUPlotColumn(new Float64Array([NaN, 1, Infinity, -Infinity, 2]))).toEqual([
      null,
      1,
      null,
      null,
      2,
    ]);
  });
});

describe('finiteExtent', () => {
  it('ignores gaps and infinities', () => {
    expect(finiteExtent([new Float64Array([NaN, 3, -1]), new Float64Array([Infinity, 7])])).toEqual(
      [-1, 7],
    );
  });
  it('is NaN for no finite values', () => {
    expect(finiteExtent([new Float64Array([NaN])])).toEqual([NaN, NaN]);
  });
});

describe('logColumn', () => {
  it('drops what a log axis cannot draw: zero, negatives, gaps and ±Inf', () => {
    expect(logColumn(Float64Array.from([1, 0, -2, NaN, Infinity, 0.5]))).toEqual([
      1,
      null,
      null,
      null,
      null,
      0.5,
    ]);
  });
});

describe('logTickLabels', () => {
  it('labels whole powers of the base only', () => {
    expect(logTickLabels([0.01, 0.02, 0.1, 0.5, 1, 10, 20], 10, String)).toEqual([
      '0.01',
      '',
      '0.1',
      '',
      '1',
      '10',
      '',
    ]);
    expect(logTickLabels([1, 2, 3, 4, 8], 2, String)).toEqual(['1', '2', '', '4', '8']);
  });
});

describe('values beyond ±1e300 (finite drawing)', () => {
  const MAX = Number.MAX_VALUE; // 1.7976931348623157e308
  it('are left out of the scale, so a normal series still gets an axis', () => {
    expect(finiteExtent([new Float64Array([MAX, -MAX, 5]), new Float64Array([1, 2, 3])])).toEqual([
      1, 5,
    ]);
    expect(finiteExtent([new Float64Array([1e300, -1e300])])).toEqual([-1e300, 1e300]);
  });
  it('are gaps in the drawn column', () => {
    expect(toUPlotColumn(new Float64Array([1, MAX, -MAX, 2e300, 3]))).toEqual([
      1,
      null,
      null,
      null,
      3,
    ]);
  });
  it('are counted with ±Inf for the notice; NaN gaps are not', () => {
    expect(
      countUndrawable([new Float64Array([MAX, NaN, Infinity, 1, -0]), new Float64Array([-MAX])]),
    ).toBe(3);
    expect(logColumn(new Float64Array([MAX, 10]))).toEqual([null, 10]);
  });
});
