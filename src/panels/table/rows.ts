/**
 * Prometheus results → table rows, as Grafana's table shows a Prometheus query: one column per
 * label (the union over all series, `__name__` first, the rest sorted), then one value column
 * per target ("Value", or "Value #A", "Value #B" … with several targets). Series of different
 * targets with the same label set share a row (Grafana's merge). Range results are reduced per
 * series with the table's reducer.
 */
import type { FieldConfig, Thresholds } from '../../model/dashboard';
import type { Labels } from '../../model/frame';
import type { TargetResult } from '../../query/usePanelData';
import type { DataFrame } from '../../transform/frames';
import { resolveColor } from '../../units/colors';
import { formattedToString, formatValue } from '../../units/format';
import { applyMappings } from '../../units/mappings';
import { thresholdColor } from '../../units/thresholds';
import { isObj } from '../../model/json';
import { reduce } from '../shared/reducers';
import type { TableOptions } from './options';

export interface TableColumn {
  /** label name, or "Value" / "Value #A" */
  key: string;
  /** header text (an override's displayName, else the key) */
  title: string;
  kind: 'label' | 'value';
  refId?: string;
  unit?: string;
  decimals?: number;
  /** its width in px (a column override), else as wide as its content */
  width?: number;
  /** its own colour thresholds and colour mode (a column override), else the panel's */
  thresholds?: Thresholds;
  colorMode?: 'color-text' | 'color-background';
}

/** One row: label values (strings) and value cells (numbers) by column key. */
export interface TableRow {
  key: string;
  cells: Record<string, string | number | undefined>;
}

const labelKey = (labels: Labels): string =>
  JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
  );

/** Label columns: `__name__` first, the others sorted. */
export function labelColumns(names: Iterable<string>): string[] {
  const all = [...new Set(names)];
  const rest = all.filter((n) => n !== '__name__').sort();
  return all.includes('__name__') ? ['__name__', ...rest] : rest;
}

export function rowsFromResults(
  results: readonly TargetResult[],
  options: Pick<TableOptions, 'reduce' | 'columns'>,
  fieldConfig: Pick<FieldConfig, 'unit' | 'decimals'> = { unit: 'short' },
): { columns: TableColumn[]; rows: TableRow[] } {
  const { allColumns, rows } = tableFromResults(results, options, fieldConfig);
  return { columns: visibleColumns(allColumns, options), rows };
}

/** The columns not hidden by an override. */
export const visibleColumns = (
  all: readonly TableColumn[],
  options: Pick<TableOptions, 'columns'>,
): TableColumn[] => all.filter((c) => !options.columns[c.key]?.hidden);

/** {@link rowsFromResults} with hidden columns too (links count them: `$__cell_N`). */
export function tableFromResults(
  results: readonly TargetResult[],
  options: Pick<TableOptions, 'reduce' | 'columns'>,
  fieldConfig: Pick<FieldConfig, 'unit' | 'decimals'> = { unit: 'short' },
): { allColumns: TableColumn[]; rows: TableRow[] } {
  const withData = results.filter((r) => r.frame || r.rows);
  const multi = new Set(withData.map((r) => r.refId)).size > 1;
  const valueKey = (refId: string) => (multi ? `Value #${refId}` : 'Value');
  const names = new Set<string>();
  const rows: TableRow[] = [];
  const byLabels = new Map<string, TableRow[]>();
  const valueKeys: { key: string; refId: string }[] = [];

  const add = (refId: string, labels: Labels, value: number) => {
    for (const k of Object.keys(labels)) names.add(k);
    const vk = valueKey(refId);
    const lk = labelKey(labels);
    const same = byLabels.get(lk) ?? [];
    let row = same.find((r) => !(vk in r.cells));
    if (!row) {
      row = { key: same.length ? `${lk}#${same.length}` : lk, cells: { ...labels } };
      same.push(row);
      byLabels.set(lk, same);
      rows.push(row);
    }
    row.cells[vk] = value;
  };

  for (const r of withData) {
    const vk = valueKey(r.refId);
    if (!valueKeys.some((v) => v.key === vk)) valueKeys.push({ key: vk, refId: r.refId });
    for (const s of r.frame?.series ?? []) add(r.refId, s.labels, reduce(s.values, options.reduce));
    for (const row of r.rows ?? []) add(r.refId, row.labels, row.value);
  }

  const col = (key: string, kind: TableColumn['kind'], refId?: string): TableColumn =>
    tableColumn(key, kind, options, fieldConfig, refId);
  const allColumns = [
    ...labelColumns(names).map((n) => col(n, 'label')),
    ...valueKeys.map((v) => col(v.key, 'value', v.refId)),
  ];
  return { allColumns, rows };
}

