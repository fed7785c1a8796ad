// Grafana's time-picker language: `now`, `now-6h`, `now+1h`, `now/d`, `now-1d/d`, `now/w`,
// `now-1M/M`, `now/d+8h`, units s m h d w M Q y; absolute ISO dates (with or without a time and
// an offset), Grafana's compact URL forms (YYYYMMDD, YYYYMMDDTHHmmss), `<absolute>||<math>`, and
// epoch milliseconds. Rounding and calendar steps happen in the dashboard's time zone; an ISO
// string without an offset is a wall-clock time in that zone.

import { formatDurationHuman, parseDuration } from './duration';
import {
  addUnits,
  type CalendarUnit,
  daysInMonth,
  endOfUnit,
  resolveTimeZone,
  startOfUnit,
  type TimeZone,
  wallTime,
  wallToMs,
} from './zone';

/** A time range as the user wrote it (URL, dashboard JSON, picker): expressions, ISO or epoch ms. */
export interface RawRange {
  from: string;
  to: string;
}

/** A resolved time range in epoch milliseconds. */
export interface MsRange {
  fromMs: number;
  toMs: number;
}

/** Result of parsing one time expression. */
export type TimeResult = { ok: true; ms: number } | { ok: false; error: string };

/** Result of resolving a range. */
export type RangeResult = ({ ok: true } & MsRange) | { ok: false; error: string };

/** Options for parseTimeExpr. */
export interface ParseTimeOptions {
  /** the instant `now` means */
  nowMs: number;
  /** true for the `to` side: `/unit` snaps to the end of the period instead of its start */
  roundUp?: boolean;
  /** 'browser' (default), 'utc' or an IANA zone */
  timeZone?: TimeZone;
  /** first day of the week for `/w`: 0 Sunday, 1 Monday (default, as Grafana), 6 Saturday */
  weekStart?: number;
}

/** Options for resolveRange. */
export interface ResolveOptions {
  nowMs: number;
  timeZone?: TimeZone;
  weekStart?: number;
}

/** The default dashboard range, as Grafana. */
export const DEFAULT_RANGE: RawRange = { from: 'now-6h', to: 'now' };

const UNITS = new Set<string>(['s', 'm', 'h', 'd', 'w', 'M', 'Q', 'y']);

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?$/;
const EPOCH_MS = /^\d+$/;

const HINT = 'use now-6h, now/d, 2026-01-01 00:00:00 or epoch ms';

/** True when the expression depends on the current time (starts with `now`). */
export function isRelative(expr: string): boolean {
  return expr.trim().startsWith('now');
}

/**
 * Parse one time expression to epoch ms. `roundUp` is for the `to` side: `now/d` then means the
 * last millisecond of today, as Grafana.
 */
export function parseTimeExpr(expr: string, opts: ParseTimeOptions): TimeResult {
  const text = expr.trim();
  if (text === '') return { ok: false, error: 'empty time' };
  const zone = resolveTimeZone(opts.timeZone);
  if (zone === undefined) return { ok: false, error: `unknown time zone "${opts.timeZone}"` };
  let baseMs: number;
  let math: string;
  if (text.startsWith('now')) {
    baseMs = opts.nowMs;
    math = text.slice(3);
  } else {
    const bar = text.indexOf('||');
    const abs = parseAbsolute(bar === -1 ? text : text.slice(0, bar).trim(), zone);
    if (abs === undefined) return { ok: false, error: `"${text}": not a valid time (${HINT})` };
    if (abs === null) return { ok: false, error: `"${text}": no such date` };
    baseMs = abs;
    math = bar === -1 ? '' : text.slice(bar + 2);
  }
  const r = applyMath(baseMs, math.replace(/\s+/g, ''), zone, opts);
  return typeof r === 'string' ? { ok: false, error: `"${text}": ${r}` } : { ok: true, ms: r };
}

