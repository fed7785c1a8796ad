// The time series panel's series with their overrides applied: name, colour, unit, draw style,
// stacking per group, negative-Y (drawn mirrored, shown as the API's value), hidden parts, and
// the y axes they need — one per scale, a scale being a unit with its fixed ends and placement
// (Grafana's scale key), placed left, or right once a left axis exists.
import type { ChartSeries, ChartYAxis } from '../../charts/timeseries/types';
import type { FieldOverride } from '../../model/dashboard';
import { resolveColor } from '../../units/colors';
import { formatValueToString } from '../../units/format';
import { formatTicks, niceUnitIncrements } from '../../units/ticks';
import { resolveOverrides } from '../shared/overrides';
import { stackColumns } from './options';

/** A series as built from the frames: a chart series and the query it came from. */
export type PanelSeries = ChartSeries & { refId: string };

/** The panel's own field settings, which overrides replace per series. */
export interface SeriesDefaults {
  unit: string;
  decimals?: number | undefined;
  min?: number | undefined;
  max?: number | undefined;
  stacking: 'none' | 'normal' | 'percent';
}

/** A y axis as data: what `ChartYAxis` is built from (tests compare these). */
export interface AxisSpec {
  scale: string;
  side: 'left' | 'right' | 'hidden';
  /** the tick unit ('percentunit' for a percent stack) */
  unit: string;
  decimals?: number | undefined;
  min?: number | undefined;
  max?: number | undefined;
}

const negate = (c: Float64Array): Float64Array => c.map((v) => -v);

/** The chart's series and the axis specs they are drawn on. */
export function applyOverrides(
  built: readonly PanelSeries[],
  overrides: readonly FieldOverride[] | undefined,
  d: SeriesDefaults,
): { series: PanelSeries[]; axes: AxisSpec[] } {
  const props = resolveOverrides(
    overrides,
    built.map((s) => ({ name: s.label, refId: s.refId })),
  );
  const axes: AxisSpec[] = [];
  const byKey = new Map<string, AxisSpec>();
  const stacks = new Map<string, { mode: 'normal' | 'percent'; members: number[] }>();
  const series = built.map((s, i): PanelSeries => {
    const p = props[i]!;
    const stacking = p.stacking?.mode ?? d.stacking;
    const percent = stacking === 'percent';
    // the scale: its unit, fixed ends and placement (Grafana's buildScaleKey)
    const unit = percent ? 'percentunit' : (p.unit ?? d.unit);
    const decimals = percent ? undefined : (p.decimals ?? d.decimals);
    const min = p.min ?? d.min ?? (percent ? 0 : undefined);
    const max = p.max ?? d.max ?? (percent ? 1 : undefined);
    const placement = p.axisPlacement ?? 'auto';
    const key = JSON.stringify([unit, min, max, placement]);
    let axis = byKey.get(key);
    if (!axis) {
      const side =
        placement === 'auto' ? (axes.some((a) => a.side === 'left') ? 'right' : 'left') : placement;
      axis = { scale: axes.length ? `y${axes.length + 1}` : 'y', side, unit, decimals, min, max };
      axes.push(axis);
      byKey.set(key, axis);
    }
    if (stacking !== 'none') {
      // stacked per group, scale and direction (mirrored series stack below zero)
      const group = JSON.stringify([stacking, p.stacking?.group ?? 'A', axis.scale, !!p.negativeY]);
      const stack = stacks.get(group) ?? { mode: stacking, members: [] };
      stack.members.push(i);
      stacks.set(group, stack);
    }
    const own = p.unit !== undefined || p.decimals !== undefined;
    const valueUnit = p.unit ?? d.unit;
    const valueDecimals = p.decimals ?? d.decimals;
    return {
      // what the series brings besides (labels for data links, the past of compare)
      ...s,
      label: p.displayName || s.label,
      color: p.color ? resolveColor(p.color) : s.color,
      ...(p.negativeY ? { drawValues: negate(s.values), negativeY: true } : {}),
      ...(axis.scale !== 'y' ? { scale: axis.scale } : {}),
      ...(p.drawStyle !== undefined || p.lineWidth !== undefined || p.fillOpacity !== undefined
        ? {
            style: {
              ...(p.drawStyle !== undefined ? { drawStyle: p.drawStyle } : {}),
              ...(p.lineWidth !== undefined ? { lineWidth: p.lineWidth } : {}),
              ...(p.fillOpacity !== undefined ? { fillOpacity: p.fillOpacity } : {}),
            },
          }
        : {}),
      ...(p.hideFrom ? { hideFrom: p.hideFrom } : {}),
      ...(own
        ? { formatValue: (v: number) => formatValueToString(v, valueUnit, valueDecimals) }
        : {}),
    };
  });
  for (const [group, { mode, members }] of stacks) {
    const stacked = stackColumns(
      members.map((i) => series[i]!.drawValues ?? series[i]!.values),
      mode,
    );
    members.forEach((i, n) => {
      series[i] = { ...series[i]!, drawValues: stacked[n]!, stackGroup: group };
    });
  }
  return { series, axes };
}

/** An axis spec as the chart's axis: its unit's tick steps and labels. */
export function chartYAxis(a: AxisSpec): ChartYAxis {
  return {
    scale: a.scale,
    side: a.side,
    formatTicks: (ticks) => formatTicks(ticks, a.unit, a.decimals),
    formatValue: (v) => formatValueToString(v, a.unit, a.decimals),
    increments: niceUnitIncrements(a.unit),
    min: a.min,
    max: a.max,
  };
}
