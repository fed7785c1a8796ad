/**
 * Scry's query results ⇄ Grafana-shaped data frames, the data Grafana's transformations see.
 *
 * Series panels (time series, stat, bar gauge …): one frame per series — a `Time` field and one
 * number field named by the series' display name (the legend), as Grafana's Prometheus
 * datasource answers. Table panels: one frame per query as Grafana's "table" format — `Time`,
 * one string field per label (`__name__` first, the rest sorted), and `Value` (`Value #A` … with
 * several queries); a range query is reduced with the table's reducer.
 */
import type { Target } from '../model/dashboard';
import type { Frame, FrameSeries, InstantRow, Labels } from '../model/frame';
import { legendNames } from '../prometheus/legend';
import type { TargetResult } from '../query/usePanelData';
import { reduce } from '../panels/shared/reducers';

/** A column of a data frame: numbers (NaN = null) and times (seconds) in a Float64Array. */
export type DataField =
  | {
      name: string;
      type: 'number' | 'time';
      values: Float64Array;
      labels?: Labels;
      refId?: string;
    }
  | {
      name: string;
      type: 'string';
      values: (string | undefined)[];
      labels?: Labels;
      refId?: string;
    };

/** Grafana's DataFrame, columnar: every field has `length` values. */
export interface DataFrame {
  refId: string;
  fields: DataField[];
  length: number;
  /**
   * the times of the rows after a transformation dropped the time field (organize's "Time":
   * excluded): a stat still reduces each field over its rows, a chart still has an x axis
   */
  rowTimes?: Float64Array;
}

/** The frame's first time field. */
export const timeField = (f: DataFrame): DataField | undefined =>
  f.fields.find((x) => x.type === 'time');

type Legend = Pick<Target, 'refId' | 'legendFormat'>;

const legendOf = (targets: readonly Legend[], refId: string) =>
  targets.find((t) => t.refId === refId)?.legendFormat ?? '';

/** Series panels: one frame per series (see the module comment). Histograms are not frames. */
export function seriesFrames(
  results: readonly TargetResult[],
  targets: readonly Legend[],
): DataFrame[] {
  const out: DataFrame[] = [];
  const one = (refId: string, times: Float64Array, name: string, s: FrameSeries | InstantRow) => {
    const values = 'values' in s ? s.values : Float64Array.of(s.value);
    out.push({
      refId,
      length: times.length,
      fields: [
        { name: 'Time', type: 'time', values: times },
        { name: s.name ?? name, type: 'number', values, labels: s.labels, refId },
      ],
    });
  };
  for (const r of results) {
    const legend = legendOf(targets, r.refId);
    if (r.frame) {
      const names = legendNames(
        legend,
        r.frame.series.map((s) => s.labels),
      );
      r.frame.series.forEach((s, i) => one(r.refId, r.frame!.times, names[i]!, s));
    }
    if (r.rows) {
      const names = legendNames(
        legend,
        r.rows.map((row) => row.labels),
      );
      r.rows.forEach((row, i) => one(r.refId, Float64Array.of(row.timeSec), names[i]!, row));
    }
  }
  return out;
}

/** Label columns: `__name__` first, the others sorted (the table panel's order). */
function labelOrder(names: Iterable<string>): string[] {
  const all = [...new Set(names)];
  const rest = all.filter((n) => n !== '__name__').sort();
  return all.includes('__name__') ? ['__name__', ...rest] : rest;
}

/** Table panels: one frame per query (see the module comment). */
export function tableFrames(results: readonly TargetResult[], reducer: string): DataFrame[] {
  const withData = results.filter((r) => r.frame || r.rows);
  const refIds = [...new Set(withData.map((r) => r.refId))];
  return refIds.map((refId) => {
    const items: { labels: Labels; time: number; value: number }[] = [];
    for (const r of withData.filter((x) => x.refId === refId)) {
      const last = r.frame?.times[r.frame.times.length - 1] ?? NaN;
      for (const s of r.frame?.series ?? [])
        items.push({ labels: s.labels, time: last, value: reduce(s.values, reducer) });
      for (const row of r.rows ?? [])
        items.push({ labels: row.labels, time: row.timeSec, value: row.value });
    }
    const labels = labelOrder(items.flatMap((i) => Object.keys(i.labels)));
    const fields: DataField[] = [
      { name: 'Time', type: 'time', values: Float64Array.from(items, (i) => i.time) },
      ...labels.map((l): DataField => ({
        name: l,
        type: 'string',
        values: items.map((i) => i.labels[l]),
        refId,
      })),
      {
        name: refIds.length > 1 ? `Value #${refId}` : 'Value',
        type: 'number',
        values: Float64Array.from(items, (i) => i.value),
        refId,
      },
    ];
    return { refId, fields, length: items.length };
  });
}

/**
 * Transformed frames → what series panels read: a frame with a time field becomes a Frame (its
 * number fields the series, named by the field), one without becomes instant rows (time NaN).
 * Each keeps the plan of the first result of its refId (the query inspector, links).
 */
export function resultsFromFrames(
  frames: readonly DataFrame[],
  original: readonly TargetResult[],
): TargetResult[] {
  const first = original[0];
  if (!first) return [];
  const out: TargetResult[] = [];
  for (const f of frames) {
    const base = original.find((r) => r.refId === f.refId) ?? first;
    const time = timeField(f)?.values ?? f.rowTimes;
    const numbers = f.fields.filter((x) => x.type === 'number');
    const keep = { refId: f.refId, plan: base.plan, warnings: [], tookMs: base.tookMs };
    if (time) {
      const frame: Frame = {
        refId: f.refId,
        times: time as Float64Array,
        series: numbers.map((x) => ({
          labels: x.labels ?? {},
          values: x.values as Float64Array,
          name: x.name,
        })),
      };
      out.push({ ...keep, frame });
    } else {
      const rows: InstantRow[] = [];
      for (const x of numbers)
        for (let i = 0; i < f.length; i++)
          rows.push({
            labels: x.labels ?? {},
            timeSec: NaN,
            value: x.values[i] as number,
            name: x.name,
          });
      out.push({ ...keep, rows });
    }
  }
  return out;
}
