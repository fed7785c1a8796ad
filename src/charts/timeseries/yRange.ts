// The y range: Scry computes it from the finite values of the visible series (uPlot would seed
// its auto-range with NaN) and the values drawn beside them (exemplar dots), honouring fixed
// ends and the log axis.
import uPlot from 'uplot';
import { finiteExtent } from '../gaps';
import { pastDrawValues } from './compareSeries';
import type { ChartSeries, TimeSeriesChartProps } from './types';

type YRangeProps = Pick<TimeSeriesChartProps, 'series' | 'style' | 'min' | 'max'> & {
  /** more values the auto range covers (the exemplar dots drawn on this axis) */
  extra?: readonly number[] | undefined;
};

/**
 * The range of scale `scale` over its series; `shown(i)`: whether series i (of all) is visible
 * (all of the scale's are used when none is).
 */
export function yRange(
  p: YRangeProps,
  shown: (i: number) => boolean,
  scale = 'y',
): uPlot.Range.MinMax {
  // a series' past line (compare to the past, never drawn stacked) counts with it
  const drawn = (s: ChartSeries) =>
    s.past && !p.style?.stacked && !s.stackGroup
      ? [s.drawValues ?? s.values, pastDrawValues({ ...s, past: s.past })]
      : [s.drawValues ?? s.values];
  const mine = p.series.flatMap((s, i) => ((s.scale ?? 'y') === scale ? [{ s, i }] : []));
  const visible = mine.filter(({ i }) => shown(i)).flatMap(({ s }) => drawn(s));
  const shownColumns = visible.length ? visible : mine.flatMap(({ s }) => drawn(s));
  const columns = p.extra?.length ? [...shownColumns, Float64Array.from(p.extra)] : shownColumns;
  const base = p.style?.logBase;
  if (base) return logRange(columns, base, p.min, p.max);
  let [lo, hi] = finiteExtent(columns);
  if (Number.isNaN(lo)) [lo, hi] = [0, 1];
  if (p.min !== undefined) lo = p.min;
  if (p.max !== undefined) hi = p.max;
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [p.min ?? lo - pad, p.max ?? hi + pad];
  }
  const [a0, b0] = uPlot.rangeNum(lo, hi, 0.1, true);
  const a = a0 ?? lo;
  const b = b0 ?? hi;
  return [p.min ?? (lo >= 0 && a < 0 ? 0 : a), p.max ?? b];
}

/** y range of a log axis: whole powers of the base around the positive values. */
export function logRange(
  columns: readonly Float64Array[],
  base: 2 | 10,
  min: number | undefined,
  max: number | undefined,
): uPlot.Range.MinMax {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of columns)
    for (let i = 0; i < c.length; i++) {
      const v = c[i]!;
      if (v > 0 && v < Infinity) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  if (!(lo <= hi)) [lo, hi] = [1, base];
  if (min !== undefined && min > 0) lo = min;
  if (max !== undefined && max > 0) hi = max;
  const [a, b] = uPlot.rangeLog(lo, hi, base, true);
  return [min !== undefined && min > 0 ? min : a, max !== undefined && max > 0 ? max : b];
}