/** A column: the column override's title, unit, decimals and colours over the panel's. */
function tableColumn(
  key: string,
  kind: TableColumn['kind'],
  options: Pick<TableOptions, 'columns'>,
  fieldConfig: Pick<FieldConfig, 'unit' | 'decimals'>,
  refId?: string,
  unitDefault?: string,
): TableColumn {
  const o = options.columns[key] ?? {};
  const c: TableColumn = { key, title: o.displayName ?? key, kind };
  if (refId !== undefined) c.refId = refId;
  const unit = o.unit ?? unitDefault ?? (kind === 'value' ? fieldConfig.unit : undefined);
  const decimals =
    o.decimals ?? (kind === 'value' && !unitDefault ? fieldConfig.decimals : undefined);
  if (unit !== undefined) c.unit = unit;
  if (decimals !== undefined) c.decimals = decimals;
  if (o.thresholds) c.thresholds = o.thresholds;
  if (o.colorMode) c.colorMode = o.colorMode;
  if (o.width) c.width = o.width;
  return c;
}

/**
 * A transformed table (src/transform: Grafana's data frames) → columns and rows: fields in
 * order, strings as label columns, numbers as value columns, times as dates. Several frames
 * (nothing merged them) are shown one after the other, their columns united by name.
 */
export function tableFromFrames(
  frames: readonly DataFrame[],
  options: Pick<TableOptions, 'columns'>,
  fieldConfig: Pick<FieldConfig, 'unit' | 'decimals'> = { unit: 'short' },
): { allColumns: TableColumn[]; rows: TableRow[] } {
  const allColumns: TableColumn[] = [];
  const rows: TableRow[] = [];
  for (const [fi, f] of frames.entries()) {
    for (const x of f.fields) {
      if (allColumns.some((c) => c.key === x.name)) continue;
      const kind = x.type === 'string' ? 'label' : 'value';
      // times are dates unless a column override says otherwise
      const c = tableColumn(
        x.name,
        kind,
        options,
        fieldConfig,
        x.refId,
        x.type === 'time' ? 'dateTimeAsIso' : undefined,
      );
      allColumns.push(c);
    }
    for (let i = 0; i < f.length; i++) {
      const cells: TableRow['cells'] = {};
      for (const x of f.fields) {
        const v = x.values[i];
        // times are seconds; the date units take milliseconds
        if (typeof v === 'number' && Number.isNaN(v)) continue;
        cells[x.name] = x.type === 'time' && typeof v === 'number' ? v * 1000 : v;
      }
      rows.push({ key: `${fi}:${i}`, cells });
    }
  }
  return { allColumns, rows };
}

/**
 * Orders rows by one column, numeric-aware: numbers (and numeric label values) numerically,
 * other strings in natural order ("a2" < "a10"); empty cells and NaN always last.
 */
export function sortRows(rows: readonly TableRow[], column: string, desc: boolean): TableRow[] {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const num = (v: string | number): number =>
    typeof v === 'number' ? v : v.trim() === '' ? NaN : Number(v);
  const missing = (v: string | number | undefined): v is undefined =>
    v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      const x = a.row.cells[column];
      const y = b.row.cells[column];
      const mx = missing(x);
      const my = missing(y);
      if (mx || my) return mx === my ? a.i - b.i : mx ? 1 : -1;
      const nx = num(x);
      const ny = num(y);
      let c: number;
      if (!Number.isNaN(nx) && !Number.isNaN(ny)) c = nx < ny ? -1 : nx > ny ? 1 : 0;
      else c = collator.compare(String(x), String(y));
      return (desc ? -c : c) || a.i - b.i;
    })
    .map(({ row }) => row);
}

/** What a cell shows: text, and a colour when the table colours cells. */
export interface CellDisplay {
  text: string;
  color?: string;
  background?: string;
}

/** Grafana's cell display type: `custom.cellOptions.type` (10+) or `custom.displayMode` (older). */
export function cellMode(
  custom: Record<string, unknown> | undefined,
): 'auto' | 'color-text' | 'color-background' {
  const c = custom ?? {};
  const raw = isObj(c.cellOptions) ? c.cellOptions.type : c.displayMode;
  if (raw === 'color-text') return 'color-text';
  if (raw === 'color-background' || raw === 'color-background-solid') return 'color-background';
  return 'auto';
}

/** Formats a cell: labels as they are; values through mappings, unit and (optionally) colour. */
export function cellDisplay(
  value: string | number | undefined,
  column: TableColumn,
  fieldConfig: Pick<FieldConfig, 'mappings' | 'thresholds' | 'custom' | 'min' | 'max'>,
): CellDisplay {
  if (value === undefined) return { text: '' };
  if (typeof value === 'string') {
    if (column.unit === undefined) return { text: value };
    const n = Number(value);
    if (value.trim() === '' || Number.isNaN(n)) return { text: value };
    return { text: formattedToString(formatValue(n, column.unit, column.decimals)) };
  }
  const mapped = applyMappings(value, fieldConfig.mappings);
  const text =
    mapped?.text ?? formattedToString(formatValue(value, column.unit ?? 'short', column.decimals));
  const mode = column.colorMode ?? cellMode(fieldConfig.custom);
  if (mode === 'auto' && mapped?.color === undefined) return { text };
  const color =
    mapped?.color !== undefined
      ? resolveColor(mapped.color)
      : thresholdColor(value, column.thresholds ?? fieldConfig.thresholds, {
          min: fieldConfig.min,
          max: fieldConfig.max,
        });
  return mode === 'color-background' ? { text, background: color } : { text, color };
}
