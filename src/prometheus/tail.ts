// Incremental refresh: when a range query's window moved forward on the same step grid (an
// auto-refresh tick of a relative range), only the new tail is asked of the server and merged
// into the frame already fetched; what left the window is dropped. The result must equal a full
// fetch of the new window, so anything that could make it differ falls back to a full fetch.

import type { Frame, FrameSeries, Labels } from '../model/frame';
import { parseDuration } from '../time/duration';
import { gridLength, gridTimes } from './frames';
import type { TargetRequest } from './queries';

/** Re-asked before the last fetched end: late samples (slow scrapes, VictoriaMetrics' 30 s latency offset). */
const MIN_OVERLAP_SEC = 60;
const OVERLAP_STEPS = 10;

/** `[5m]`, `[1h:30s]` — range selectors and subqueries. */
const RANGE_SELECTOR = /\[\s*([0-9][0-9smhdwyM.]*)\s*(?::[^\]]*)?\]/g;

/** The largest range selector (or subquery range) of an expression, in seconds; 0 without. */
export function largestRangeSec(expr: string): number {
  let max = 0;
  for (const m of expr.matchAll(RANGE_SELECTOR)) {
    const ms = parseDuration(m[1]);
    if (ms !== undefined && ms > max) max = ms;
  }
  return max / 1000;
}

/**
 * How much before the previous end is asked again: ten steps, the largest range selector, and
 * at least a minute — samples that arrive late change only the points at and after their
 * timestamp, which lie near the previous end.
 */
export function overlapSec(expr: string, stepSec: number): number {
  return Math.max(OVERLAP_STEPS * stepSec, largestRangeSec(expr), MIN_OVERLAP_SEC);
}

const onGrid = (offsetSec: number, stepSec: number) => {
  const k = offsetSec / stepSec;
  return Math.abs(k - Math.round(k)) * stepSec < 1e-6;
};

/**
 * Where the tail to fetch starts when `next` can be had as `prev` plus a tail, or undefined when
 * only a full fetch is right: another expression or step, a window that did not move forward on
 * the same grid, an `@` modifier (every point then depends on the window's ends), or a tail that
 * would cover the whole window anyway.
 */
export function planTail(prev: TargetRequest, next: TargetRequest): number | undefined {
  if (prev.instant || next.instant) return undefined;
  if (prev.expr !== next.expr || prev.stepSec !== next.stepSec) return undefined;
  if (next.expr.includes('@')) return undefined;
  const step = next.stepSec;
  if (!(step > 0)) return undefined;
  if (next.startSec < prev.startSec || next.endSec <= prev.endSec) return undefined;
  if (!onGrid(next.startSec - prev.startSec, step) || !onGrid(prev.endSec - next.startSec, step))
    return undefined;
  const from = prev.endSec - overlapSec(next.expr, step);
  const k = Math.max(0, Math.floor((from - next.startSec) / step + 1e-9));
  const tailStart = next.startSec + k * step;
  return k > 0 ? tailStart : undefined;
}

/** A label set's identity, whatever the key order. */
export function labelsKey(labels: Labels): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
  );
}

/**
 * `prev` (a frame of an earlier window on the same grid) with its points from `tailStartSec` on
 * replaced by `tail` (the answer for [tailStartSec, next.endSec]), on the grid of `next`.
 * Series that have no point left in the window are dropped, as a full fetch would not return
 * them. Undefined when the frames do not fit the grid, or the tail holds a series `prev` does
 * not know (its place in the server's order is unknown): the caller fetches in full.
 */
export function mergeTail(
  prev: Frame,
  tail: Frame,
  next: Pick<TargetRequest, 'startSec' | 'endSec' | 'stepSec'>,
  tailStartSec: number,
): Frame | undefined {
  if (prev.offGrid || tail.offGrid) return undefined;
  const step = next.stepSec;
  const times = gridTimes(next.startSec, next.endSec, step);
  const n = times.length;
  const cut = Math.round((tailStartSec - next.startSec) / step);
  const from = Math.round((next.startSec - (prev.times[0] ?? NaN)) / step);
  if (!(cut > 0 && cut < n) || !(from >= 0)) return undefined;
  if (prev.times[from] !== times[0] || prev.times[from + cut - 1] !== times[cut - 1])
    return undefined;
  if (tail.times.length !== gridLength(tailStartSec, next.endSec, step)) return undefined;
  if (tail.times.length !== n - cut || tail.times[0] !== times[cut]) return undefined;

  const tailByKey = new Map<string, FrameSeries>();
  for (const s of tail.series) tailByKey.set(labelsKey(s.labels), s);
  const series: FrameSeries[] = [];
  let used = 0;
  for (const s of prev.series) {
    const values = new Float64Array(n).fill(NaN);
    values.set(s.values.subarray(from, from + cut), 0);
    const t = tailByKey.get(labelsKey(s.labels));
    if (t) {
      values.set(t.values, cut);
      used++;
    } else if (!values.some((v) => !Number.isNaN(v))) continue;
    series.push({ labels: s.labels, values });
  }
  if (used !== tailByKey.size || tailByKey.size !== tail.series.length) return undefined;
  return { refId: prev.refId, times, series };
}
