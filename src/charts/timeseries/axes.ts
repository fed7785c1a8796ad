// The y axes of the time series chart: one uPlot scale and axis per `ChartYAxis` (a right axis
// when overrides place series there), the stacking bands per stack group, and the signature of
// everything that needs a new uPlot when it changes.
import type { RefObject } from 'react';
import type uPlot from 'uplot';
import { logTickLabels } from '../gaps';
import { axisStyle, yAxisSize } from '../plotLifecycle';
import type { ChartSeries, ChartYAxis, TimeSeriesChartProps } from './types';
import { yRange } from './yRange';

/** The chart's y axes: the given ones, or the one left axis its props describe. */
export function chartAxes(p: TimeSeriesChartProps): ChartYAxis[] {
  return (
    p.yAxes ?? [
      {
        scale: 'y',
        side: 'left',
        formatTicks: p.formatTicks,
        formatValue: p.formatValue,
        increments: p.yIncrements,
        min: p.min,
        max: p.max,
      },
    ]
  );
}

/** uPlot scales of the y axes: Scry's own range from the visible series of each. */
export function yScales(
  props: RefObject<TimeSeriesChartProps>,
  axes: readonly ChartYAxis[],
): Record<string, uPlot.Scale> {
  const logBase = props.current.style?.logBase;
  const out: Record<string, uPlot.Scale> = {};
  axes.forEach((a, n) => {
    out[a.scale] = {
      range: (u) => {
        const p = props.current;
        const axis = chartAxes(p)[n] ?? a;
        // the auto range shows the exemplar dots drawn on this axis
        const extra = p.exemplars?.points.flatMap((e) =>
          (e.scale ?? 'y') === a.scale ? [e.exemplar.value] : [],
        );
        return yRange(
          { series: p.series, style: p.style, min: axis.min, max: axis.max, extra },
          (i) => u.series[i + 1]?.show !== false,
          a.scale,
        );
      },
      ...(logBase ? { distr: 3, log: logBase } : {}),
    };
  });
  return out;
}

/** uPlot axes of the y axes: the first with the grid, the others on their side without. */
export function yAxisOptions(
  props: RefObject<TimeSeriesChartProps>,
  axes: readonly ChartYAxis[],
): uPlot.Axis[] {
  const logBase = props.current.style?.logBase;
  return axes.map((a, n) => {
    const current = () => chartAxes(props.current)[n] ?? a;
    return {
      ...axisStyle(n === 0),
      scale: a.scale,
      side: a.side === 'right' ? 1 : 3,
      show: a.side !== 'hidden',
      size: a.side === 'hidden' ? 0 : yAxisSize,
      ...(a.increments && !logBase ? { incrs: a.increments } : {}),
      values: (_u: uPlot, ticks: number[]) =>
        logBase
          ? logTickLabels(ticks, logBase, current().formatValue)
          : current().formatTicks(ticks),
    };
  });
}

/**
 * Stacking bands (uPlot, 1-based series indexes): each series of a stack group fills down to
 * the one before it in that group. `allStacked`: the chart stacks every series as one group.
 */
export function stackGroupBands(series: readonly ChartSeries[], allStacked: boolean): uPlot.Band[] {
  // series that name their group stack by group; otherwise `allStacked` makes one stack
  const grouped = series.some((s) => s.stackGroup !== undefined);
  const last = new Map<string, number>();
  const bands: uPlot.Band[] = [];
  series.forEach((s, i) => {
    const group = grouped ? s.stackGroup : allStacked ? '' : undefined;
    if (group === undefined) return;
    const before = last.get(group);
    if (before !== undefined) bands.push({ series: [i + 1, before + 1] });
    last.set(group, i);
  });
  return bands;
}

/** What a new uPlot is made for: each series' look and scale, and the axes' layout. */
export function layoutSignature(
  series: readonly ChartSeries[],
  axes: readonly Pick<ChartYAxis, 'scale' | 'side' | 'increments'>[],
): string {
  return JSON.stringify([
    series.map((s) => [s.key, s.color, s.scale, s.stackGroup, s.hideFrom?.viz, s.style]),
    axes.map((a) => [a.scale, a.side, a.increments?.length, a.increments?.at(-1)]),
  ]);
}

/**
 * Writes the tick labels each shown y axis drew onto `el` (`data-y-axis-left`,
 * `data-y-axis-right`; several axes on one side joined by " ; "): the drawn text, for tests.
 */
export function markAxes(u: uPlot, el: HTMLElement | null): void {
  if (!el) return;
  const sides: Partial<Record<'left' | 'right', string[]>> = {};
  u.axes.forEach((a, i) => {
    if (i === 0 || a.show === false) return;
    const drawn = (a as uPlot.Axis & { _values?: unknown[] | null })._values ?? [];
    (sides[a.side === 1 ? 'right' : 'left'] ??= []).push(drawn.map(String).join('|'));
  });
  el.dataset.yAxisLeft = sides.left?.join(' ; ') ?? '';
  el.dataset.yAxisRight = sides.right?.join(' ; ') ?? '';
}