function applyMath(
  ms: number,
  math: string,
  zone: string,
  opts: ParseTimeOptions,
): number | string {
  let t = ms;
  let i = 0;
  while (i < math.length) {
    const op = math.charAt(i++);
    if (op !== '/' && op !== '+' && op !== '-') return `unexpected "${op}"`;
    const numStart = i;
    while (i < math.length && /\d/.test(math.charAt(i))) i++;
    const digits = math.slice(numStart, i);
    const unit = math.charAt(i++);
    if (!/^[A-Za-z]$/.test(unit))
      return digits ? `missing unit after "${op}${digits}"` : `missing unit after "${op}"`;
    // A unit is one letter; show a whole word ("ms", "min", "x") when it is not one.
    const word = /^[A-Za-z]+/.exec(math.slice(i - 1))?.[0] ?? unit;
    if (word === 'fy' || word === 'fQ') return `fiscal unit "${word}" is not supported`;
    if (!UNITS.has(unit) || word.length > 1) return `unknown unit "${word}"`;
    const u = unit as CalendarUnit;
    if (op === '/') {
      if (digits !== '' && digits !== '1') return `rounding takes a unit only, like "/${u}"`;
      const weekStart = opts.weekStart ?? 1;
      t = opts.roundUp ? endOfUnit(t, u, zone, weekStart) : startOfUnit(t, u, zone, weekStart);
    } else {
      if (digits.length > 10) return `number too large: "${digits}"`;
      const n = digits === '' ? 1 : Number(digits);
      t = addUnits(t, op === '-' ? -n : n, u, zone);
    }
  }
  return Number.isFinite(t) ? t : 'time out of range';
}

/**
 * An absolute time in a zone: epoch ms (all digits), ISO date/time with or without offset, or
 * Grafana's compact YYYYMMDD / YYYYMMDDTHHmmss. undefined = not a time; null = impossible date.
 */
function parseAbsolute(text: string, zone: string): number | undefined | null {
  if (EPOCH_MS.test(text) && text.length !== 8) return Number(text);
  const m = ISO.exec(text) ?? COMPACT.exec(text);
  if (!m) return undefined;
  const num = (k: number) => Number(m[k] ?? 0);
  const [year, month, day, hour, minute, second] = [num(1), num(2), num(3), num(4), num(5), num(6)];
  const frac = m[7];
  const millisecond = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wall = { year, month, day, hour, minute, second, millisecond };
  const offset = m[8];
  if (offset === undefined) return wallToMs(wall, zone);
  if (offset === 'Z' || offset === 'z') return wallToMs(wall, 'UTC');
  const om = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!om) return undefined;
  const offMs = (Number(om[2]) * 60 + Number(om[3] ?? 0)) * 60_000 * (om[1] === '-' ? -1 : 1);
  return wallToMs(wall, 'UTC') - offMs;
}

/** Resolve a raw range: `from` rounds down, `to` rounds up; errors name the bad expression. */
export function resolveRange(range: RawRange, opts: ResolveOptions): RangeResult {
  const common = { nowMs: opts.nowMs, timeZone: opts.timeZone, weekStart: opts.weekStart };
  const from = parseTimeExpr(range.from, { ...common, roundUp: false });
  if (!from.ok) return from;
  const to = parseTimeExpr(range.to, { ...common, roundUp: true });
  if (!to.ok) return to;
  if (from.ms > to.ms) return { ok: false, error: '"from" is after "to"' };
  return { ok: true, fromMs: from.ms, toMs: to.ms };
}

/** A picker shortcut. */
export interface QuickRange {
  from: string;
  to: string;
  label: string;
}

