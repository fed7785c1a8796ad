import { describe, expect, it } from 'vitest';
import type { Frame } from '../../model/frame';
import type { TargetPlan } from '../../query/plan';
import type { TargetResult } from '../../query/usePanelData';
import { panelBucketGroups, percentileLabel, readHeatmapOptions } from './options';

const plan = {} as TargetPlan;
const f64 = (...v: number[]) => Float64Array.from(v);

function frame(refId: string, jobs: string[]): Frame {
  return {
    refId,
    times: f64(0, 15),
    series: jobs.flatMap((job) => [
      { labels: { job, le: '+Inf' }, values: f64(4, 4) },
      { labels: { job, le: '1' }, values: f64(2, 1) },
    ]),
  };
}

const result = (f: Frame, extra: Partial<TargetResult> = {}) => ({
  refId: f.refId,
  plan,
  frame: f,
  warnings: [],
  tookMs: 1,
  ...extra,
});

describe('readHeatmapOptions', () => {
  it('fills defaults and drops invalid values', () => {
    expect(readHeatmapOptions({})).toEqual({
      percentiles: [0.5, 0.9, 0.99],
      colorScale: 'exponential',
      group: undefined,
    });
    expect(
      readHeatmapOptions({ percentiles: [0.99, 'x', 2, 0.5, 0.5], colorScale: 'log', group: 'g' }),
    ).toEqual({ percentiles: [0.5, 0.99], colorScale: 'log', group: 'g' });
    expect(readHeatmapOptions({ colorScale: 'rainbow', group: '' }).colorScale).toBe('exponential');
  });
  it('labels percentiles', () => {
    expect([0.5, 0.9, 0.99, 0.999].map(percentileLabel)).toEqual(['p50', 'p90', 'p99', 'p99.9']);
  });
});

describe('panelBucketGroups', () => {
  it('builds groups from _bucket frames and skips frames without le', () => {
    const other: Frame = { refId: 'B', times: f64(0), series: [{ labels: {}, values: f64(1) }] };
    const groups = panelBucketGroups([result(frame('A', ['x', 'y'])), result(other)]);
    expect(groups.map((g) => g.name)).toEqual(['job="x"', 'job="y"']);
  });
  it('prefixes the refId when several targets have buckets', () => {
    const groups = panelBucketGroups([result(frame('A', ['x'])), result(frame('B', ['x']))]);
    expect(groups.map((g) => g.name)).toEqual(['A: job="x"', 'B: job="x"']);
  });
  it('prefers native histograms a target carries', () => {
    const f: Frame = { refId: 'A', times: f64(0, 15), series: [] };
    const groups = panelBucketGroups([
      result(f, {
        histograms: {
          refId: 'A',
          times: f64(15),
          series: [
            {
              labels: { job: 'n' },
              histograms: [
                { count: 2, sum: 1, buckets: [{ rule: 0, lower: 0.5, upper: 1, count: 2 }] },
              ],
            },
          ],
        },
      }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.native).toBeDefined();
    expect(groups[0]!.counts[0]![1]).toBe(2);
    expect(groups[0]!.counts[0]![0]).toBeNaN();
  });
});
