import type { Frame, Labels } from '../../model/frame';

/**
 * One histogram on a time grid, columnar: the shape the heatmap and the percentile lines read,
 * whether it came from classic `_bucket` series or from native histograms.
 *
 * Bucket i holds the observations in (lowerOf(i), bounds[i]]: lowerOf(0) = `lowest`, then
 * lowerOf(i) = bounds[i-1].
 */
export interface BucketGroup {
  /** stable identity (refId and the label set without `le` and `__name__`) */
  key: string;
  /** readable name: `job="api", instance="a:9100"`, or the metric name when there are no labels */
  name: string;
  /** the labels shared by the group's buckets (without `le` and `__name__`) */
  labels: Labels;
  /** seconds since epoch, one per step */
  times: Float64Array;
  /** upper bounds, ascending; `+Inf` last when present */
  bounds: Float64Array;
  /** lower bound of the lowest bucket: 0 for classic buckets with a positive first bound */
  lowest: number;
  /** per bucket, per step: observations in that bucket; NaN where the bucket has no sample */
  counts: Float64Array[];
  /** per bucket, per step: cumulative count (`le` semantics) as received; NaN where missing */
  cumulative: Float64Array[];
  /** per step: the sum of the bucket counts; NaN where no bucket has a sample */
  totals: Float64Array;
  /**
   * native histograms only: the histogram's own count and sum per step (NaN where absent).
   * Their quantiles follow Prometheus's native algorithm, which interpolates between each
   * bucket's real lower and upper bound instead of assuming a `+Inf` bucket.
   */
  native?: { count: Float64Array; sum: Float64Array } | undefined;
}

/** Per-bucket counts below this are 0 (Grafana's `filterValues` default, float noise of rate()). */
export const COUNT_EPSILON = 1e-9;

/**
 * Parses an `le` label value like Go's strconv.ParseFloat does for the usual spellings:
 * "0.005", "1e+03", "+Inf", "Inf", "inf", "-Inf", "infinity". NaN when it is not a number.
 */
export function parseLe(le: string): number {
  const s = le.trim();
  if (s === '' || s !== le) return NaN;
  const n = Number(s);
  if (!Number.isNaN(n)) return n;
  const lower = s.toLowerCase();
  if (lower === 'inf' || lower === '+inf' || lower === 'infinity' || lower === '+infinity')
    return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  return NaN;
}

/** True when the frame's series look like classic histogram buckets (each has an `le` label). */
export function looksLikeBuckets(frame: Frame): boolean {
  return (
    frame.series.length > 0 &&
    frame.series.every((s) => s.labels.le !== undefined && !Number.isNaN(parseLe(s.labels.le)))
  );
}

/** `a="x", b="y"` with keys sorted; '' for no labels. */
export function formatGroupLabels(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(', ');
}

function groupLabels(labels: Labels): Labels {
  const out: Labels = {};
  for (const k of Object.keys(labels)) if (k !== 'le' && k !== '__name__') out[k] = labels[k]!;
  return out;
}

function metricName(name: string | undefined): string {
  return name ? name.replace(/_bucket$/, '') : '';
}

/**
 * Classic `_bucket` series of one frame → one BucketGroup per label set without `le` and
 * `__name__` (as Prometheus's histogram_quantile groups them). Series without a parsable `le`
 * are ignored; series with the same bound in one group are summed (Prometheus coalesces them).
 * Buckets are sorted numerically, `+Inf` last, whatever the input order.
 */
export function bucketGroups(frame: Frame): BucketGroup[] {
  const byKey = new Map<
    string,
    { labels: Labels; names: Set<string>; byBound: Map<number, Float64Array> }
  >();
  for (const s of frame.series) {
    const le = s.labels.le;
    if (le === undefined) continue;
    const bound = parseLe(le);
    if (Number.isNaN(bound)) continue;
    const labels = groupLabels(s.labels);
    const key = `${frame.refId}\u0000${formatGroupLabels(labels)}`;
    let g = byKey.get(key);
    if (!g) {
      g = { labels, names: new Set(), byBound: new Map() };
      byKey.set(key, g);
    }
    const name = metricName(s.labels.__name__);
    if (name) g.names.add(name);
    const prev = g.byBound.get(bound);
    g.byBound.set(bound, prev ? sumPresent(prev, s.values) : s.values);
  }
  const groups: BucketGroup[] = [];
  for (const [key, g] of byKey) {
    const bounds = Float64Array.from([...g.byBound.keys()].sort((a, b) => a - b));
    const cumulative = Array.from(bounds, (b) => g.byBound.get(b)!);
    const labelText = formatGroupLabels(g.labels);
    const name = labelText || [...g.names].sort().join(', ') || frame.refId;
    groups.push({
      key,
      name,
      labels: g.labels,
      times: frame.times,
      bounds,
      lowest: bounds[0]! > 0 ? 0 : -Infinity,
      cumulative,
      ...deaccumulate(cumulative, frame.times.length),
    });
  }
  return groups.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** a + b where both are present; the present one where only one is; NaN where neither. */
function sumPresent(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i] ?? NaN;
    out[i] = Number.isNaN(x) ? y : Number.isNaN(y) ? x : x + y;
  }
  return out;
}