/** Grafana's quick ranges (relative, then calendar periods). */
export const quickRanges: readonly QuickRange[] = [
  { from: 'now-5m', to: 'now', label: 'Last 5 minutes' },
  { from: 'now-15m', to: 'now', label: 'Last 15 minutes' },
  { from: 'now-30m', to: 'now', label: 'Last 30 minutes' },
  { from: 'now-1h', to: 'now', label: 'Last 1 hour' },
  { from: 'now-3h', to: 'now', label: 'Last 3 hours' },
  { from: 'now-6h', to: 'now', label: 'Last 6 hours' },
  { from: 'now-12h', to: 'now', label: 'Last 12 hours' },
  { from: 'now-24h', to: 'now', label: 'Last 24 hours' },
  { from: 'now-2d', to: 'now', label: 'Last 2 days' },
  { from: 'now-7d', to: 'now', label: 'Last 7 days' },
  { from: 'now-30d', to: 'now', label: 'Last 30 days' },
  { from: 'now-90d', to: 'now', label: 'Last 90 days' },
  { from: 'now-1y', to: 'now', label: 'Last 1 year' },
  { from: 'now/d', to: 'now/d', label: 'Today' },
  { from: 'now/d', to: 'now', label: 'Today so far' },
  { from: 'now-1d/d', to: 'now-1d/d', label: 'Yesterday' },
  { from: 'now/w', to: 'now/w', label: 'This week' },
  { from: 'now/w', to: 'now', label: 'This week so far' },
  { from: 'now-1w/w', to: 'now-1w/w', label: 'Previous week' },
  { from: 'now/M', to: 'now/M', label: 'This month' },
  { from: 'now/M', to: 'now', label: 'This month so far' },
  { from: 'now-1M/M', to: 'now-1M/M', label: 'Previous month' },
  { from: 'now/y', to: 'now/y', label: 'This year' },
  { from: 'now/y', to: 'now', label: 'This year so far' },
];

const UNIT_WORDS: Record<string, string> = {
  s: 'second',
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  M: 'month',
  Q: 'quarter',
  y: 'year',
};

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * Label for a range: a quick-range name ("Last 6 hours", "Today so far", "Yesterday"),
 * "Last N units" for `now-N<unit>` to `now`, else the two ends (absolute ones formatted
 * YYYY-MM-DD HH:mm:ss in the zone) joined by " to ".
 */
export function describeRange(range: RawRange, opts: { timeZone?: TimeZone } = {}): string {
  const from = squash(range.from);
  const to = squash(range.to);
  const quick = quickRanges.find((q) => q.from === from && q.to === to);
  if (quick) return quick.label;
  const last = /^now-(\d+)([smhdwMQy])$/.exec(from);
  if (last && to === 'now') {
    const n = Number(last[1]);
    return `Last ${n} ${UNIT_WORDS[last[2] ?? '']}${n === 1 ? '' : 's'}`;
  }
  return `${describeEnd(range.from, opts.timeZone)} to ${describeEnd(range.to, opts.timeZone)}`;
}

function describeEnd(expr: string, timeZone: TimeZone | undefined): string {
  const text = expr.trim();
  if (isRelative(text)) return text;
  const zone = resolveTimeZone(timeZone);
  const ms = zone === undefined ? undefined : parseAbsolute(text, zone);
  if (zone === undefined || ms === undefined || ms === null) return text;
  return formatWall(ms, zone);
}

/** "YYYY-MM-DD HH:mm:ss" of an instant in an IANA zone. */
function formatWall(ms: number, zone: string): string {
  const w = wallTime(ms, zone);
  const p = (n: number, len = 2) => String(n).padStart(len, '0');
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
}

/** Length of a range in words ("6 hours"), for labels and tooltips. */
export function describeDuration(range: MsRange): string {
  return formatDurationHuman(range.toMs - range.fromMs);
}

/**
 * Zoom out around the centre by `factor` (Grafana's Ctrl+Z uses 2). If the range ended at or
 * before `nowMs` and the new end would pass it, the window slides back to end at `nowMs`.
 */
export function zoomOut(range: MsRange, factor = 2, nowMs?: number): MsRange {
  const span = range.toMs - range.fromMs;
  const centre = range.toMs - span / 2;
  let fromMs = Math.round(centre - (span * factor) / 2);
  let toMs = Math.round(centre + (span * factor) / 2);
  if (nowMs !== undefined && toMs > nowMs && range.toMs <= nowMs) {
    fromMs -= toMs - nowMs;
    toMs = nowMs;
  }
  return { fromMs, toMs };
}

/**
 * Move a range back (-1) or forward (+1) by half its length, as Grafana's arrows. Moving forward
 * never passes `nowMs` if the range ended before it: the end stops at now and the start stays.
 */
