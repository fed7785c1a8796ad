import { describe, expect, it } from 'vitest';
import {
  isReducerId,
  normalizeReducerId,
  reduce,
  reduceAll,
  reducerOptions,
  type ReducerId,
} from './reducers';

const col = (...xs: number[]): Float64Array => Float64Array.from(xs);
const N = NaN;

// A series with gaps at both ends and in the middle.
const gappy = col(N, 4, 2, N, 8, 6, N);

describe('reduce over a series with gaps', () => {
  it.each<[ReducerId, number]>([
    ['last', NaN],
    ['lastNotNull', 6],
    ['first', NaN],
    ['firstNotNull', 4],
    ['min', 2],
    ['max', 8],
    ['mean', 5],
    ['median', 5],
    ['sum', 20],
    ['count', 4],
    ['countAll', 7],
    ['range', 6],
    ['diff', 2],
    ['diffperc', 50],
    ['step', -2],
    ['logmin', 2],
    ['changeCount', 3],
    ['distinctCount', 4],
    ['allIsZero', 0],
    ['allIsNull', 0],
    ['p50', 6],
    ['p1', 2],
    ['p99', 8],
  ])('%s is %s', (id, expected) => {
    expect(reduce(gappy, id)).toBe(expected);
  });

  it('computes variance and standard deviation over present samples', () => {
    expect(reduce(gappy, 'variance')).toBeCloseTo(5, 12);
    expect(reduce(gappy, 'stdDev')).toBeCloseTo(Math.sqrt(5), 12);
  });
});

describe('reduce with no data', () => {
  const valueReducers: ReducerId[] = [
    'last',
    'lastNotNull',
    'first',
    'firstNotNull',
    'mean',
    'min',
    'max',
    'range',
    'delta',
    'diff',
    'diffperc',
    'median',
    'stdDev',
    'variance',
    'logmin',
    'step',
    'p90',
  ];

  it.each(valueReducers)('%s of an all-missing series is NaN', (id) => {
    expect(reduce(col(N, N, N), id)).toBeNaN();
  });

  it.each(valueReducers)('%s of an empty series is NaN', (id) => {
    expect(reduce(col(), id)).toBeNaN();
  });

  it.each<[ReducerId, number, number]>([
    ['count', 0, 0],
    ['countAll', 3, 0],
    ['sum', 0, 0],
    ['changeCount', 0, 0],
    ['distinctCount', 0, 0],
    ['allIsNull', 1, 1],
    ['allIsZero', 0, 0],
  ])('%s of all-missing is %s and of empty is %s', (id, allMissing, empty) => {
    expect(reduce(col(N, N, N), id)).toBe(allMissing);
    expect(reduce(col(), id)).toBe(empty);
  });
});

describe('delta', () => {
  it.each<[string, Float64Array, number]>([
    ['a steadily rising counter', col(10, 12, 15, 20), 10],
    ['a counter reset in the middle', col(1, 5, 2, 4), 8],
    ['a counter reset on the last sample', col(1, 5, 2), 6],
    ['two resets in a row', col(10, 5, 3, 4), 9],
    ['a reset to zero', col(100, 120, 0, 30), 50],
    ['gaps between samples', col(N, 1, N, 3, N, 6), 5],
    ['a flat series', col(7, 7, 7), 0],
    ['a single sample', col(N, 42, N), 0],
  ])('sums the increase of %s', (_name, values, expected) => {
    expect(reduce(values, 'delta')).toBe(expected);
  });
});

