import type { Frame } from '../../model/frame';
import type { TargetResult } from '../../query/usePanelData';
import { bucketGroups, type BucketGroup } from './buckets';
import { nativeBucketGroups } from './native';

export type HeatmapColorScale = 'linear' | 'exponential' | 'log';

/** `panel.options` of a heatmap panel. */
export interface HeatmapOptions {
  /** quantiles drawn as lines, each in [0, 1] */
  percentiles: number[];
  colorScale: HeatmapColorScale;
  /** the group shown when the data has several (its name); undefined = the first */
  group?: string | undefined;
}

export const DEFAULT_PERCENTILES: readonly number[] = [0.5, 0.9, 0.99];

/** Reads the panel's options leniently: unknown or invalid fields fall back to the defaults. */
export function readHeatmapOptions(options: Record<string, unknown>): HeatmapOptions {
  const raw = options.percentiles;
  const percentiles = Array.isArray(raw)
    ? raw.filter((q): q is number => typeof q === 'number' && q >= 0 && q <= 1)
    : [...DEFAULT_PERCENTILES];
  const cs = options.colorScale;
  const colorScale: HeatmapColorScale =
    cs === 'linear' || cs === 'exponential' || cs === 'log' ? cs : 'exponential';
  const group =
    typeof options.group === 'string' && options.group !== '' ? options.group : undefined;
  return { percentiles: [...new Set(percentiles)].sort((a, b) => a - b), colorScale, group };
}

/** `p50`, `p99`, `p99.9` */
export function percentileLabel(q: number): string {
  return `p${+(q * 100).toFixed(4)}`;
}

/**
 * All bucket groups of a panel's results: native histograms where a target returned them,
 * else its `_bucket` series. With several targets the group names start with the refId.
 */
export function panelBucketGroups(results: readonly TargetResult[]): BucketGroup[] {
  const perTarget: BucketGroup[][] = [];
  for (const r of results) {
    if (r.histograms?.series.length) {
      const times = r.frame?.times.length ? r.frame.times : r.histograms.times;
      perTarget.push(nativeBucketGroups(r.histograms, times, r.refId));
    } else if (r.frame && hasLe(r.frame)) {
      perTarget.push(bucketGroups(r.frame));
    }
  }
  const nonEmpty = perTarget.filter((g) => g.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty.flat();
  return nonEmpty.flat().map((g) => ({ ...g, name: `${g.key.split('\u0000')[0]}: ${g.name}` }));
}

function hasLe(frame: Frame): boolean {
  return frame.series.some((s) => s.labels.le !== undefined);
}
