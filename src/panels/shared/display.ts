/**
 * Shared logic of the "one value per series" panels (stat, gauge, bar gauge): which reducer the
 * panel asks for, and series → reduced, formatted, coloured display values, as Grafana's
 * getFieldDisplayValues does for the Prometheus case (one numeric field per series).
 */
import type { FieldConfig, Target } from '../../model/dashboard';
import type { Labels } from '../../model/frame';
import { isObj } from '../../model/json';
import { legendNames } from '../../prometheus/legend';
import type { TargetResult } from '../../query/usePanelData';
import { applyMappings } from '../../units/mappings';
import { resolveColor } from '../../units/colors';
import { formatValue, type FormattedValue } from '../../units/format';
import { thresholdColor, type Thresholds } from '../../units/thresholds';
import { normalizeReducerId, reduce } from './reducers';

/** Grafana's default thresholds for a new panel (and when a dashboard has none). */
export const DEFAULT_THRESHOLDS: Thresholds = {
  mode: 'absolute',
  steps: [
    { value: null, color: 'green' },
    { value: 80, color: 'red' },
  ],
};

/**
 * The reducer of a stat-like panel: `options.reduce` (Scry), else Grafana's
 * `options.reduceOptions.calcs[0]` (imported dashboards), else `lastNotNull`. Aliases (avg,
 * current, total) are resolved; unknown ids fall back to lastNotNull.
 */
export function panelReducer(options: Record<string, unknown> | undefined): string {
  const raw =
    options?.reduce ??
    (isObj(options?.reduceOptions) && Array.isArray(options.reduceOptions.calcs)
      ? options.reduceOptions.calcs[0]
      : undefined);
  return (typeof raw === 'string' && normalizeReducerId(raw)) || 'lastNotNull';
}

/** One value a stat, gauge or bar gauge shows. */
export interface DisplayValue {
  /** stable key: refId + series name (+ a counter for duplicates) */
  key: string;
  refId: string;
  /** display name: the target's legend format applied to the labels */
  name: string;
  labels: Labels;
  /** the reduced number (NaN when there is none) */
  raw: number;
  /** formatted with unit/decimals, or the mapping's text */
  display: FormattedValue;
  /** resolved colour: mapping colour, else the threshold's */
  color: string;
  /** the series over time (range results only), for sparklines */
  times?: Float64Array;
  values?: Float64Array;
}

export interface DisplayInput {
  results: readonly TargetResult[];
  targets: readonly Pick<Target, 'refId' | 'legendFormat'>[];
  fieldConfig: Pick<FieldConfig, 'unit' | 'decimals' | 'min' | 'max' | 'thresholds' | 'mappings'>;
  reducer: string;
  /** at most this many values (the rest are counted in `total`) */
  limit?: number;
}

/** Global min/max of every present sample (range) or value (instant); undefined if none. */
export function dataRange(
  results: readonly TargetResult[],
): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  const see = (v: number) => {
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  };
  for (const r of results) {
    for (const s of r.frame?.series ?? [])
      for (let i = 0; i < s.values.length; i++) see(s.values[i]!);
    for (const row of r.rows ?? []) see(row.value);
  }
  return min <= max ? { min, max } : undefined;
}

/** The text and colour of one number: value mappings first, then unit and thresholds. */
export function displayOf(
  raw: number,
  fieldConfig: DisplayInput['fieldConfig'],
  range: { min?: number; max?: number },
): { display: FormattedValue; color: string } {
  const thresholds = fieldConfig.thresholds ?? DEFAULT_THRESHOLDS;
  const mapped = applyMappings(raw, fieldConfig.mappings);
  const color =
    mapped?.color !== undefined
      ? resolveColor(mapped.color)
      : thresholdColor(raw, thresholds, range);
  const display =
    mapped?.text !== undefined
      ? { text: mapped.text }
      : formatValue(raw, fieldConfig.unit, fieldConfig.decimals);
  return { display, color };
}

/**
 * Every series of every result → one display value (reduced for range results; the sample
 * itself for instant rows), in result then series order.
 */
export function displayValues(input: DisplayInput): { values: DisplayValue[]; total: number } {
  const { results, targets, fieldConfig, reducer } = input;
  const limit = input.limit ?? Infinity;
  const data = dataRange(results);
  const range = {
    min: fieldConfig.min ?? data?.min,
    max: fieldConfig.max ?? data?.max,
  };
  const out: DisplayValue[] = [];
  const seen = new Map<string, number>();
  let total = 0;
  const push = (
    refId: string,
    name: string,
    labels: Labels,
    raw: number,
    series?: { times: Float64Array; values: Float64Array },
  ) => {
    total++;
    if (out.length >= limit) return;
    const base = `${refId}\u0000${name}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.push({
      key: n ? `${base}\u0000${n}` : base,
      refId,
      name,
      labels,
      raw,
      ...displayOf(raw, fieldConfig, range),
      ...(series ? { times: series.times, values: series.values } : {}),
    });
  };
  for (const r of results) {
    const legend = targets.find((t) => t.refId === r.refId)?.legendFormat ?? '';
    if (r.frame) {
      const names = legendNames(
        legend,
        r.frame.series.map((s) => s.labels),
      );
      for (const [i, s] of r.frame.series.entries()) {
        push(r.refId, s.name ?? names[i]!, s.labels, reduce(s.values, reducer), {
          times: r.frame.times,
          values: s.values,
        });
      }
    }
    const rows = r.rows ?? [];
    const names = legendNames(
      legend,
      rows.map((row) => row.labels),
    );
    for (const [i, row] of rows.entries())
      push(r.refId, row.name ?? names[i]!, row.labels, row.value);
  }
  return { values: out, total };
}
