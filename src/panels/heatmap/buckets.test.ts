import { describe, expect, it } from 'vitest';
import type { Frame } from '../../model/frame';
import {
  bucketGroups,
  deaccumulate,
  histogramQuantile,
  looksLikeBuckets,
  parseLe,
  quantileSeries,
  quantilesSeries,
} from './buckets';

const N = NaN;
const f64 = (...v: number[]) => Float64Array.from(v);

/**
 * Input of a `promtool test rules` run (Prometheus 2.42.0+ds, Debian), one sample every 10m,
 * `_` (missing) written as NaN. The lines are deliberately out of order.
 */
const INPUT: [string, string, number[]][] = [
  ['a', '+Inf', [10, 0, 20, 10]],
  ['a', '0.5', [7, 0, 5, 6]],
  ['a', '0.1', [1, 0, 5, 2]],
  ['a', '1', [9, 0, 5, 8]],
  ['a', '0.25', [3, 0, 5, N]],
  ['b', '1', [5, 1, 0.30000000000000004, 3]],
  ['b', '+Inf', [10, 1, 0.6, N]],
  ['b', '2', [3, 1, 0.3, 3]],
  ['c', '1', [6, 2, 3, 5]],
  ['c', '-1', [2, 2, 1, 0]],
  ['c', '0', [4, 2, 1, 0]],
  ['c', '+Inf', [8, 2, 4, 5]],
  ['d', '+Inf', [8, 2, 4, 5]],
  ['e', '0.005', [0.4, 0, 0.0333, 7]],
  ['e', '+Inf', [0.7, 0, 0.1, 7.5]],
  ['e', '1e+03', [0.7, 0, 0.0333, 7.5]],
];

/** `histogram_quantile(q, h_bucket)` at 0m, 10m, 20m, 30m as promtool printed it, per case. */
const GOLDEN: Record<string, Record<string, string[]>> = {
  a: {
    '0': ['0E+00', 'NaN', '0E+00', '0E+00'],
    '0.25': ['2.125E-01', 'NaN', '1E-01', '1.5000000000000002E-01'],
    '0.5': ['3.75E-01', 'NaN', '1E+00', '4E-01'],
    '0.9': ['1E+00', 'NaN', '1E+00', '1E+00'],
    '0.99': ['1E+00', 'NaN', '1E+00', '1E+00'],
    '1': ['1E+00', 'NaN', '1E+00', '1E+00'],
    '-0.5': ['-Inf', '-Inf', '-Inf', '-Inf'],
    '1.5': ['+Inf', '+Inf', '+Inf', '+Inf'],
  },
  b: {
    '0': ['0E+00', '0E+00', '0E+00', 'NaN'],
    '0.25': ['5E-01', '2.5E-01', '4.999999999999999E-01', 'NaN'],
    '0.5': ['1E+00', '5E-01', '9.999999999999998E-01', 'NaN'],
    '0.9': ['2E+00', '9E-01', '2E+00', 'NaN'],
    '0.99': ['2E+00', '9.9E-01', '2E+00', 'NaN'],
    '1': ['2E+00', '1E+00', '2E+00', 'NaN'],
    '-0.5': ['-Inf', '-Inf', '-Inf', '-Inf'],
    '1.5': ['+Inf', '+Inf', '+Inf', '+Inf'],
  },
  c: {
    '0': ['-1E+00', '-1E+00', '-1E+00', '-1E+00'],
    '0.25': ['-1E+00', '-1E+00', '-1E+00', '2.5E-01'],
    '0.5': ['0E+00', '-1E+00', '5E-01', '5E-01'],
    '0.9': ['1E+00', '-1E+00', '1E+00', '9E-01'],
    '0.99': ['1E+00', '-1E+00', '1E+00', '9.9E-01'],
    '1': ['1E+00', '-1E+00', '1E+00', '1E+00'],
    '-0.5': ['-Inf', '-Inf', '-Inf', '-Inf'],
    '1.5': ['+Inf', '+Inf', '+Inf', '+Inf'],
  },
  d: {
    '0': ['NaN', 'NaN', 'NaN', 'NaN'],
    '0.5': ['NaN', 'NaN', 'NaN', 'NaN'],
    '1': ['NaN', 'NaN', 'NaN', 'NaN'],
    '-0.5': ['-Inf', '-Inf', '-Inf', '-Inf'],
    '1.5': ['+Inf', '+Inf', '+Inf', '+Inf'],
  },
  e: {
    '0': ['0E+00', 'NaN', '0E+00', '0E+00'],
    '0.25': ['2.1874999999999998E-03', 'NaN', '3.7537537537537537E-03', '1.3392857142857143E-03'],
    '0.5': ['4.3749999999999995E-03', 'NaN', '1E+03', '2.6785714285714286E-03'],
    '0.9': ['7.666678333333335E+02', 'NaN', '1E+03', '4.821428571428572E-03'],
    '0.99': ['9.766667833333333E+02', 'NaN', '1E+03', '8.500007499999997E+02'],
    '1': ['1E+03', 'NaN', '1E+03', '1E+03'],
    '-0.5': ['-Inf', '-Inf', '-Inf', '-Inf'],
    '1.5': ['+Inf', '+Inf', '+Inf', '+Inf'],
  },
};

