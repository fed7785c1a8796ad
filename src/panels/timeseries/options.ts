import type { Panel } from '../../model/dashboard';
import { obj } from '../../model/json';
import { resolveColor } from '../../units/colors';
import { sortedSteps } from '../../units/thresholds';
import { normalizeReducerId, reduce, reducerOptions } from '../shared/reducers';

/**
 * Time series options under Grafana's names (what src/import/panels.ts keeps):
 * `fieldConfig.custom.{drawStyle, lineWidth, fillOpacity, pointSize, stacking, scaleDistribution,
 * thresholdsStyle}`, `fieldConfig.thresholds`, `options.legend.{displayMode, placement, calcs}`,
 * plus Scry's `options.alertAnnotations` (ALERTS state changes as markers).
 */
export interface TimeSeriesOptions {
  drawStyle: 'line' | 'bars' | 'points';
  lineWidth: number;
  /** 0–100 */
  fillOpacity: number;
  pointSize: number;
  stacking: 'none' | 'normal' | 'percent';
  /** log base, or undefined for a linear y axis */
  logBase: 2 | 10 | undefined;
  thresholdsStyle: 'off' | 'line' | 'area' | 'line+area';
  legend: {
    displayMode: 'list' | 'table' | 'hidden';
    placement: 'bottom' | 'right';
    calcs: string[];
  };
  alertAnnotations: boolean;
}

const num = (v: unknown, dflt: number, lo: number, hi: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : dflt;

/** Reads the options leniently: anything unknown or invalid falls back to Grafana's default. */
export function readTimeSeriesOptions(
  panel: Pick<Panel, 'fieldConfig' | 'options'>,
): TimeSeriesOptions {
  const custom = obj(panel.fieldConfig.custom);
  const ds = custom.drawStyle;
  const drawStyle = ds === 'bars' || ds === 'points' ? ds : 'line';
  const st = obj(custom.stacking).mode;
  const stacking = st === 'normal' || st === 'percent' ? st : 'none';
  const scale = obj(custom.scaleDistribution);
  const logBase = scale.type === 'log' ? (scale.log === 2 ? 2 : 10) : undefined;
  const tm = obj(custom.thresholdsStyle).mode;
  // Grafana also has 'dashed', 'line+area' and 'dashed+area'; dashed is drawn as a line here.
  const thresholdsStyle =
    tm === 'line' || tm === 'dashed'
      ? 'line'
      : tm === 'area'
        ? 'area'
        : tm === 'line+area' || tm === 'dashed+area'
          ? 'line+area'
          : 'off';
  const legend = obj(panel.options.legend);
  const dm = legend.displayMode;
  const calcs = Array.isArray(legend.calcs)
    ? legend.calcs.filter(
        (c): c is string => typeof c === 'string' && normalizeReducerId(c) !== undefined,
      )
    : [];
  return {
    drawStyle,
    lineWidth: num(custom.lineWidth, 1, 0, 10),
    fillOpacity: num(custom.fillOpacity, drawStyle === 'bars' ? 80 : 0, 0, 100),
    pointSize: num(custom.pointSize, 5, 1, 40),
    stacking,
    logBase,
    thresholdsStyle,
    legend: {
      displayMode:
        dm === 'hidden' || legend.showLegend === false
          ? 'hidden'
          : dm === 'table'
            ? 'table'
            : 'list',
      placement: legend.placement === 'right' ? 'right' : 'bottom',
      calcs: [...new Set(calcs)],
    },
    alertAnnotations: panel.options.alertAnnotations === true,
  };
}

/** Header of a legend calc column ("Mean", "Max", "Last *"). */
export function calcLabel(id: string): string {
  const rid = normalizeReducerId(id);
  return reducerOptions.find((r) => r.id === rid)?.label ?? id;
}

/** The legend's calc values of one series, in the order asked. */
export function legendCalcs(values: ArrayLike<number>, calcs: readonly string[]): number[] {
  return calcs.map((c) => reduce(values, c));
}

/**
 * Stacks series columns (Grafana's stacking): each drawn column is the sum of the series so far;
 * a missing sample adds nothing but stays missing in its own column. `percent` divides by the
 * step's total of the absolute values, so the top of the stack is 1 (100 %).
 */
export function stackColumns(
  columns: readonly Float64Array[],
  mode: 'normal' | 'percent',
): Float64Array[] {
  const n = columns[0]?.length ?? 0;
  const totals = new Float64Array(n);
  if (mode === 'percent')
    for (const c of columns)
      for (let i = 0; i < n; i++) {
        const v = c[i]!;
        if (Number.isFinite(v)) totals[i]! += Math.abs(v);
      }
  const acc = new Float64Array(n);
  return columns.map((c) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = c[i]!;
      if (Number.isFinite(v)) {
        acc[i]! += mode === 'percent' ? (totals[i]! > 0 ? v / totals[i]! : 0) : v;
        out[i] = acc[i]!;
      } else out[i] = NaN;
    }
    return out;
  });
}