/**
 * Cumulative (`le`) columns, sorted by bound → per-bucket counts and column totals. A bucket
 * missing at a step (NaN) stays NaN and the next present bucket takes the difference to the
 * last present one, so the column total is kept. Decreases (non-monotonic input, float noise)
 * are measured against the running maximum, the envelope Prometheus's ensureMonotonic uses,
 * and counts below COUNT_EPSILON become 0.
 */
export function deaccumulate(
  cumulative: readonly Float64Array[],
  steps: number,
): { counts: Float64Array[]; totals: Float64Array } {
  const counts = cumulative.map(() => new Float64Array(steps));
  const totals = new Float64Array(steps);
  for (let t = 0; t < steps; t++) {
    let below = 0;
    let total = 0;
    let any = false;
    for (let i = 0; i < cumulative.length; i++) {
      const c = cumulative[i]![t] ?? NaN;
      const out = counts[i]!;
      if (Number.isNaN(c)) {
        out[t] = NaN;
        continue;
      }
      let d = c - below;
      if (!(d >= COUNT_EPSILON)) d = 0;
      if (c > below) below = c;
      out[t] = d;
      total += d;
      any = true;
    }
    totals[t] = any ? total : NaN;
  }
  return { counts, totals };
}

/** Go's sort.Search: the smallest i in [0, n) with f(i) true (n when none), by bisection. */
function goSearch(n: number, f: (i: number) => boolean): number {
  let i = 0;
  let j = n;
  while (i < j) {
    const h = (i + j) >>> 1;
    if (!f(h)) i = h + 1;
    else j = h;
  }
  return i;
}

/**
 * Prometheus's `histogram_quantile` for classic buckets (promql/quantile.go, bucketQuantile,
 * 2.4x): `bounds[i]` is the `le` of a bucket and `cumulativeCounts[i]` its value, in any order.
 *
 * - q NaN → NaN; q < 0 → -Inf; q > 1 → +Inf
 * - sorted by bound; the highest bound must be +Inf, else NaN
 * - buckets with the same bound are summed; decreasing counts are raised to the running maximum
 * - fewer than 2 buckets, or a total count of 0 → NaN
 * - rank = q · total; the first bucket whose count ≥ rank holds the quantile (binary search)
 * - in the +Inf bucket → the highest finite bound; in the first bucket with a bound ≤ 0 → that
 *   bound; otherwise linear interpolation within the bucket, the first bucket starting at 0
 */
export function histogramQuantile(
  q: number,
  bounds: ArrayLike<number>,
  cumulativeCounts: ArrayLike<number>,
): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const n = Math.min(bounds.length, cumulativeCounts.length);
  if (n === 0) return NaN;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => bounds[a]! - bounds[b]!);
  const ub: number[] = [];
  const cnt: number[] = [];
  for (const i of order) {
    const b = bounds[i]!;
    const c = cumulativeCounts[i]!;
    const last = ub.length - 1;
    if (last >= 0 && ub[last] === b) cnt[last]! += c;
    else {
      ub.push(b);
      cnt.push(c);
    }
  }
  return sortedQuantile(q, ub, cnt, ub.length);
}

/**
 * bucketQuantile on buckets already sorted by bound and coalesced (no equal bounds), in the
 * first `n` entries of `ub`/`cnt`; `cnt` is made monotonic in place.
 */
function sortedQuantile(q: number, ub: ArrayLike<number>, cnt: number[], n: number): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  if (n === 0 || ub[n - 1] !== Infinity) return NaN;
  // ensureMonotonic: NaN never compares, so it stays (and poisons what Prometheus's would)
  let max = cnt[0]!;
  for (let i = 1; i < n; i++) {
    const c = cnt[i]!;
    if (c > max) max = c;
    else if (c < max) cnt[i] = max;
  }
  if (n < 2) return NaN;
  const observations = cnt[n - 1]!;
  if (observations === 0) return NaN;
  let rank = q * observations;
  const b = goSearch(n - 1, (i) => cnt[i]! >= rank);
  if (b === n - 1) return ub[n - 2]!;
  if (b === 0 && ub[0]! <= 0) return ub[0]!;
  let bucketStart = 0;
  const bucketEnd = ub[b]!;
  let count = cnt[b]!;
  if (b > 0) {
    bucketStart = ub[b - 1]!;
    count -= cnt[b - 1]!;
    rank -= cnt[b - 1]!;
  }
  return bucketStart + (bucketEnd - bucketStart) * (rank / count);
}

