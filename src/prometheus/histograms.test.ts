import { describe, expect, it } from 'vitest';
import { parseNativeBuckets, toHistogramFrame } from './histograms';
import type { InstantResult, MatrixResult } from './types';

/**
 * Shaped like a /api/v1/query_range answer for `rate(http_request_duration_seconds[5m])` on a
 * native histogram (start 1700000000, end +45, step 15): a zero bucket, schema 0 buckets, no
 * sample at the third step, and a coarser schema (-1) at the last one. (The heatmap's test
 * groups the HistogramFrame read from it.)
 */
const RANGE: MatrixResult = {
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
    { metric: { __name__: 'up' }, values: [[1700000000, '1']] },
  ],
};

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

describe('toHistogramFrame', () => {
  const f = toHistogramFrame(RANGE.result, 'B')!;

  it('finds native histograms and their times', () => {
    expect(f.refId).toBe('B');
    expect([...f.times]).toEqual([1700000000, 1700000015, 1700000045]);
    expect(toHistogramFrame([{ metric: {}, values: [[1, '1']] }])).toBeUndefined();
  });

  it('has one column per histogram series (float series left to the frame), absent = undefined', () => {
    expect(f.series.map((s) => s.labels.job)).toEqual(['api', 'web']);
    expect(f.series[0]!.histograms[0]).toEqual({
      count: 10,
      sum: 15.5,
      buckets: [
        { rule: 3, lower: -0.001, upper: 0.001, count: 1 },
        { rule: 0, lower: 0.5, upper: 1, count: 2 },
        { rule: 0, lower: 1, upper: 2, count: 4 },
        { rule: 0, lower: 2, upper: 4, count: 3 },
      ],
    });
    expect(f.series[0]!.histograms[2]!.buckets).toHaveLength(2);
    expect(f.series[1]!.histograms).toEqual([
      { count: 0, sum: 0, buckets: [] },
      undefined,
      undefined,
    ]);
  });

  it('reads `histogram` of an instant vector', () => {
    const instant: InstantResult = {
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
    };
    if (instant.resultType !== 'vector') throw new Error('vector');
    const g = toHistogramFrame(instant.result)!;
    expect([...g.times]).toEqual([1700000000]);
    expect(g.series[0]!.histograms[0]!.buckets.map((b) => [b.lower, b.upper, b.count])).toEqual([
      [0.5, 1, 1],
      [1, 2, 2],
    ]);
  });
});
