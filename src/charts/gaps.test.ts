import { describe, expect, it } from 'vitest';
import { finiteExtent, toUPlotColumn } from './gaps';

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
