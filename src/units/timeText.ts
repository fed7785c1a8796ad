// Time units printed as text (Grafana's dateTimeFormatters): durations, clocks and dates.
import { wallTimeIn } from '../time/zone';
import type { FormatOptions, FormattedValue } from './types';

/** Seconds print 0 as "0 s" whatever the decimals (Grafana special case). */
export const secondsZero = (v: number): FormattedValue | undefined =>
  v === 0 ? { text: '0', suffix: ' s' } : undefined;

const DURATION_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['year', 31536000],
  ['month', 2592000],
  ['week', 604800],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
  ['millisecond', 0.001],
];

/** `toDuration`: "1 hour, 2 minutes"; decimals = how many further units after the first. */
export function toDuration(
  size: number,
  decimals: number | undefined,
  scaleSec: number,
  scaleName: string,
): FormattedValue {
  if (size === 0) return { text: '0', suffix: ` ${scaleName}s` };
  if (size < 0) {
    const v = toDuration(-size, decimals, scaleSec, scaleName);
    return { ...v, suffix: `${v.suffix ?? ''} ago` };
  }
  let rest = size * scaleSec * 1000;
  const parts: string[] = [];
  let started = false;
  let left = decimals ?? 0;
  for (const [name, sec] of DURATION_UNITS) {
    if (left < 0) break;
    const interval = sec * 1000;
    const value = rest / interval;
    if (value >= 1 || started) {
      started = true;
      const floor = Math.floor(value);
      parts.push(`${floor} ${name}${floor !== 1 ? 's' : ''}`);
      rest = rest % interval;
      left--;
    }
  }
  return { text: parts.join(', ') };
}

const pad2 = (n: number): string => (n > 9 ? String(n) : '0' + n);
const pad3 = (n: number): string => String(n).padStart(3, '0');

/** `toDurationInHoursMinutesSeconds`: 01:02:03 from seconds. */
export function toHms(size: number): FormattedValue {
  if (size < 0) {
    const v = toHms(-size);
    return { ...v, suffix: `${v.suffix ?? ''} ago` };
  }
  const h = Math.floor(size / 3600);
  const m = Math.floor((size % 3600) / 60);
  const s = Math.floor((size % 3600) % 60);
  return { text: `${pad2(h)}:${pad2(m)}:${pad2(s)}` };
}

/** `toDurationInDaysHoursMinutesSeconds`: "2 d 01:02:03". */
export function toDhms(size: number): FormattedValue {
  if (size < 0) {
    const v = toDhms(-size);
    return { ...v, suffix: `${v.suffix ?? ''} ago` };
  }
  const days = Math.floor(size / 86400);
  return { text: (days > 0 ? `${days} d ` : '') + toHms(size - days * 86400).text };
}

/** `toClock` from milliseconds: 05s:045ms, 01m:05s:045ms, 26h:01m:05s:045ms. */
export function toClock(ms: number, decimals?: number): FormattedValue {
  const d = new Date(ms);
  const SSS = pad3(d.getUTCMilliseconds()) + 'ms';
  const ss = pad2(d.getUTCSeconds()) + 's';
  const mm = pad2(d.getUTCMinutes()) + 'm';
  if (ms < 1000) return { text: SSS };
  if (ms < 60000) return { text: decimals === 0 ? ss : `${ss}:${SSS}` };
  if (ms < 3600000) {
    if (decimals === 0) return { text: mm };
    if (decimals === 1) return { text: `${mm}:${ss}` };
    return { text: `${mm}:${ss}:${SSS}` };
  }
  const hours = `${Math.floor(ms / 3600000)}h`;
  if (decimals === 0) return { text: hours };
  if (decimals === 1) return { text: `${hours}:${mm}` };
  if (decimals === 2) return { text: `${hours}:${mm}:${ss}` };
  return { text: `${hours}:${mm}:${ss}:${SSS}` };
}

/** YYYY-MM-DD HH:mm:ss */
export function dateTimeIso(ms: number, opts: FormatOptions): FormattedValue {
  const p = wallTimeIn(ms, opts.timeZone);
  return {
    text: `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`,
  };
}

/** MM/DD/YYYY h:mm:ss a */
export function dateTimeUs(ms: number, opts: FormatOptions): FormattedValue {
  const p = wallTimeIn(ms, opts.timeZone);
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const ampm = p.hour < 12 ? 'am' : 'pm';
  return {
    text: `${pad2(p.month)}/${pad2(p.day)}/${p.year} ${h12}:${pad2(p.minute)}:${pad2(p.second)} ${ampm}`,
  };
}
