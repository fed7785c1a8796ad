import { describe, expect, it } from 'vitest';
import type { PrometheusClient } from '../prometheus/client';
import type { MatrixSeries } from '../prometheus/types';
import type { TargetPlan } from './plan';
import { fetchTarget } from './usePanelData';

const plan: TargetPlan = {
  refId: 'A',
  expr: 'x',
  instant: false,
  startSec: 0,
  endSec: 30,
  stepSec: 15,
  intervalMs: 15_000,
  rateIntervalMs: 60_000,
};

function client(result: MatrixSeries[]): PrometheusClient {
  return {
    queryRange: () => Promise.resolve({ data: { resultType: 'matrix', result }, warnings: [] }),
  } as unknown as PrometheusClient;
}

describe('fetchTarget', () => {
  it('attaches the series that carry native histograms (frames hold only floats)', async () => {
    const native: MatrixSeries = {
      metric: { __name__: 'h' },
      histograms: [[15, { count: '2', sum: '1', buckets: [[0, '0', '1', '2']] }]],
    };
    const float: MatrixSeries = { metric: { __name__: 'f' }, values: [[0, '1']] };
    const r = await fetchTarget(client([native, float]), plan, new AbortController().signal);
    expect(r.histograms).toEqual([native]);
    expect(r.frame?.series.map((s) => s.labels.__name__)).toEqual(['f']);
  });

  it('leaves `histograms` out for float-only answers', async () => {
    const r = await fetchTarget(
      client([{ metric: {}, values: [[0, '1']] }]),
      plan,
      new AbortController().signal,
    );
    expect('histograms' in r).toBe(false);
  });
});