describe('other reducers', () => {
  it('takes the median of an odd count as the middle value', () => {
    expect(reduce(col(9, 1, 5), 'median')).toBe(5);
  });

  it('computes population variance and standard deviation', () => {
    expect(reduce(col(2, 4, 4, 4, 5, 5, 7, 9), 'variance')).toBe(4);
    expect(reduce(col(2, 4, 4, 4, 5, 5, 7, 9), 'stdDev')).toBe(2);
    expect(reduce(col(3), 'stdDev')).toBe(0);
  });

  it('takes nearest-rank percentiles like Grafana', () => {
    const xs = col(...Array.from({ length: 11 }, (_, i) => i * 10)); // 0, 10, … 100
    expect(reduce(xs, 'p50')).toBe(50);
    expect(reduce(xs, 'p95')).toBe(100);
    expect(reduce(xs, 'p94')).toBe(90);
    expect(reduce(xs, 'p5')).toBe(10);
    expect(reduce(xs, 'p4')).toBe(0);
  });

  it('reports whether everything is zero', () => {
    expect(reduce(col(0, N, 0), 'allIsZero')).toBe(1);
    expect(reduce(col(0, 0.1), 'allIsZero')).toBe(0);
  });

  it('counts changes and distinct values over present samples only', () => {
    expect(reduce(col(1, 1, N, 1, 2, 2, 1), 'changeCount')).toBe(2);
    expect(reduce(col(1, 1, N, 1, 2, 2, 1), 'distinctCount')).toBe(2);
  });

  it('finds the smallest positive value for log scales', () => {
    expect(reduce(col(-5, 0, 0.5, 3), 'logmin')).toBe(0.5);
    expect(reduce(col(-5, 0), 'logmin')).toBeNaN();
  });

  it('computes the difference in percent of the first value', () => {
    expect(reduce(col(200, 150), 'diffperc')).toBe(-25);
    expect(reduce(col(0, 5), 'diffperc')).toBe(Infinity);
  });

  it('keeps infinities as values', () => {
    expect(reduce(col(1, Infinity), 'max')).toBe(Infinity);
    expect(reduce(col(-Infinity, 1), 'min')).toBe(-Infinity);
    expect(reduce(col(1, Infinity), 'lastNotNull')).toBe(Infinity);
  });

  it('accepts plain arrays', () => {
    expect(reduce([1, 2, 3], 'sum')).toBe(6);
  });
});

describe('ids', () => {
  it('resolves Grafana aliases', () => {
    expect(reduce(col(1, 3, N), 'current')).toBe(3);
    expect(reduce(col(1, 3), 'avg')).toBe(2);
    expect(reduce(col(1, 3), 'total')).toBe(4);
    expect(normalizeReducerId('avg')).toBe('mean');
    expect(normalizeReducerId('mean')).toBe('mean');
    expect(normalizeReducerId('bogus')).toBeUndefined();
  });

  it('gives NaN for unknown ids', () => {
    expect(reduce(col(1, 2), 'bogus')).toBeNaN();
    expect(reduce(col(1, 2), 'p100')).toBeNaN();
    expect(reduce(col(1, 2), 'p0')).toBeNaN();
  });

  it.each([
    ['lastNotNull', true],
    ['delta', true],
    ['p1', true],
    ['p99', true],
    ['p100', false],
    ['p05', false],
    ['avg', false],
    ['allValues', false],
    [42, false],
  ] as const)('isReducerId(%s) is %s', (id, expected) => {
    expect(isReducerId(id)).toBe(expected);
  });

  it('lists every reducer once for pickers, Grafana order, percentiles last', () => {
    const ids = reducerOptions.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 4)).toEqual(['lastNotNull', 'last', 'firstNotNull', 'first']);
    expect(ids).toHaveLength(23 + 99);
    expect(ids.every((id) => isReducerId(id))).toBe(true);
    expect(reducerOptions.find((o) => o.id === 'sum')?.label).toBe('Total');
    expect(reducerOptions.find((o) => o.id === 'p2')?.label).toBe('2nd %');
    expect(reducerOptions.find((o) => o.id === 'p13')?.description).toBe('13th percentile value');
  });

  it('reduces several ids at once', () => {
    expect(reduceAll(col(1, 2, 3), ['min', 'max', 'avg'])).toEqual({ min: 1, max: 3, avg: 2 });
  });
});
