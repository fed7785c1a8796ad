// Native histograms as the query API writes them → HistogramFrame (model/histogramFrame.ts),
// the shape panels see. Pure.

import type { Labels } from '../model/frame';
import type { HistogramFrame, HistogramSeries, NativeBucket } from '../model/histogramFrame';
import { parseSampleValue } from './frames';
import type { HistogramWire, MatrixSeries, VectorSample } from './types';

/**
 * The buckets of one wire histogram, `[boundaryRule, "lower", "upper", "count"]` each
 * (util/jsonutil MarshalHistogram; empty buckets are left out); malformed entries are dropped.
 */
export function parseNativeBuckets(h: HistogramWire): NativeBucket[] {
  const out: NativeBucket[] = [];
  for (const b of h.buckets ?? []) {
    const [rule, lo, up, c] = b;
    const lower = parseSampleValue(lo);
    const upper = parseSampleValue(up);
    const count = parseSampleValue(c);
    if (rule !== 0 && rule !== 1 && rule !== 2 && rule !== 3) continue;
    if (Number.isNaN(lower) || Number.isNaN(upper) || Number.isNaN(count) || lower > upper)
      continue;
    out.push({ rule, lower, upper, count });
  }
  return out;
}

/**
 * The native histograms of a range (`histograms`) or instant (`histogram`) result → one
 * HistogramFrame whose times are every timestamp a histogram was answered at; undefined when
 * the result has none (float samples go to `matrixToFrame`).
 */
export function toHistogramFrame(
  result: readonly (MatrixSeries | VectorSample)[],
  refId = 'A',
): HistogramFrame | undefined {
  const withHist: { labels: Labels; points: readonly [number, HistogramWire][] }[] = [];
  for (const s of result) {
    const points =
      'histograms' in s && s.histograms?.length
        ? s.histograms
        : 'histogram' in s && s.histogram
          ? [s.histogram]
          : [];
    if (points.length) withHist.push({ labels: s.metric, points });
  }
  if (withHist.length === 0) return undefined;
  const set = new Set<number>();
  for (const s of withHist) for (const [ts] of s.points) set.add(ts);
  const times = Float64Array.from([...set].sort((a, b) => a - b));
  const index = new Map<number, number>();
  times.forEach((t, i) => index.set(t, i));
  const series: HistogramSeries[] = withHist.map((s) => {
    const histograms: HistogramSeries['histograms'] = new Array(times.length).fill(undefined);
    for (const [ts, h] of s.points)
      histograms[index.get(ts)!] = {
        count: parseSampleValue(h.count),
        sum: parseSampleValue(h.sum),
        buckets: parseNativeBuckets(h),
      };
    return { labels: s.labels, histograms };
  });
  return { refId, times, series };
}
