import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gridTimes } from '../../prometheus/frames';
import { toHistogramFrame } from '../../prometheus/histograms';
import { quantileSeries } from './buckets';
import { nativeBucketGroups } from './native';

/** A recorded answer: its series as the API wrote them (the query layer reads them). */
interface Recorded<S> {
  data: { result: S[] };
}

/**
 * Recorded from a real Prometheus 2.42 (--enable-feature=native-histograms) scraping
 * e2e/fixture/native-exporter.mjs over protobuf: `rate(scry_native_latency_seconds[1m])` on a
 * 5 s grid, with Prometheus's own histogram_quantile of it at several q on the same grid.
 */
const REC = JSON.parse(
  readFileSync(new URL('./__fixtures__/prometheus-2.42-native-rate.json', import.meta.url), 'utf8'),
) as {
  prometheus: string;
  range: { start: number; end: number; step: number };
  response: Recorded<Parameters<typeof toHistogramFrame>[0][number]>;
  quantiles: Record<string, Recorded<{ values?: [number, string][] }>>;
};

describe('a recorded Prometheus 2.42 native-histogram response', () => {
  const { start, end, step } = REC.range;
  const times = gridTimes(start, end, step);
  const frame = toHistogramFrame(REC.response.data.result, 'A');
  const groups = frame ? nativeBucketGroups(frame, times, 'A') : [];

  it('is read as one native group on the grid', () => {
    expect(REC.prometheus).toMatch(/^2\.42\./);
    expect(frame?.series.length).toBeGreaterThan(0);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.native).toBeDefined();
    expect(groups[0]!.labels).toEqual({ instance: expect.any(String), job: 'native' });
  });

  it.each(Object.keys(REC.quantiles))('q=%s equals Prometheus’s histogram_quantile', (q) => {
    expect(REC.quantiles[q]!.data.result).toHaveLength(1);
    const got = quantileSeries(groups[0]!, Number(q));
    const want = REC.quantiles[q]!.data.result[0]!.values!;
    expect(want.length).toBeGreaterThan(0);
    for (const [ts, v] of want) {
      const i = Math.round((ts - start) / step);
      const expected = Number(v);
      const diff = Math.abs(got[i]! - expected);
      expect(diff).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
      // 2.42 always sums buckets from the bottom; for q < 0.5 so does Scry, bit for bit (for
      // q ≥ 0.5 Scry sums from the top, as later Prometheus versions do: equal up to rounding)
      if (Number(q) < 0.5) expect(got[i]).toBe(expected);
    }
  });
});
