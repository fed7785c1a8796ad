import type { Frame } from '../../model/frame';
import type { Target } from '../../model/dashboard';
import { legendNames } from '../../prometheus/legend';
import type { PanelSeries } from './overrideSeries';

/**
 * Frames of several targets → chart series on one time column. Targets of one panel share the
 * range but may differ in step; a frame whose grid differs is resampled onto the first frame's
 * grid by nearest-earlier sample (no per-point objects).
 */
export function buildSeries(
  frames: readonly Frame[],
  targets: readonly Pick<Target, 'refId' | 'legendFormat'>[],
  color: (index: number) => string,
  limit = Infinity,
): { times: Float64Array; series: PanelSeries[]; total: number } {
  const base = frames.find((f) => f.series.length > 0) ?? frames[0];
  if (!base) return { times: new Float64Array(0), series: [], total: 0 };
  const times = base.times;
  const series: PanelSeries[] = [];
  const seen = new Map<string, number>();
  let total = 0;
  for (const f of frames) {
    const legend = targets.find((t) => t.refId === f.refId)?.legendFormat ?? '';
    const names = legendNames(
      legend,
      f.series.map((s) => s.labels),
    );
    for (const [i, s] of f.series.entries()) {
      total++;
      if (series.length >= limit) continue;
      const label = s.name ?? names[i]!;
      const baseKey = `${f.refId}\u0000${label}`;
      const n = seen.get(baseKey) ?? 0;
      seen.set(baseKey, n + 1);
      series.push({
        key: n ? `${baseKey}\u0000${n}` : baseKey,
        refId: f.refId,
        label,
        values:
          f.times === times || sameGrid(f.times, times)
            ? s.values
            : resample(f.times, s.values, times),
        color: color(series.length),
        labels: s.labels,
      });
    }
  }
  return { times, series, total };
}

function sameGrid(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a[0] === b[0] && a[a.length - 1] === b[b.length - 1];
}

/** Values of (srcTimes, src) at dstTimes: the latest source sample at or before each time, carried
 * forward for less than one source step (so gaps stay gaps). */
export function resample(
  srcTimes: Float64Array,
  src: Float64Array,
  dstTimes: Float64Array,
): Float64Array {
  const out = new Float64Array(dstTimes.length).fill(NaN);
  if (srcTimes.length === 0) return out;
  const step = srcTimes.length > 1 ? srcTimes[1]! - srcTimes[0]! : Infinity;
  let j = 0;
  for (let i = 0; i < dstTimes.length; i++) {
    const t = dstTimes[i]!;
    while (j + 1 < srcTimes.length && srcTimes[j + 1]! <= t) j++;
    const at = srcTimes[j]!;
    if (at <= t && t - at < step) out[i] = src[j]!;
  }
  return out;
}