const goFloat = (s: string) => (s === '+Inf' ? Infinity : s === '-Inf' ? -Infinity : Number(s));

function inputFrame(): Frame {
  return {
    refId: 'A',
    times: f64(0, 600, 1200, 1800),
    series: INPUT.map(([c, le, v]) => ({
      labels: { __name__: 'h_bucket', case: c, le },
      values: Float64Array.from(v),
    })),
  };
}

describe('parseLe', () => {
  it('reads the spellings exporters use', () => {
    expect(parseLe('0.005')).toBe(0.005);
    expect(parseLe('1e+03')).toBe(1000);
    expect(parseLe('+Inf')).toBe(Infinity);
    expect(parseLe('Inf')).toBe(Infinity);
    expect(parseLe('inf')).toBe(Infinity);
    expect(parseLe('-Inf')).toBe(-Infinity);
    expect(parseLe('-0.5')).toBe(-0.5);
    expect(parseLe('')).toBeNaN();
    expect(parseLe(' 1')).toBeNaN();
    expect(parseLe('abc')).toBeNaN();
  });
});

describe('looksLikeBuckets', () => {
  it('is true when every series has an le label', () => {
    expect(looksLikeBuckets(inputFrame())).toBe(true);
    expect(looksLikeBuckets({ refId: 'A', times: f64(), series: [] })).toBe(false);
    expect(
      looksLikeBuckets({
        refId: 'A',
        times: f64(0),
        series: [
          { labels: { le: '1' }, values: f64(1) },
          { labels: { job: 'x' }, values: f64(1) },
        ],
      }),
    ).toBe(false);
  });
});

describe('bucketGroups', () => {
  it('groups by the labels without le and __name__, sorted by name, buckets numerically', () => {
    const groups = bucketGroups(inputFrame());
    expect(groups.map((g) => g.name)).toEqual([
      'case="a"',
      'case="b"',
      'case="c"',
      'case="d"',
      'case="e"',
    ]);
    const a = groups[0]!;
    expect(a.labels).toEqual({ case: 'a' });
    expect([...a.bounds]).toEqual([0.1, 0.25, 0.5, 1, Infinity]);
    expect(a.lowest).toBe(0);
    expect(groups[2]!.lowest).toBe(-Infinity);
    expect([...groups[4]!.bounds]).toEqual([0.005, 1000, Infinity]);
  });

  it('de-accumulates per step, keeps +Inf as the top bucket and totals the column', () => {
    const a = bucketGroups(inputFrame())[0]!;
    // step 0: cumulative 1 3 7 9 10
    expect(a.counts.map((c) => c[0])).toEqual([1, 2, 4, 2, 1]);
    expect(a.totals[0]).toBe(10);
    // step 2: 5 5 5 5 20 → everything above 1 is in +Inf
    expect(a.counts.map((c) => c[2])).toEqual([5, 0, 0, 0, 15]);
    expect(a.totals[2]).toBe(20);
  });

  it('leaves a missing bucket empty and gives its share to the next present bucket', () => {
    const a = bucketGroups(inputFrame())[0]!;
    // step 3: 2 _ 6 8 10
    expect(a.counts.map((c) => c[3])).toEqual([2, NaN, 4, 2, 2]);
    expect(a.totals[3]).toBe(10);
  });

  it('clamps float noise and decreases to 0 (against the running maximum)', () => {
    const b = bucketGroups(inputFrame())[1]!;
    // step 0: 5 3 10 (non-monotonic): 5, 0, 5 — the total stays the +Inf count
    expect(b.counts.map((c) => c[0])).toEqual([5, 0, 5]);
    expect(b.totals[0]).toBe(10);
    // step 2: 0.30000000000000004, 0.3, 0.6
    const s2 = b.counts.map((c) => c[2]!);
    expect(s2[1]).toBe(0);
    expect(s2[2]).toBeCloseTo(0.3, 12);
    expect(s2.every((v) => v >= 0)).toBe(true);
  });

  it('survives a counter reset seen by some buckets before others (raw counters, no rate)', () => {
    // step 1: +Inf has reset (5), le=1 not yet (100); step 2: both reset
    const [g] = bucketGroups({
      refId: 'A',
      times: f64(0, 15, 30),
      series: [
        { labels: { le: '+Inf' }, values: f64(120, 5, 6) },
        { labels: { le: '1' }, values: f64(100, 100, 4) },
      ],
    });
    expect(g!.counts.map((c) => [...c])).toEqual([
      [100, 100, 4],
      [20, 0, 2],
    ]);
    expect(g!.counts.every((c) => c.every((v) => v >= 0))).toBe(true);
    // Prometheus raises +Inf to 100 (ensureMonotonic): rank 50 of 100 in (0, 1]
    expect(quantileSeries(g!, 0.5)[1]).toBe(0.5);
    expect(histogramQuantile(0.5, [1, Infinity], [100, 5])).toBe(0.5);
  });

  it('is a gap where a whole column is missing', () => {
    const { counts, totals } = deaccumulate([f64(N, 1), f64(N, 3)], 2);
    expect(counts.map((c) => c[0])).toEqual([NaN, NaN]);
    expect(totals[0]).toBeNaN();
    expect(totals[1]).toBe(3);
  });

  it('sums series with the same bound in one group ("1" and "1.0")', () => {
    const [g] = bucketGroups({
      refId: 'A',
      times: f64(0, 1),
      series: [
        { labels: { le: '1', pod: 'x' }, values: f64(1, N) },
        { labels: { le: '+Inf', pod: 'x' }, values: f64(4, 4) },
        { labels: { le: '1.0', pod: 'x' }, values: f64(2, 3) },
      ],
    });
    expect([...g!.bounds]).toEqual([1, Infinity]);
    expect([...g!.cumulative[0]!]).toEqual([3, 3]);
    expect(g!.name).toBe('pod="x"');
  });

  it('names a label-less group after the metric', () => {
    const [g] = bucketGroups({
      refId: 'A',
      times: f64(0),
      series: [
        { labels: { __name__: 'http_duration_seconds_bucket', le: '+Inf' }, values: f64(1) },
        { labels: { __name__: 'http_duration_seconds_bucket', le: '1' }, values: f64(1) },
      ],
    });
    expect(g!.name).toBe('http_duration_seconds');
  });
});