/** One horizontal band or line of the thresholds, in data units. */
export interface ThresholdMark {
  /** lower edge (−Infinity for the base step) */
  from: number;
  /** upper edge (Infinity for the last step) */
  to: number;
  color: string;
}

/**
 * `fieldConfig.thresholds` → bands from each step's value to the next one's (the base step from
 * −∞); percentage steps are placed on [yMin, yMax]. Lines are drawn at each band's `from`.
 */
export function thresholdMarks(
  thresholds: Panel['fieldConfig']['thresholds'],
  yMin: number,
  yMax: number,
): ThresholdMark[] {
  const steps = sortedSteps(thresholds);
  const at = (v: number | null): number =>
    v === null
      ? -Infinity
      : thresholds?.mode === 'percentage'
        ? yMin + ((yMax - yMin) * v) / 100
        : v;
  return steps.map((s, i) => ({
    from: at(s.value),
    to: i + 1 < steps.length ? at(steps[i + 1]!.value) : Infinity,
    color: resolveColor(s.color),
  }));
}

/** An ALERTS state change. */
export interface AlertTransition {
  timeMs: number;
  alertname: string;
  /** the state entered ('firing', 'pending'), or 'resolved' when the series ends */
  state: 'firing' | 'pending' | 'resolved';
  /** the state that ended, for 'resolved' */
  from?: string | undefined;
}

/**
 * ALERTS series (one per alert and alertstate, 1 while in that state) on a step grid →
 * state changes: a series that starts after the first step entered its state then; one that
 * stops before the last step left it ('resolved' unless another state of the same alert starts
 * at that step). Series already present at the first step say nothing about when they began.
 */
export function alertTransitions(
  times: Float64Array,
  series: readonly { labels: Record<string, string>; values: Float64Array }[],
): AlertTransition[] {
  const out: AlertTransition[] = [];
  const starts = new Set<string>();
  for (const s of series) {
    const alertname = s.labels.alertname ?? '';
    const state = s.labels.alertstate === 'pending' ? 'pending' : 'firing';
    const v = s.values;
    for (let i = 1; i < v.length; i++) {
      const was = !Number.isNaN(v[i - 1]!);
      const is = !Number.isNaN(v[i]!);
      if (!was && is) {
        out.push({ timeMs: times[i]! * 1000, alertname, state });
        starts.add(`${alertname}\u0000${i}`);
      }
    }
  }
  for (const s of series) {
    const alertname = s.labels.alertname ?? '';
    const v = s.values;
    for (let i = 1; i < v.length; i++)
      if (!Number.isNaN(v[i - 1]!) && Number.isNaN(v[i]!) && !starts.has(`${alertname}\u0000${i}`))
        out.push({
          timeMs: times[i]! * 1000,
          alertname,
          state: 'resolved',
          from: s.labels.alertstate,
        });
  }
  return out.sort((a, b) => a.timeMs - b.timeMs || a.alertname.localeCompare(b.alertname));
}

/** Marker colours of the alert states (Grafana's alerting palette). */
export const ALERT_STATE_COLORS: Record<AlertTransition['state'], string> = {
  firing: '#f2495c',
  pending: '#ff9830',
  resolved: '#73bf69',
};
