import type { Frame } from '../../model/frame';
import type { InstantRow } from '../../model/frame';
import type { TargetResult } from '../../query/usePanelData';
import type { TargetPlan } from '../../query/plan';

const plan = (refId: string, instant: boolean): TargetPlan => ({
  refId,
  expr: 'up',
  instant,
  startSec: 0,
  endSec: 1000,
  stepSec: 15,
  intervalMs: 15000,
  rateIntervalMs: 60000,
});

/** Test helpers (never imported by app code): results as usePanelData returns them. */
export function rangeResult(
  refId: string,
  times: number[],
  series: { labels: Record<string, string>; values: number[] }[],
): TargetResult {
  const frame: Frame = {
    refId,
    times: new Float64Array(times),
    series: series.map((s) => ({ labels: s.labels, values: new Float64Array(s.values) })),
  };
  return { refId, plan: plan(refId, false), frame, warnings: [], tookMs: 0 };
}

export function instantResult(
  refId: string,
  rows: { labels: Record<string, string>; value: number }[],
): TargetResult {
  const r: InstantRow[] = rows.map((x) => ({ ...x, timeSec: 1000 }));
  return { refId, plan: plan(refId, true), rows: r, warnings: [], tookMs: 0 };
}