/**
 * `histogram_quantile(q, …)` at every step of a group, as Prometheus computes it from the
 * same cumulative series: a bucket without a sample at a step is absent from that step's
 * histogram (as a missing series is in PromQL), so a step without `+Inf` gives NaN.
 */
export function quantileSeries(group: BucketGroup, q: number): Float64Array {
  return quantilesSeries(group, [q])[0]!;
}

/**
 * `quantileSeries` for several quantiles in one pass over the buckets (the heatmap's percentile
 * lines): each step's histogram is gathered once. Same values as one call per quantile —
 * sortedQuantile's monotonic fix-up is idempotent, so the quantiles can share it.
 */
export function quantilesSeries(group: BucketGroup, qs: readonly number[]): Float64Array[] {
  if (group.native) {
    const native = group.native;
    return qs.map((q) => nativeQuantileSeries(group, native, q));
  }
  const steps = group.times.length;
  const outs = qs.map(() => new Float64Array(steps));
  const nb = group.bounds.length;
  const ub = new Float64Array(nb);
  const cnt: number[] = new Array<number>(nb).fill(0);
  const { bounds, cumulative } = group;
  for (let t = 0; t < steps; t++) {
    let n = 0;
    for (let i = 0; i < nb; i++) {
      const c = cumulative[i]![t] ?? NaN;
      if (c !== c) continue; // NaN: no sample of this bucket at this step
      ub[n] = bounds[i]!;
      cnt[n] = c;
      n++;
    }
    for (let k = 0; k < qs.length; k++) outs[k]![t] = sortedQuantile(qs[k]!, ub, cnt, n);
  }
  return outs;
}

/**
 * Prometheus's histogramQuantile for native histograms (promql/quantile.go), on the cells of a
 * group: iterate buckets from the bottom (q < 0.5, or a NaN sum) or from the top (q ≥ 0.5)
 * until the rank is reached, then interpolate linearly within that bucket. A bucket that
 * straddles 0 starts at 0 when there are only positive buckets (ends at 0 when only negative).
 * Empty cells are skipped, as the query API leaves empty buckets out.
 */
function nativeQuantileSeries(
  group: BucketGroup,
  native: { count: Float64Array; sum: Float64Array },
  q: number,
): Float64Array {
  const steps = group.times.length;
  const out = new Float64Array(steps);
  const nb = group.bounds.length;
  const lowerOf = (i: number) => (i === 0 ? group.lowest : group.bounds[i - 1]!);
  for (let t = 0; t < steps; t++) {
    const total = native.count[t]!;
    if (Number.isNaN(total)) {
      out[t] = NaN;
      continue;
    }
    if (q < 0) {
      out[t] = -Infinity;
      continue;
    }
    if (q > 1) {
      out[t] = Infinity;
      continue;
    }
    if (total === 0 || Number.isNaN(q)) {
      out[t] = NaN;
      continue;
    }
    let hasNeg = false;
    let hasPos = false;
    for (let i = 0; i < nb; i++) {
      if (!(group.counts[i]![t]! > 0)) continue;
      if (group.bounds[i]! <= 0) hasNeg = true;
      if (lowerOf(i) >= 0) hasPos = true;
    }
    const forward = Number.isNaN(native.sum[t]!) || q < 0.5;
    let rank = forward ? q * total : (1 - q) * total;
    let lower = 0;
    let upper = 0;
    let bucketCount = 0;
    let count = 0;
    for (let k = 0; k < nb; k++) {
      const i = forward ? k : nb - 1 - k;
      const c = group.counts[i]![t]!;
      if (!(c > 0)) continue;
      lower = lowerOf(i);
      upper = group.bounds[i]!;
      bucketCount = c;
      count += c;
      if (count >= rank) break;
    }
    if (lower < 0 && upper > 0) {
      if (!hasNeg && hasPos) lower = 0;
      else if (!hasPos && hasNeg) upper = 0;
    }
    if (count > total) count = total;
    if (count < rank) {
      out[t] = upper;
      continue;
    }
    if (forward) rank -= count - bucketCount;
    else rank = count - rank;
    out[t] = lower + (upper - lower) * (rank / bucketCount);
  }
  return out;
}
