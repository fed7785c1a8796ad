// Calendar arithmetic in a time zone, with Intl only (no date library).
//
// A Scry time-zone setting is 'browser' (the runtime's own zone), 'utc', or an IANA name such as
// 'Asia/Tokyo'. Wall-clock fields are read with a cached Intl.DateTimeFormat per zone; a wall time
// is turned back into an instant the way Temporal's 'compatible' mode does: an ambiguous time (the
// repeated hour when clocks go back) takes the earlier instant, a skipped time (clocks go forward)
// is moved forward by the length of the gap.

/** Time-zone setting: 'browser' (the runtime's zone), 'utc', or an IANA name like 'Asia/Tokyo'. */
export type TimeZone = string;

/** Wall-clock fields of an instant in a zone; month is 1–12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** Units of Grafana's time expressions: s m h d w M Q y. */
export type CalendarUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'y';

const DAY_MS = 86_400_000;
const FIXED_UNIT_MS: Partial<Record<CalendarUnit, number>> = { s: 1000, m: 60_000, h: 3_600_000 };

const formatters = new Map<string, Intl.DateTimeFormat | null>();
let browserZone: string | undefined;

function partsFormatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f !== undefined) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    f = null;
  }
  formatters.set(zone, f);
  return f;
}

/** The runtime's own IANA zone (what 'browser' means). */
export function browserTimeZone(): string {
  browserZone ??= new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return browserZone;
}

/** IANA name for a time-zone setting ('browser', 'utc', IANA), or undefined when unknown. */
export function resolveTimeZone(timeZone: TimeZone | undefined): string | undefined {
  const tz = (timeZone ?? '').trim();
  if (tz === '' || tz === 'browser') return browserTimeZone();
  if (tz.toLowerCase() === 'utc') return 'UTC';
  return partsFormatter(tz) ? tz : undefined;
}

/** True when the setting is 'browser', 'utc' or an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: TimeZone): boolean {
  return resolveTimeZone(timeZone) !== undefined;
}

/** Wall-clock fields of `ms` for a time-zone setting; a zone this runtime does not know reads as UTC. */
export function wallTimeIn(ms: number, timeZone: TimeZone | undefined): WallTime {
  return wallTime(ms, resolveTimeZone(timeZone) ?? 'UTC');
}

/**
 * The IANA zone a setting names for a chart's own time axis (uPlot's tzDate): undefined for
 * 'browser', which needs no conversion.
 */
export function explicitTimeZone(timeZone: TimeZone): string | undefined {
  const tz = timeZone.trim();
  if (tz === '' || tz === 'browser') return undefined;
  return tz.toLowerCase() === 'utc' ? 'Etc/UTC' : tz;
}

/** Wall-clock fields of `ms` in an IANA zone (from resolveTimeZone). */
export function wallTime(ms: number, zone: string): WallTime {
  const d = new Date(ms);
  const f = zone === 'UTC' ? null : partsFormatter(zone);
  if (!f) {
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
    };
  }
  const w: WallTime = {
    year: 0,
    month: 0,
    day: 0,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: d.getUTCMilliseconds(),
  };
  for (const p of f.formatToParts(d)) {
    if (p.type === 'year') w.year = Number(p.value);
    else if (p.type === 'month') w.month = Number(p.value);
    else if (p.type === 'day') w.day = Number(p.value);
    else if (p.type === 'hour') w.hour = Number(p.value) % 24;
    else if (p.type === 'minute') w.minute = Number(p.value);
    else if (p.type === 'second') w.second = Number(p.value);
  }
  return w;
}

function wallAsUtc(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

/** Offset of an IANA zone from UTC at an instant, in ms, positive east (Tokyo +32 400 000). */
export function zoneOffsetMs(ms: number, zone: string): number {
  if (zone === 'UTC') return 0;
  return wallAsUtc(wallTime(ms, zone)) - ms;
}

/** Offset from UTC of a time-zone setting at an instant, in ms, positive east (0 if unknown). */
export function utcOffsetMs(timeZone: TimeZone, atMs: number): number {
  const zone = resolveTimeZone(timeZone);
  return zone ? zoneOffsetMs(atMs, zone) : 0;
}

/** Instant of a wall-clock time in a zone; fields may overflow (day 32 = next month). */
export function wallToMs(w: WallTime, zone: string): number {
  const guess = wallAsUtc(w);
  if (zone === 'UTC') return guess;
  const before = zoneOffsetMs(guess - DAY_MS, zone);
  const after = zoneOffsetMs(guess + DAY_MS, zone);
  let best: number | undefined;
  for (const off of before === after ? [before] : [before, after]) {
    const t = guess - off;
    if (zoneOffsetMs(t, zone) === off && (best === undefined || t < best)) best = t;
  }
  // Skipped wall time (clocks went forward): keep the offset in force before the gap.
  return best ?? guess - before;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Weekday of a calendar date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCDay();
}

/** `ms` plus `n` units in a zone: s/m/h are exact, d/w keep the wall-clock time, M/Q/y clamp the day. */
export function addUnits(ms: number, n: number, unit: CalendarUnit, zone: string): number {
  const fixed = FIXED_UNIT_MS[unit];
  if (fixed !== undefined) return ms + n * fixed;
  const w = wallTime(ms, zone);
  if (unit === 'd' || unit === 'w') {
    return wallToMs({ ...w, day: w.day + n * (unit === 'w' ? 7 : 1) }, zone);
  }
  const months = n * (unit === 'M' ? 1 : unit === 'Q' ? 3 : 12);
  const total = w.year * 12 + (w.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return wallToMs({ ...w, year, month, day: Math.min(w.day, daysInMonth(year, month)) }, zone);
}

/** Start of the unit containing `ms` in a zone; weeks start on `weekStart` (0 Sunday, 1 Monday). */
export function startOfUnit(ms: number, unit: CalendarUnit, zone: string, weekStart = 1): number {
  const fixed = FIXED_UNIT_MS[unit];
  if (fixed !== undefined) {
    const off = zoneOffsetMs(ms, zone);
    return Math.floor((ms + off) / fixed) * fixed - off;
  }
  const w = wallTime(ms, zone);
  const start: WallTime = { ...w, hour: 0, minute: 0, second: 0, millisecond: 0 };
  if (unit === 'w') start.day -= (weekdayOf(w.year, w.month, w.day) - weekStart + 7) % 7;
  else if (unit === 'M') start.day = 1;
  else if (unit === 'Q') {
    start.month = Math.floor((w.month - 1) / 3) * 3 + 1;
    start.day = 1;
  } else if (unit === 'y') {
    start.month = 1;
    start.day = 1;
  }
  return wallToMs(start, zone);
}

/** Last millisecond of the unit containing `ms` in a zone (Grafana's rounded-up `to`). */
export function endOfUnit(ms: number, unit: CalendarUnit, zone: string, weekStart = 1): number {
  const start = startOfUnit(ms, unit, zone, weekStart);
  const fixed = FIXED_UNIT_MS[unit];
  if (fixed !== undefined) return start + fixed - 1;
  // Step from the middle of the period so a midnight that does not exist cannot trip us.
  const next = addUnits(start + 12 * 3_600_000, 1, unit, zone);
  return startOfUnit(next, unit, zone, weekStart) - 1;
}
