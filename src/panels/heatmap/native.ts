import type { Labels } from '../../model/frame';
import type { HistogramFrame, NativeBucket } from '../../model/histogramFrame';
import { formatGroupLabels, type BucketGroup } from './buckets';

/** Index of `ts` on a step grid (NaN when off the grid): the nearest step within half a step. */
function gridIndex(times: Float64Array, ts: number): number {
  const n = times.length;
  if (n === 0) return NaN;
  const t0 = times[0]!;
  if (n === 1) return Math.abs(ts - t0) < 1e-6 ? 0 : NaN;
  const step = times[1]! - t0;
  const i = Math.round((ts - t0) / step);
  if (i < 0 || i >= n || Math.abs(times[i]! - ts) > step / 2) return NaN;
  return i;
}

interface GroupAcc {
  labels: Labels;
  names: Set<string>;
  /** per step: the buckets and the histogram's count and sum (several series add up) */
  steps: Map<number, { buckets: NativeBucket[]; count: number; sum: number }>;
}

/**
 * A HistogramFrame → BucketGroups on `times` (the query's step grid; the frame's own times when
 * there is none), one per label set without `__name__`. The cells are the union of every bucket
 * boundary seen over the range, so a schema change or a bucket that appears later still gets its
 * own row; a bucket that spans several cells (a coarser schema at some steps) is split across
 * them in proportion to width, the linear assumption histogram_quantile makes anyway.
 */
export function nativeBucketGroups(
  frame: HistogramFrame,
  times: Float64Array = frame.times,
  refId = frame.refId,
): BucketGroup[] {
  const byKey = new Map<string, GroupAcc>();
  for (const s of frame.series) {
    const labels: Labels = {};
    for (const k of Object.keys(s.labels)) if (k !== '__name__') labels[k] = s.labels[k]!;
    const key = `${refId}\u0000${formatGroupLabels(labels)}`;
    let g = byKey.get(key);
    if (!g) {
      g = { labels, names: new Set(), steps: new Map() };
      byKey.set(key, g);
    }
    if (s.labels.__name__) g.names.add(s.labels.__name__);
    for (let j = 0; j < s.histograms.length; j++) {
      const h = s.histograms[j];
      const i = h ? gridIndex(times, frame.times[j]!) : NaN;
      if (!h || Number.isNaN(i)) continue;
      const prev = g.steps.get(i);
      if (prev) {
        prev.buckets.push(...h.buckets);
        prev.count += h.count;
        prev.sum += h.sum;
      } else g.steps.set(i, { buckets: [...h.buckets], count: h.count, sum: h.sum });
    }
  }
  const groups: BucketGroup[] = [];
  for (const [key, g] of byKey) groups.push(toGroup(key, g, times, refId));
  return groups.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Index of the largest edge ≤ v (edges ascending, v one of them in practice). */
function edgeIndex(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (edges[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function toGroup(key: string, g: GroupAcc, times: Float64Array, refId: string): BucketGroup {
  const edgeSet = new Set<number>();
  for (const st of g.steps.values())
    for (const b of st.buckets) {
      edgeSet.add(b.lower);
      edgeSet.add(b.upper);
    }
  const edges = Float64Array.from([...edgeSet].sort((a, b) => a - b));
  const nCells = Math.max(edges.length - 1, 0);
  const steps = times.length;
  const counts = Array.from({ length: nCells }, () => new Float64Array(steps).fill(NaN));
  const count = new Float64Array(steps).fill(NaN);
  const sum = new Float64Array(steps).fill(NaN);
  for (const [t, st] of g.steps) {
    count[t] = st.count;
    sum[t] = st.sum;
    for (let c = 0; c < nCells; c++) counts[c]![t] = 0;
    for (const b of st.buckets) {
      const k0 = edgeIndex(edges, b.lower);
      const k1 = edgeIndex(edges, b.upper);
      if (k1 - k0 <= 1 || nCells === 0) {
        // one cell (or a zero-width bucket: the cell that ends at its bound)
        const c = Math.min(Math.max(k1 - 1, 0), nCells - 1);
        if (c >= 0) counts[c]![t]! += b.count;
        continue;
      }
      const width = b.upper - b.lower;
      if (!Number.isFinite(width)) {
        // an open-ended bucket: its count goes to its infinite end
        const c = b.upper === Infinity ? k1 - 1 : k0;
        counts[c]![t]! += b.count;
        continue;
      }
      for (let c = k0; c < k1; c++)
        counts[c]![t]! += (b.count * (edges[c + 1]! - edges[c]!)) / width;
    }
  }
  const cumulative = counts.map(() => new Float64Array(steps));
  const totals = new Float64Array(steps);
  for (let t = 0; t < steps; t++) {
    let run = 0;
    let any = false;
    for (let c = 0; c < nCells; c++) {
      const v = counts[c]![t]!;
      if (!Number.isNaN(v)) {
        run += v;
        any = true;
      }
      cumulative[c]![t] = Number.isNaN(v) ? NaN : run;
    }
    totals[t] = any ? run : NaN;
  }
  const labelText = formatGroupLabels(g.labels);
  return {
    key,
    name: labelText || [...g.names].sort().join(', ') || refId,
    labels: g.labels,
    times,
    bounds: edges.subarray(1),
    lowest: edges[0] ?? 0,
    counts,
    cumulative,
    totals,
    native: { count, sum },
  };
}
