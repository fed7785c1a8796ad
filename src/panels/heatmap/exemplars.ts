// Exemplars on a heatmap: each goes into the cell of its bucket — the bucket its value falls in
// (`le` semantics: the first upper bound ≥ the value, lower bound excluded) — and of its time
// column (the first step at or after its timestamp: the first sample that counts it).
import type { ExemplarResult } from '../../model/exemplar';
import type { HeatmapExemplarPoint } from '../../charts/heatmap/HeatmapChart';
import type { BucketGroup } from './buckets';

/** The bucket a value falls in: the first upper bound ≥ it; -1 above the last bound or NaN. */
export function bucketOf(value: number, bounds: ArrayLike<number>): number {
  if (Number.isNaN(value)) return -1;
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bounds[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo < bounds.length ? lo : -1;
}

/**
 * The column of a timestamp: the first step time at or after it. A column's sample at `t`
 * summarises the window ending at `t` (rate, increase over `(t − range, t]`), so it is the first
 * one that counts the observation. -1 before the first step's window (`t₀ − step`) or after the
 * last step.
 */
export function columnOf(timeSec: number, times: ArrayLike<number>): number {
  const n = times.length;
  if (n === 0 || !Number.isFinite(timeSec)) return -1;
  const step = n > 1 ? times[1]! - times[0]! : 60;
  if (timeSec <= times[0]! - step) return -1;
  const i = Math.max(0, Math.ceil((timeSec - times[0]!) / step));
  return i < n ? i : -1;
}

/**
 * The exemplars of the group's target whose series carry the group's labels, placed in their
 * cells; ones outside the grid or above the last bound are left out.
 */
export function placeExemplars(
  group: Pick<BucketGroup, 'key' | 'labels' | 'times' | 'bounds'>,
  results: readonly ExemplarResult[],
): HeatmapExemplarPoint[] {
  const refId = group.key.split('\u0000')[0];
  const wanted = Object.entries(group.labels);
  const out: HeatmapExemplarPoint[] = [];
  for (const r of results) {
    if (r.refId !== refId) continue;
    for (const e of r.exemplars) {
      if (!wanted.every(([k, v]) => e.seriesLabels[k] === v)) continue;
      const bucket = bucketOf(e.value, group.bounds);
      const column = columnOf(e.timeSec, group.times);
      if (bucket >= 0 && column >= 0) out.push({ exemplar: e, bucket, column });
    }
  }
  return out;
}