export function shiftRange(range: MsRange, direction: -1 | 1, nowMs?: number): MsRange {
  const half = Math.round((range.toMs - range.fromMs) / 2);
  if (direction === -1) return { fromMs: range.fromMs - half, toMs: range.toMs - half };
  const toMs = range.toMs + half;
  if (nowMs !== undefined && toMs > nowMs && range.toMs < nowMs) {
    return { fromMs: range.fromMs, toMs: nowMs };
  }
  return { fromMs: range.fromMs + half, toMs };
}

/**
 * URL values for a range: relative expressions as written (whitespace removed), absolute times as
 * epoch ms. A value that does not parse is kept as typed, so the reader can report it.
 */
export function rangeToUrl(range: RawRange, opts: { timeZone?: TimeZone } = {}): RawRange {
  return { from: endToUrl(range.from, opts.timeZone), to: endToUrl(range.to, opts.timeZone) };
}

function endToUrl(expr: string, timeZone: TimeZone | undefined): string {
  const text = expr.trim();
  if (isRelative(text)) return squash(text);
  const r = parseTimeExpr(text, { nowMs: 0, timeZone });
  return r.ok ? String(r.ms) : text;
}

/** Epoch-ms URL values for a resolved range (after a zoom or drag-select). */
export function msRangeToUrl(range: MsRange): RawRange {
  return { from: String(Math.round(range.fromMs)), to: String(Math.round(range.toMs)) };
}

/** Anything with URLSearchParams' `get`. */
export interface ParamReader {
  get(name: string): string | null;
}

/**
 * Range from URL parameters: `from`/`to` (relative, ISO or epoch ms; a missing side takes the
 * fallback's), or Grafana's `time` (epoch ms) + `time.window` (ms or a duration) centred window.
 */
export function rangeFromUrl(params: ParamReader, fallback: RawRange = DEFAULT_RANGE): RawRange {
  const from = params.get('from')?.trim();
  const to = params.get('to')?.trim();
  if (!from && !to) {
    const time = params.get('time')?.trim();
    const window = params.get('time.window')?.trim();
    if (time && window && EPOCH_MS.test(time)) {
      const windowMs = EPOCH_MS.test(window) ? Number(window) : parseDuration(window);
      if (windowMs !== undefined && windowMs > 0) {
        const centre = Number(time);
        return msRangeToUrl({ fromMs: centre - windowMs / 2, toMs: centre + windowMs / 2 });
      }
    }
  }
  return { from: from || fallback.from, to: to || fallback.to };
}

/** What a page shows when the URL says nothing: a dashboard's saved time settings, or Explore's. */
export interface TimeDefaults {
  from: string;
  to: string;
  /** auto-refresh interval ('' = off) */
  refresh: string;
  /** 'browser', 'utc' or an IANA zone */
  timeZone: string;
}

/** The time settings a URL asks for, defaults filling what it leaves out. */
export interface UrlTime {
  raw: RawRange;
  refresh: string;
  timeZone: string;
}

/**
 * `from`/`to` (or Grafana's `time` + `time.window`), `refresh` (present but empty = off) and `tz`
 * (Grafana's `timezone` too) from URL parameters, over the page's defaults.
 */
export function timeFromUrl(params: ParamReader, defaults: TimeDefaults): UrlTime {
  return {
    raw: rangeFromUrl(params, defaults),
    refresh: params.get('refresh') ?? defaults.refresh,
    timeZone: params.get('tz') ?? params.get('timezone') ?? defaults.timeZone,
  };
}

/** A range to query with, and why the one asked for could not be used. */
export interface ShownRange extends MsRange {
  error?: string;
}

/**
 * Resolves the asked range; when it does not resolve, the defaults' range (or the last hour)
 * is shown instead and `error` says what was wrong with the one asked for.
 */
export function resolveShownRange(
  raw: RawRange,
  defaults: RawRange,
  opts: ResolveOptions,
): ShownRange {
  const asked = resolveRange(raw, opts);
  if (asked.ok) return { fromMs: asked.fromMs, toMs: asked.toMs };
  const fallback = resolveRange(defaults, opts);
  const shown = fallback.ok ? fallback : { fromMs: opts.nowMs - 3_600_000, toMs: opts.nowMs };
  return { fromMs: shown.fromMs, toMs: shown.toMs, error: asked.error };
}
