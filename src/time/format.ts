// Timestamps for axes, tooltips and the picker, in a time zone ('browser' | 'utc' | IANA).
// Wall-clock fields come from one cached Intl.DateTimeFormat per zone (see zone.ts); patterns are
// assembled here, so output is the same in every locale. An unknown zone falls back to UTC.

import { parseTimeExpr, type TimeResult } from './range';
import { resolveTimeZone, type TimeZone, wallTime, type WallTime } from './zone';

/** How much of a timestamp to show. */
export type TimePrecision = 'ms' | 's' | 'm' | 'd';

/** Patterns understood by formatPattern: tokens YYYY MM DD HH mm ss SSS. */
export type TimePattern = string;

const PRECISION_PATTERN: Record<TimePrecision, TimePattern> = {
  ms: 'YYYY-MM-DD HH:mm:ss.SSS',
  s: 'YYYY-MM-DD HH:mm:ss',
  m: 'YYYY-MM-DD HH:mm',
  d: 'YYYY-MM-DD',
};

const TOKENS = /YYYY|SSS|MM|DD|HH|mm|ss/g;

function pad(n: number, len: number): string {
  return String(n).padStart(len, '0');
}

function render(w: WallTime, pattern: TimePattern): string {
  return pattern.replace(TOKENS, (t) => {
    switch (t) {
      case 'YYYY':
        return pad(w.year, 4);
      case 'MM':
        return pad(w.month, 2);
      case 'DD':
        return pad(w.day, 2);
      case 'HH':
        return pad(w.hour, 2);
      case 'mm':
        return pad(w.minute, 2);
      case 'ss':
        return pad(w.second, 2);
      default:
        return pad(w.millisecond, 3);
    }
  });
}

/** Format an instant with a pattern (YYYY MM DD HH mm ss SSS) in a zone. */
export function formatPattern(
  ms: number,
  pattern: TimePattern,
  timeZone: TimeZone = 'browser',
): string {
  return render(wallTime(ms, resolveTimeZone(timeZone) ?? 'UTC'), pattern);
}

/** Tooltip/legend timestamp: "YYYY-MM-DD HH:mm:ss" (precision 's', the default), or ms/m/d. */
export function formatTime(
  ms: number,
  opts: { timeZone?: TimeZone; precision?: TimePrecision } = {},
): string {
  return formatPattern(ms, PRECISION_PATTERN[opts.precision ?? 's'], opts.timeZone);
}

/** The picker's input text for an instant: "YYYY-MM-DD HH:mm:ss" in the zone. */
export function formatInputTime(ms: number, timeZone: TimeZone = 'browser'): string {
  return formatPattern(ms, PRECISION_PATTERN.s, timeZone);
}

/**
 * Parse the picker's absolute input ("YYYY-MM-DD HH:mm:ss", any ISO form, epoch ms) as a
 * wall-clock time in the zone. Relative expressions are refused here: use parseTimeExpr.
 */
export function parseInputTime(text: string, timeZone: TimeZone = 'browser'): TimeResult {
  if (text.trim().startsWith('now')) {
    return { ok: false, error: `"${text.trim()}": not an absolute time` };
  }
  return parseTimeExpr(text, { nowMs: 0, timeZone });
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/**
 * Axis label pattern from the tick spacing (and the visible range, when known):
 * < 1 s → HH:mm:ss.SSS; < 1 min → HH:mm:ss; < 1 day → HH:mm, or MM-DD HH:mm when the range
 * spans more than a day; < 28 days → MM-DD, or YYYY-MM-DD over a year; else YYYY-MM.
 */
export function axisTickPattern(spacingMs: number, rangeMs?: number): TimePattern {
  if (spacingMs < SECOND) return 'HH:mm:ss.SSS';
  if (spacingMs < MINUTE) return 'HH:mm:ss';
  if (spacingMs < DAY) return rangeMs !== undefined && rangeMs > DAY ? 'MM-DD HH:mm' : 'HH:mm';
  if (spacingMs < 28 * DAY)
    return rangeMs !== undefined && rangeMs > 365 * DAY ? 'YYYY-MM-DD' : 'MM-DD';
  return 'YYYY-MM';
}

/** Options of the axis formatters. */
export interface AxisFormatOptions {
  timeZone?: TimeZone;
  /** distance between ticks */
  spacingMs: number;
  /** visible range; picks a date prefix for sub-day ticks over ranges longer than a day */
  rangeMs?: number;
}

/** One axis label (see axisTickPattern for the chosen format). */
export function formatAxisTick(ms: number, opts: AxisFormatOptions): string {
  return formatPattern(ms, axisTickPattern(opts.spacingMs, opts.rangeMs), opts.timeZone);
}

/** All labels of an axis at once (uPlot's `values` callback shape). */
export function formatAxisTicks(ticksMs: readonly number[], opts: AxisFormatOptions): string[] {
  const zone = resolveTimeZone(opts.timeZone) ?? 'UTC';
  const pattern = axisTickPattern(opts.spacingMs, opts.rangeMs);
  return ticksMs.map((t) => render(wallTime(t, zone), pattern));
}
