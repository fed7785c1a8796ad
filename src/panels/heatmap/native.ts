import type { Labels } from '../../model/frame';
import { parseSampleValue } from '../../prometheus/frames';
import type { HistogramWire, MatrixSeries, VectorSample } from '../../prometheus/types';
import { formatGroupLabels, type BucketGroup } from './buckets';

/**
 * One bucket of a native histogram as the query API writes it:
 * `[boundaryRule, "lower", "upper", "count"]`, boundaryRule 0 = (l, u], 1 = [l, u), 2 = (l, u),
 * 3 = [l, u] (util/jsonutil MarshalHistogram; empty buckets are left out).
 */
export interface NativeBucket {
  rule: 0 | 1 | 2 | 3;
  lower: number;
  upper: number;
  count: number;
}

/** The buckets of one wire histogram; malformed entries are dropped. */
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

/** True when a query result carries native histograms (`histograms` or `histogram`). */
export function hasNativeHistograms(
  result: readonly (MatrixSeries | VectorSample)[] | undefined,
): boolean {
  return !!result?.some(
    (s) =>
      ('histograms' in s && (s.histograms?.length ?? 0) > 0) ||
      ('histogram' in s && s.histogram !== undefined),
  );
}

/** The sorted distinct timestamps (seconds) of a native-histogram result. */
export function nativeTimes(result: readonly MatrixSeries[]): Float64Array {
  const set = new Set<number>();
  for (const s of result) for (const [ts] of s.histograms ?? []) set.add(ts);
  return Float64Array.from([...set].sort((a, b) => a - b));
}

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
  /** per step: the buckets and the wire count and sum (several series add up) */
  steps: Map<number, { buckets: NativeBucket[]; count: number; sum: number }>;
}

/**
 * Native-histogram series of a range query (`histograms`) → BucketGroups on `times` (the
 * query's step grid; `nativeTimes(result)` when there is none), one per label set without
 * `__name__`. The cells are the union of every bucket boundary seen over the range, so a
 * schema change or a bucket that appears later still gets its own row; a bucket that spans
 * several cells (a coarser schema at some steps) is split across them in proportion to width,
 * the linear assumption histogram_quantile makes anyway.
 */
export function nativeBucketGroups(
  result: readonly MatrixSeries[],
  times: Float64Array,
  refId = 'A',
): BucketGroup[] {
  return buildGroups(
    result.map((s) => ({ metric: s.metric, points: s.histograms ?? [] })),
    times,
    refId,
  );
}

/** Native histograms of an instant query (`histogram`) → BucketGroups with one step each. */
export function nativeInstantGroups(result: readonly VectorSample[], refId = 'A'): BucketGroup[] {
  const withHist = result.filter((s) => s.histogram);
  const ts = withHist[0]?.histogram?.[0];
  if (ts === undefined) return [];
  return buildGroups(
    withHist.map((s) => ({ metric: s.metric, points: s.histogram ? [s.histogram] : [] })),
    Float64Array.of(ts),
    refId,
  );
}

function buildGroups(
  series: readonly { metric: Labels; points: readonly [number, HistogramWire][] }[],
  times: Float64Array,
  refId: string,
): BucketGroup[] {
  const byKey = new Map<string, GroupAcc>();
  for (const s of series) {
    if (s.points.length === 0) continue;
    const labels: Labels = {};
    for (const k of Object.keys(s.metric)) if (k !== '__name__') labels[k] = s.metric[k]!;
    const key = `${refId}\u0000${formatGroupLabels(labels)}`;
    let g = byKey.get(key);
    if (!g) {
      g = { labels, names: new Set(), steps: new Map() };
      byKey.set(key, g);
    }
    if (s.metric.__name__) g.names.add(s.metric.__name__);
    for (const [ts, h] of s.points) {
      const i = gridIndex(times, ts);
      if (Number.isNaN(i)) continue;
      const buckets = parseNativeBuckets(h);
      const count = parseSampleValue(h.count);
      const sum = parseSampleValue(h.sum);
      const prev = g.steps.get(i);
      if (prev) {
        prev.buckets.push(...buckets);
        prev.count += count;
        prev.sum += sum;
      } else g.steps.set(i, { buckets, count, sum });
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