describe('histogram_quantile parity with Prometheus 2.42 (promtool)', () => {
  const groups = bucketGroups(inputFrame());
  for (const [c, byQ] of Object.entries(GOLDEN)) {
    for (const [q, want] of Object.entries(byQ)) {
      it(`case ${c}, q=${q}`, () => {
        const g = groups.find((x) => x.labels.case === c)!;
        const got = [...quantileSeries(g, Number(q))];
        // exact: same float operations in the same order
        expect(got).toEqual(want.map(goFloat));
      });
    }
  }
});

describe('quantilesSeries', () => {
  it('gives, in one pass, exactly what one quantileSeries per quantile gives', () => {
    // every golden case (non-monotonic, missing buckets, resets) at once, quantiles in any order
    const qs = [0.99, 0.5, NaN, 0.9, -1, 0, 1, 2];
    for (const g of bucketGroups(inputFrame())) {
      const all = quantilesSeries(g, qs);
      qs.forEach((q, k) => expect([...all[k]!]).toEqual([...quantileSeries(g, q)]));
    }
  });
});

describe('histogramQuantile', () => {
  it('handles unsorted input the way Prometheus does', () => {
    expect(histogramQuantile(0.5, [Infinity, 0.5, 0.1, 1, 0.25], [10, 7, 1, 9, 3])).toBe(0.375);
  });
  it('needs a +Inf bucket and at least 2 buckets', () => {
    expect(histogramQuantile(0.5, [0.1, 1], [1, 2])).toBeNaN();
    expect(histogramQuantile(0.5, [Infinity], [2])).toBeNaN();
    expect(histogramQuantile(0.5, [], [])).toBeNaN();
  });
  it('special-cases q and empty histograms', () => {
    expect(histogramQuantile(NaN, [1, Infinity], [1, 2])).toBeNaN();
    expect(histogramQuantile(-1, [1, Infinity], [1, 2])).toBe(-Infinity);
    expect(histogramQuantile(2, [1, Infinity], [1, 2])).toBe(Infinity);
    expect(histogramQuantile(0.5, [1, Infinity], [0, 0])).toBeNaN();
  });
  it('returns the highest finite bound when the rank falls into +Inf', () => {
    expect(histogramQuantile(0.99, [0.5, 1, Infinity], [1, 2, 100])).toBe(1);
  });
  it('interpolates from 0 in the first bucket, returns a first bound ≤ 0 as is', () => {
    // rank 2.5 of 10, first bucket (0, 1] holds 5
    expect(histogramQuantile(0.25, [1, 2, Infinity], [5, 8, 10])).toBe(0.5);
    expect(histogramQuantile(0.1, [-2, 2, Infinity], [5, 8, 10])).toBe(-2);
  });
  it('coalesces equal bounds and forces monotonicity', () => {
    // 1: 2+2=4, 2: 3 → 4, +Inf: 8; rank 4 → first bucket, 4/4 of (0, 1]
    expect(histogramQuantile(0.5, [1, 1, 2, Infinity], [2, 2, 3, 8])).toBe(1);
  });
  it('matches a hand computation inside a middle bucket', () => {
    // rank 0.9·100 = 90 in (0.5, 1] holding 80→95: 0.5 + 0.5·(10/15)
    expect(histogramQuantile(0.9, [0.1, 0.5, 1, Infinity], [50, 80, 95, 100])).toBe(
      0.5 + 0.5 * (10 / 15),
    );
  });
});
