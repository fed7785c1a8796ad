// "Compare to the past" in the time series chart: each series' past values (ChartSeries.past,
// already on the present's time grid) drawn over it as a dashed, lighter line of the same colour,
// on the same scale, shown and hidden with it. Appended after the present series, so uPlot series
// 1…n stay the present ones.
import type uPlot from 'uplot';
import { alpha } from '../../units/colors';
import { logColumn, toUPlotColumn } from '../gaps';
import type { ChartSeries, ChartStyle } from './types';

/** Dash pattern of a past line (px). */
export const PAST_DASH = [6, 4];
/** Opacity of a past line's colour. */
export const PAST_ALPHA = 0.6;

/**
 * The series whose past is drawn: none when stacked, nor of a series an override stacks (a past
 * line over a stack means nothing).
 */
export function drawnPast(
  series: readonly ChartSeries[],
  style: Pick<ChartStyle, 'stacked'>,
): (ChartSeries & { past: Float64Array })[] {
  if (style.stacked) return [];
  return series.filter(
    (s): s is ChartSeries & { past: Float64Array } => s.past !== undefined && !s.stackGroup,
  );
}

/** A past line's values as drawn: mirrored with its series (negative-Y). */
export function pastDrawValues(s: ChartSeries & { past: Float64Array }): Float64Array {
  return s.negativeY ? s.past.map((v) => -v) : s.past;
}

/** The uPlot data columns of the past lines (gaps as null, log axis as the present). */
export function pastColumns(
  past: readonly (ChartSeries & { past: Float64Array })[],
  logBase: number | undefined,
): (Float64Array | (number | null)[])[] {
  return past.map((s) => {
    const v = pastDrawValues(s);
    return logBase ? logColumn(v) : toUPlotColumn(v);
  });
}

/**
 * uPlot options of a past line from its present series' options (`base`: whatever scale and
 * visibility they have): dashed, lighter, never filled, never bars or points.
 */
export function pastSeriesOptions(s: ChartSeries, base: uPlot.Series, label: string): uPlot.Series {
  return {
    ...(base.scale !== undefined ? { scale: base.scale } : {}),
    show: base.show ?? true,
    label: `${s.label} (${label})`,
    stroke: alpha(s.color, PAST_ALPHA),
    width: Math.max(1, typeof base.width === 'number' ? base.width : 1),
    dash: PAST_DASH,
    spanGaps: false,
    points: { show: false },
  };
}

/** A key part for the plot's layout: which series have a past line. */
export function pastLayoutKey(past: readonly ChartSeries[], label: string | undefined): string {
  return past.length ? `${label ?? ''}:${past.map((s) => s.key).join('\u0001')}` : '';
}
