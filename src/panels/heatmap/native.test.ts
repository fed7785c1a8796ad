import { describe, expect, it } from 'vitest';
import type { HistogramFrame, NativeHistogram } from '../../model/histogramFrame';
import { quantileSeries } from './buckets';
import { nativeBucketGroups } from './native';

type Bucket = [rule: 0 | 1 | 2 | 3, lower: number, upper: number, count: number];
const h = (count: number, sum: number, buckets: Bucket[] = []): NativeHistogram => ({
  count,
  sum,
  buckets: buckets.map(([rule, lower, upper, count]) => ({ rule, lower, upper, count })),
});
const f64 = (...v: number[]) => Float64Array.from(v);

/**
 * `rate(http_request_duration_seconds[5m])` on a native histogram over start 1700000000, end
 * +45, step 15, as prometheus/histograms.ts reads it from the API (its test has the answer): a
 * zero bucket, schema 0 buckets, no sample at the third step, and a coarser schema (-1) at the
 * last one.
 */
const RANGE: HistogramFrame = {
  refId: 'A',
  times: f64(1700000000, 1700000015, 1700000045),
  series: [
    {
      labels: { __name__: 'http_request_duration_seconds', job: 'api' },
      histograms: [
        h(10, 15.5, [
          [3, -0.001, 0.001, 1],
          [0, 0.5, 1, 2],
          [0, 1, 2, 4],
          [0, 2, 4, 3],
        ]),
        h(4, 6, [[0, 1, 2, 4]]),
        h(6, 9, [
          [0, 0.25, 1, 2],
          [0, 1, 4, 4],
        ]),
      ],
    },
    {
      labels: { __name__: 'http_request_duration_seconds', job: 'web' },
      histograms: [h(0, 0), undefined, undefined],
    },
  ],
};

const GRID = Float64Array.from([0, 15, 30, 45], (d) => 1700000000 + d);

describe('nativeBucketGroups', () => {
  const groups = nativeBucketGroups(RANGE, GRID, 'A');
  const api = groups[0]!;

  it('groups by labels without __name__', () => {
    expect(groups.map((g) => g.name)).toEqual(['job="api"', 'job="web"']);
    expect(api.labels).toEqual({ job: 'api' });
  });

  it('uses the union of every boundary as cells', () => {
    expect(api.lowest).toBe(-0.001);
    expect([...api.bounds]).toEqual([0.001, 0.25, 0.5, 1, 2, 4]);
  });

  it('puts each bucket into its cell, zero where a bucket is empty, NaN where no sample', () => {
    expect(api.counts.map((c) => c[0])).toEqual([1, 0, 0, 2, 4, 3]);
    expect(api.totals[0]).toBe(10);
    expect(api.counts.map((c) => c[1])).toEqual([0, 0, 0, 0, 4, 0]);
    expect(api.counts.every((c) => Number.isNaN(c[2]))).toBe(true);
    expect(api.totals[2]).toBeNaN();
    expect(api.cumulative.map((c) => c[0])).toEqual([1, 1, 1, 3, 7, 10]);
  });

  it('splits a coarser bucket across the finer cells in proportion to width', () => {
    const s3 = api.counts.map((c) => c[3]!);
    expect(s3[0]).toBe(0);
    expect(s3[2]).toBeCloseTo(2 / 3, 12); // (0.25, 0.5] of (0.25, 1]
    expect(s3[3]).toBeCloseTo(4 / 3, 12);
    expect(s3[4]).toBeCloseTo(4 / 3, 12); // (1, 2] of (1, 4]
    expect(s3[5]).toBeCloseTo(8 / 3, 12);
    expect(api.totals[3]).toBeCloseTo(6, 12);
  });

  it('computes quantiles as Prometheus does for native histograms', () => {
    // step 0, q=0.5, from the top: rank 5; (2,4] holds 3, (1,2] brings it to 7 → 1 + 1·(2/4)
    expect(quantileSeries(api, 0.5)[0]).toBe(1.5);
    // q=0.9 from the top: rank (1-0.9)·10 inside (2,4]
    const rank = (1 - 0.9) * 10;
    expect(quantileSeries(api, 0.9)[0]).toBe(2 + 2 * ((3 - rank) / 3));
    // q=0.05 from the bottom, in the zero bucket; only positive buckets → it starts at 0
    expect(quantileSeries(api, 0.05)[0]).toBe(0.0005);
    expect(quantileSeries(api, 0.5)[1]).toBe(1.5);
    expect(quantileSeries(api, 0.5)[2]).toBeNaN();
    // step 3: (1,4] holds 4 of 6, rank 3 from the top → 1 + 3·(1/4), the same as on the coarse bucket
    expect(quantileSeries(api, 0.5)[3]).toBeCloseTo(1.75, 12);
    expect(quantileSeries(api, -1)[0]).toBe(-Infinity);
    expect(quantileSeries(api, 2)[0]).toBe(Infinity);
  });

  it('gives NaN for an empty histogram', () => {
    const web = groups[1]!;
    expect(web.bounds.length).toBe(0);
    expect(quantileSeries(web, 0.5)[0]).toBeNaN();
  });

  it('ends a straddling bucket at 0 when there are only negative buckets', () => {
    const [g] = nativeBucketGroups(
      {
        refId: 'A',
        times: f64(0),
        series: [
          {
            labels: {},
            histograms: [
              h(4, -3, [
                [1, -2, -1, 2],
                [3, -0.5, 0.5, 2],
              ]),
            ],
          },
        ],
      },
      Float64Array.of(0),
    );
    // from the top (q ≥ 0.5): rank 0.4 in the zero bucket, now (-0.5, 0] → 0 - 0.5·(... )
    const rank = (1 - 0.9) * 4;
    expect(quantileSeries(g!, 0.9)[0]).toBe(-0.5 + 0.5 * ((2 - rank) / 2));
  });
});

describe('one step (an instant vector’s histograms)', () => {
  it('groups on the frame’s own time', () => {
    const instant: HistogramFrame = {
      refId: 'A',
      times: f64(1700000000),
      series: [
        {
          labels: { job: 'api' },
          histograms: [
            h(3, 2, [
              [0, 0.5, 1, 1],
              [0, 1, 2, 2],
            ]),
          ],
        },
      ],
    };
    const [g] = nativeBucketGroups(instant);
    expect([...g!.times]).toEqual([1700000000]);
    expect([...g!.bounds]).toEqual([1, 2]);
    expect(g!.lowest).toBe(0.5);
    expect(g!.counts.map((c) => c[0])).toEqual([1, 2]);
  });
});
