import { describe, expect, it } from 'vitest';
import {
  axisSplits,
  splitBound,
  bucketRangeLabel,
  buildPalette,
  cellPixels,
  colorScale,
  colorScaleInverse,
  countRange,
  formatBound,
  valueToBucketY,
} from './draw';

const f64 = (...v: number[]) => Float64Array.from(v);

describe('countRange', () => {
  it('ignores NaN, zero, float noise and Inf', () => {
    expect(countRange([f64(NaN, 0, 1e-12, 2), f64(5, Infinity, 0.5)])).toEqual({
      min: 0.5,
      max: 5,
    });
    expect(countRange([f64(NaN, 0)])).toEqual({ min: NaN, max: NaN });
  });
});

describe('colorScale', () => {
  const r = { min: 1, max: 100 };
  it('is linear from 0 to the max', () => {
    const s = colorScale('linear', r);
    expect(s(50)).toBe(0.5);
    expect(s(100)).toBe(1);
    expect(s(0)).toBeNaN();
    expect(s(NaN)).toBeNaN();
    expect(s(1e-10)).toBeNaN();
  });
  it('is exponential with Grafana’s exponent 0.5 (small counts brighter)', () => {
    const s = colorScale('exponential', r);
    expect(s(25)).toBe(0.5);
    expect(s(100)).toBe(1);
  });
  it('is logarithmic from the smallest count', () => {
    const s = colorScale('log', r);
    expect(s(1)).toBe(0);
    expect(s(10)).toBeCloseTo(0.5, 12);
    expect(s(100)).toBe(1);
    expect(colorScale('log', { min: 3, max: 3 })(3)).toBe(1);
  });
  it('draws nothing without counts', () => {
    expect(colorScale('linear', { min: NaN, max: NaN })(1)).toBeNaN();
  });
  it('has an inverse for the legend', () => {
    for (const kind of ['linear', 'exponential', 'log'] as const) {
      const s = colorScale(kind, r);
      const inv = colorScaleInverse(kind, r);
      expect(s(inv(0.3))).toBeCloseTo(0.3, 12);
    }
  });
});

describe('buildPalette and cellPixels', () => {
  it('interpolates the stops', () => {
    const p = buildPalette(['#000000', '#ff8000'], 3);
    expect([...p]).toEqual([0, 0, 0, 255, 128, 64, 0, 255, 255, 128, 0, 255]);
  });
  it('puts the highest bucket in row 0 and leaves empty cells transparent', () => {
    const p = buildPalette(['#000000', '#ffffff'], 2);
    // 2 buckets × 3 steps
    const px = cellPixels(
      [f64(1, 0, NaN), f64(0.2, 1, 0)],
      3,
      colorScale('linear', { min: 0.2, max: 1 }),
      p,
    );
    const at = (row: number, col: number) => [
      ...px.slice((row * 3 + col) * 4, (row * 3 + col) * 4 + 4),
    ];
    // row 0 = bucket 1
    expect(at(0, 0)).toEqual([0, 0, 0, 255]); // 0.2 → lowest level of 2
    expect(at(0, 1)).toEqual([255, 255, 255, 255]);
    expect(at(0, 2)).toEqual([0, 0, 0, 0]);
    expect(at(1, 0)).toEqual([255, 255, 255, 255]);
    expect(at(1, 1)).toEqual([0, 0, 0, 0]);
    expect(at(1, 2)).toEqual([0, 0, 0, 0]);
  });
});

describe('valueToBucketY', () => {
  const bounds = f64(0.1, 0.25, 0.5, 1, Infinity);
  it('interpolates within the bucket that holds the value', () => {
    expect(valueToBucketY(0.05, bounds, 0)).toBe(0.5);
    expect(valueToBucketY(0.1, bounds, 0)).toBe(1);
    expect(valueToBucketY(0.375, bounds, 0)).toBe(2.5);
    expect(valueToBucketY(0.75, bounds, 0)).toBe(3.5);
    expect(valueToBucketY(1, bounds, 0)).toBe(4);
  });
  it('clamps at the ends and handles infinite buckets', () => {
    expect(valueToBucketY(0, bounds, 0)).toBe(0);
    expect(valueToBucketY(-3, bounds, 0)).toBe(0);
    expect(valueToBucketY(7, bounds, 0)).toBe(5); // inside (1, +Inf]: its top
    expect(valueToBucketY(Infinity, bounds, 0)).toBe(5);
    expect(valueToBucketY(7, f64(1, 2), 0)).toBe(2);
    expect(valueToBucketY(-5, f64(-1, 1), -Infinity)).toBe(1);
    expect(valueToBucketY(NaN, bounds, 0)).toBeNaN();
    expect(valueToBucketY(1, f64(), 0)).toBeNaN();
  });
});

describe('labels', () => {
  const fmt = (v: number) => `${v} s`;
  it('formats a bucket range with the unit', () => {
    const bounds = f64(0.25, 0.5, Infinity);
    expect(bucketRangeLabel(0, bounds, 0, fmt)).toBe('0 s – 0.25 s');
    expect(bucketRangeLabel(1, bounds, 0, fmt)).toBe('0.25 s – 0.5 s');
    expect(bucketRangeLabel(2, bounds, 0, fmt)).toBe('0.5 s – +Inf');
    expect(bucketRangeLabel(0, bounds, -Infinity, fmt)).toBe('-Inf – 0.25 s');
    expect(bucketRangeLabel(3, bounds, 0, fmt)).toBe('');
    expect(formatBound(Infinity, fmt)).toBe('+Inf');
  });
  it('thins axis labels to fit', () => {
    expect(axisSplits(4, 400)).toEqual([0, 1, 2, 3, 4]);
    expect(axisSplits(40, 200)).toEqual([0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40]);
    expect(axisSplits(10, 60)).toEqual([0, 3, 6, 10]);
    expect(axisSplits(0, 100)).toEqual([]);
  });
  it('puts the +Inf label inside the plot, in the middle of its row', () => {
    expect(axisSplits(4, 400, 18, true)).toEqual([0, 1, 2, 3, 3.5]);
    expect(axisSplits(40, 200, 18, true)).toEqual([0, 4, 8, 12, 16, 20, 24, 28, 32, 39.5]);
    expect(axisSplits(10, 60, 18, true)).toEqual([0, 3, 6, 9.5]);
    const bounds = f64(0.25, 0.5, Infinity);
    expect([0, 1, 2, 2.5].map((k) => splitBound(k, bounds, 0))).toEqual([0, 0.25, 0.5, Infinity]);
  });
});
