import { describe, expect, it } from 'vitest';
import { buildSeries, resample } from './series';
import type { Frame } from '../../model/frame';

const f = (
  refId: string,
  times: number[],
  series: { labels: Record<string, string>; values: number[] }[],
): Frame => ({
  refId,
  times: new Float64Array(times),
  series: series.map((s) => ({ labels: s.labels, values: new Float64Array(s.values) })),
});

describe('buildSeries', () => {
  it('labels series by legend format and keeps value columns without copying', () => {
    const a = f('A', [0, 15, 30], [{ labels: { job: 'api' }, values: [1, 2, 3] }]);
    const { times, series, total } = buildSeries(
      [a],
      [{ refId: 'A', legendFormat: '{{job}}' }],
      (i) => `c${i}`,
    );
    expect(times).toBe(a.times);
    expect(total).toBe(1);
    expect(series[0]).toMatchObject({ label: 'api', color: 'c0' });
    expect(series[0]!.values).toBe(a.series[0]!.values);
  });

  it('__auto legends differ per query: the labels that differ within it', () => {
    const a = f(
      'A',
      [0],
      [
        { labels: { __name__: 'up', job: 'x', instance: '1' }, values: [1] },
        { labels: { __name__: 'up', job: 'x', instance: '2' }, values: [2] },
      ],
    );
    const b = f('B', [0], [{ labels: { __name__: 'scrape_duration', job: 'x' }, values: [3] }]);
    const { series } = buildSeries(
      [a, b],
      [
        { refId: 'A', legendFormat: '__auto' },
        { refId: 'B', legendFormat: '__auto' },
      ],
      () => '#fff',
    );
    expect(series.map((s) => s.label)).toEqual(['1', '2', 'scrape_duration']);
  });

  it('gives duplicate labels distinct keys', () => {
    const a = f(
      'A',
      [0],
      [
        { labels: { job: 'x', i: '1' }, values: [1] },
        { labels: { job: 'x', i: '2' }, values: [2] },
      ],
    );
    const { series } = buildSeries([a], [{ refId: 'A', legendFormat: '{{job}}' }], () => '#fff');
    expect(new Set(series.map((s) => s.key)).size).toBe(2);
  });

  it('caps the number of series but counts them all', () => {
    const a = f(
      'A',
      [0],
      [1, 2, 3, 4].map((i) => ({ labels: { i: String(i) }, values: [i] })),
    );
    const r = buildSeries([a], [{ refId: 'A', legendFormat: '' }], () => '#fff', 2);
    expect(r.series).toHaveLength(2);
    expect(r.total).toBe(4);
  });
});

describe('resample', () => {
  it('carries a sample forward for less than one source step', () => {
    const out = resample(
      new Float64Array([0, 30]),
      new Float64Array([1, 2]),
      new Float64Array([0, 15, 30, 45, 60]),
    );
    expect(Array.from(out)).toEqual([1, 1, 2, 2, NaN]);
  });
});
