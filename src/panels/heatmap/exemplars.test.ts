import { describe, expect, it } from 'vitest';
import { bucketOf, columnOf, placeExemplars } from './exemplars';

const bounds = Float64Array.from([0.1, 0.25, 1, Infinity]);

describe('bucketOf', () => {
  it('is the first bucket whose upper bound is ≥ the value (le: upper bound included)', () => {
    expect(bucketOf(0.05, bounds)).toBe(0);
    expect(bucketOf(0.1, bounds)).toBe(0);
    expect(bucketOf(0.1000001, bounds)).toBe(1);
    expect(bucketOf(0.25, bounds)).toBe(1);
    expect(bucketOf(3, bounds)).toBe(3);
    expect(bucketOf(-1, bounds)).toBe(0);
  });
  it('is -1 above the last bound (no +Inf bucket) and for NaN', () => {
    expect(bucketOf(2, Float64Array.from([0.1, 1]))).toBe(-1);
    expect(bucketOf(NaN, bounds)).toBe(-1);
  });
});

describe('columnOf', () => {
  const times = Float64Array.from([100, 115, 130]);
  it('is the first step at or after the timestamp (the first sample whose window counts it)', () => {
    expect(columnOf(100, times)).toBe(0);
    expect(columnOf(85.01, times)).toBe(0);
    expect(columnOf(100.01, times)).toBe(1);
    expect(columnOf(115, times)).toBe(1);
    expect(columnOf(129.99, times)).toBe(2);
    expect(columnOf(130, times)).toBe(2);
  });
  it('is -1 outside the grid', () => {
    expect(columnOf(85, times)).toBe(-1);
    expect(columnOf(130.01, times)).toBe(-1);
    expect(columnOf(NaN, times)).toBe(-1);
    expect(columnOf(100, new Float64Array(0))).toBe(-1);
  });
});

describe('placeExemplars', () => {
  const group = {
    key: 'A\u0000job="api"',
    labels: { job: 'api' },
    times: Float64Array.from([100, 115, 130]),
    bounds,
  };
  const ex = (value: number, timeSec: number, seriesLabels: Record<string, string>) => ({
    seriesLabels,
    labels: { trace_id: `${value}@${timeSec}` },
    value,
    timeSec,
  });

  it("places the group's exemplars; other targets, other label sets and outsiders are left out", () => {
    const inApi = ex(0.2, 112, { job: 'api', le: '0.25', instance: 'a' });
    const placed = placeExemplars(group, [
      { refId: 'A', exemplars: [inApi, ex(0.2, 116, { job: 'db', le: '0.25' })] },
      { refId: 'B', exemplars: [ex(0.2, 116, { job: 'api', le: '0.25' })] },
      { refId: 'A', exemplars: [ex(0.2, 200, { job: 'api', le: '0.25' })] },
    ]);
    expect(placed).toEqual([{ exemplar: inApi, bucket: 1, column: 1 }]);
  });

  it('takes every exemplar for a group without labels (sum by (le))', () => {
    const placed = placeExemplars({ ...group, key: 'A\u0000', labels: {} }, [
      { refId: 'A', exemplars: [ex(5, 130, { job: 'db', le: '+Inf' })] },
    ]);
    expect(placed.map((p) => [p.bucket, p.column])).toEqual([[3, 2]]);
  });
});
