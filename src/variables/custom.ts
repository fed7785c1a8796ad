/**
 * Options of the variables that need no server: `custom` (Grafana CustomVariable), `interval`
 * (IntervalVariable, with `auto`), `constant` and `textbox`.
 */
import { formatInterval, parseDuration } from '../time/duration';
import { computeInterval } from '../time/step';
import type { VariableOption } from './query';

/**
 * `custom` values: comma-separated (`\,` is a literal comma), each either a value or a
 * `text : value` pair (spaces around the colon required, so `http://x` stays one value). Blank
 * entries are dropped.
 */
export function parseCustomOptions(query: string): VariableOption[] {
  const out: VariableOption[] = [];
  for (const piece of query.match(/(?:\\,|[^,])+/g) ?? []) {
    const entry = piece.replace(/\\,/g, ',');
    const pair = /^\s*(.+)\s:\s(.+)$/s.exec(entry);
    const text = (pair ? pair[1]! : entry).trim();
    const value = (pair ? pair[2]! : entry).trim();
    if (text === '' && value === '') continue;
    out.push({ text, value });
  }
  return out;
}

/** Grafana's default interval list. */
export const DEFAULT_INTERVALS = '1m,10m,30m,1h,6h,12h,1d,7d,14d,30d';
export const DEFAULT_AUTO_COUNT = 30;
export const DEFAULT_AUTO_MIN = '10s';
/** The value of the `auto` option (Grafana scenes' `$__auto`). */
export const AUTO_VALUE = '$__auto';

/** `auto`, `$__auto`, or the legacy `$__auto_interval_<name>` (old URLs and dashboards). */
export function isAutoValue(value: string, name: string): boolean {
  return value === AUTO_VALUE || value === 'auto' || value === `$__auto_interval_${name}`;
}

export interface IntervalSettings {
  name: string;
  /** comma-separated intervals; empty = Grafana's defaults */
  query: string;
  auto?: boolean | undefined;
  auto_count?: number | undefined;
  auto_min?: string | undefined;
}

/** Interval options, `auto` first when enabled (value `$__auto`). Quotes around items are dropped. */
export function intervalOptions(v: IntervalSettings): VariableOption[] {
  const list = (v.query.trim() === '' ? DEFAULT_INTERVALS : v.query)
    .split(',')
    .map((s) => s.trim().replace(/^(["'])(.*)\1$/, '$2'))
    .filter((s) => s !== '');
  const options = list.map((s) => ({ text: s, value: s }));
  return v.auto ? [{ text: 'auto', value: AUTO_VALUE }, ...options] : options;
}

/**
 * The auto interval (Grafana rangeutil.calculateInterval): roundInterval(range / auto_count),
 * at least auto_min, written like `$__interval` (`1m`, `30s`).
 */
export function autoIntervalMs(
  rangeMs: number,
  autoCount: number = DEFAULT_AUTO_COUNT,
  autoMin: string = DEFAULT_AUTO_MIN,
): number {
  const count = Number.isFinite(autoCount) && autoCount > 0 ? autoCount : DEFAULT_AUTO_COUNT;
  const minMs = parseDuration(autoMin) ?? parseDuration(DEFAULT_AUTO_MIN)!;
  return computeInterval({
    rangeMs: Math.max(0, rangeMs),
    maxDataPoints: count,
    minIntervalMs: minMs,
  });
}

export function autoInterval(rangeMs: number, autoCount?: number, autoMin?: string): string {
  return formatInterval(autoIntervalMs(rangeMs, autoCount, autoMin));
}

/** What an interval variable interpolates as: the pick, or the auto interval for the range. */
export function intervalValue(selected: string, v: IntervalSettings, rangeMs: number): string {
  if (isAutoValue(selected, v.name)) return autoInterval(rangeMs, v.auto_count, v.auto_min);
  return selected;
}

/** A constant's single option. */
export function constantOptions(query: string): VariableOption[] {
  return [{ text: query, value: query }];
}

/** A textbox's single option: the typed (current) value, else the default in `query`. */
export function textboxOptions(query: string, current?: string | string[]): VariableOption[] {
  const typed = Array.isArray(current) ? current[0] : current;
  const value = typed ?? query;
  return [{ text: value, value }];
}
