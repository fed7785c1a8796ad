import { describe, expect, it } from 'vitest';
import type { ApiSuccess, InstantResult, MatrixResult } from '../../prometheus/types';
import { quantileSeries } from './buckets';
import {
  hasNativeHistograms,
  nativeBucketGroups,
  nativeInstantGroups,
  nativeTimes,
  parseNativeBuckets,
} from './native';

/**
 * Shaped like a /api/v1/query_range answer for `rate(http_request_duration_seconds[5m])` on a
 * native histogram (start 1700000000, end +45, step 15): a zero bucket, schema 0 buckets, no
 * sample at the third step, and a coarser schema (-1) at the last one.
 */
const RANGE: ApiSuccess<MatrixResult> = {
  status: 'success',
  data: {
    resultType: 'matrix',
    result: [
      {
        metric: { __name__: 'http_request_duration_seconds', job: 'api' },
        histograms: [
          [
            1700000000,
            {
              count: '10',
              sum: '15.5',
              buckets: [
                [3, '-0.001', '0.001', '1'],
                [0, '0.5', '1', '2'],
                [0, '1', '2', '4'],
                [0, '2', '4', '3'],
              ],
            },
          ],
          [1700000015, { count: '4', sum: '6', buckets: [[0, '1', '2', '4']] }],
          [
            1700000045,
            {
              count: '6',
              sum: '9',
              buckets: [
                [0, '0.25', '1', '2'],
                [0, '1', '4', '4'],
              ],
            },
          ],
        ],
      },
      {
        metric: { __name__: 'http_request_duration_seconds', job: 'web' },
        histograms: [[1700000000, { count: '0', sum: '0' }]],
      },
    ],
  },
};

const GRID = Float64Array.from([0, 15, 30, 45], (d) => 1700000000 + d);

describe('parseNativeBuckets', () => {
  it('reads the four-tuple and drops malformed entries', () => {
    expect(
      parseNativeBuckets({
        count: '3',
        sum: '1',
        buckets: [
          [1, '-2', '-1', '1'],
          [0, '1', '2', '2'],
          [7 as 0, '1', '2', '2'],
          [0, 'x', '2', '2'],
          [0, '4', '2', '2'],
        ],
      }),
    ).toEqual([
      { rule: 1, lower: -2, upper: -1, count: 1 },
      { rule: 0, lower: 1, upper: 2, count: 2 },
    ]);
    expect(parseNativeBuckets({ count: '0', sum: '0' })).toEqual([]);
  });
});

describe('nativeBucketGroups', () => {
  const groups = nativeBucketGroups(RANGE.data.result, GRID, 'A');
  const api = groups[0]!;

  it('finds native histograms and their times', () => {
    expect(hasNativeHistograms(RANGE.data.result)).toBe(true);
    expect(hasNativeHistograms([{ metric: {}, values: [[1, '1']] }])).toBe(false);
    expect([...nativeTimes(RANGE.data.result)]).toEqual([1700000000, 1700000015, 1700000045]);
  });

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
      [
        {
          metric: {},
          histograms: [
            [
              0,
              {
                count: '4',
                sum: '-3',
                buckets: [
                  [1, '-2', '-1', '2'],
                  [3, '-0.5', '0.5', '2'],
                ],
              },
            ],
          ],
        },
      ],
      Float64Array.of(0),
    );
    // from the top (q ≥ 0.5): rank 0.4 in the zero bucket, now (-0.5, 0] → 0 - 0.5·(... )
    const rank = (1 - 0.9) * 4;
    expect(quantileSeries(g!, 0.9)[0]).toBe(-0.5 + 0.5 * ((2 - rank) / 2));
  });
});

describe('nativeInstantGroups', () => {
  it('reads `histogram` of an instant vector', () => {
    const instant: ApiSuccess<InstantResult> = {
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          {
            metric: { job: 'api' },
            histogram: [
              1700000000,
              {
                count: '3',
                sum: '2',
                buckets: [
                  [0, '0.5', '1', '1'],
                  [0, '1', '2', '2'],
                ],
              },
            ],
          },
        ],
      },
    };
    if (instant.data.resultType !== 'vector') throw new Error('vector');
    const [g] = nativeInstantGroups(instant.data.result);
    expect([...g!.times]).toEqual([1700000000]);
    expect([...g!.bounds]).toEqual([1, 2]);
    expect(g!.lowest).toBe(0.5);
    expect(g!.counts.map((c) => c[0])).toEqual([1, 2]);
  });
});
