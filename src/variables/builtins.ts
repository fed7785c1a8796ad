import { formatDuration, formatInterval } from '../time/duration';
import type { VariableValue } from './interpolate';

export interface BuiltinInput {
  fromMs: number;
  toMs: number;
  /** $__interval (the computed step) */
  intervalMs: number;
  /** $__rate_interval = max(interval + scrape, 4 × scrape) */
  rateIntervalMs: number;
  dashboard: { uid: string; title: string };
  timeZone: string;
}

const raw = (value: string): VariableValue => ({ value, raw: true });

/**
 * Grafana's global variables for one query: `$__interval`, `$__interval_ms`, `$__rate_interval`,
 * `$__rate_interval_ms`, `$__range` (seconds, rounded, plus `s`), `$__range_s`, `$__range_ms`,
 * `$__from`/`$__to` (epoch ms; `${__from:date:iso}` etc.), `$__dashboard`, `$__timezone`.
 * `$__interval` is floored to its largest unit (gtime.FormatInterval: 90 s → "1m"), but
 * `$__rate_interval` is exact (Go's Duration.String(): 150 s → "2m30s"), so a rate window is never
 * shortened below max(interval + scrape, 4 × scrape).
 */
export function builtinScope(input: BuiltinInput): Record<string, VariableValue> {
  const rangeMs = Math.max(0, input.toMs - input.fromMs);
  const rangeS = Math.round(rangeMs / 1000);
  return {
    __interval: raw(formatInterval(input.intervalMs)),
    __interval_ms: raw(String(Math.round(input.intervalMs))),
    __rate_interval: raw(formatDuration(Math.max(1, Math.round(input.rateIntervalMs)))),
    __rate_interval_ms: raw(String(Math.round(input.rateIntervalMs))),
    __range: raw(`${rangeS}s`),
    __range_s: raw(String(rangeS)),
    __range_ms: raw(String(Math.round(rangeMs))),
    __from: raw(String(Math.round(input.fromMs))),
    __to: raw(String(Math.round(input.toMs))),
    __dashboard: raw(input.dashboard.title),
    __timezone: raw(input.timeZone),
  };
}
