// A panel's own time range (Grafana's "Relative time" and "Time shift" query options), worked out
// from the dashboard's range exactly as Grafana's applyPanelTimeOverrides does.
import { describeRange, parseTimeExpr, type MsRange } from './range';
import type { TimeZone } from './zone';

export interface PanelTimeOptions {
  /** "Relative time": `1h` = the last hour up to now; also `now/d`, `now-1d/d`, `+1h` (next hour) */
  timeFrom?: string | undefined;
  /** "Time shift": the range moved back by `1h`, `1d`, `1d/d` (rounded to whole days) */
  timeShift?: string | undefined;
  /** no time info in the panel header */
  hideTimeOverride?: boolean | undefined;
}

export interface PanelTimeInput {
  range: MsRange;
  /** the dashboard's `from` is relative ("now-6h"); Grafana applies a relative time only then */
  relative: boolean;
  /** the instant the dashboard's relative range was resolved against */
  nowMs: number;
  timeZone?: TimeZone;
}

export interface PanelTime {
  range: MsRange;
  /** what the panel header says ("Last 10 seconds", "Last 1 hour timeshift -1d"); '' = nothing */
  info: string;
  /** an override that does not parse: the dashboard's range is used and the header says so */
  error?: string;
}

/** Grafana's describeTextRange: `10s` → from `now-10s` to `now`, `+1h` → from `now` to `now+1h`. */
function textRange(expr: string): { from: string; to: string } {
  const last = !expr.startsWith('+');
  const e = expr.includes('now') ? expr : `${last ? 'now-' : 'now'}${expr}`;
  return last ? { from: e, to: 'now' } : { from: 'now', to: e };
}

/**
 * The panel's range: `timeFrom` replaces the dashboard's range when that is relative (from the
 * same "now"), then `timeShift` moves both ends back (each rounded as Grafana rounds `from` and
 * `to`). Variables must already be interpolated.
 */
export function panelTime(opts: PanelTimeOptions, input: PanelTimeInput): PanelTime {
  const timeFrom = opts.timeFrom?.trim() ?? '';
  const timeShift = opts.timeShift?.trim() ?? '';
  let range = input.range;
  let info = '';
  const tz = input.timeZone;
  if (timeFrom) {
    const raw = textRange(timeFrom);
    const from = parseTimeExpr(raw.from, { nowMs: input.nowMs, timeZone: tz });
    const to = parseTimeExpr(raw.to, { nowMs: input.nowMs, timeZone: tz, roundUp: true });
    if (!from.ok || !to.ok || from.ms >= to.ms)
      return {
        range: input.range,
        info: 'invalid time override',
        error: `Relative time "${timeFrom}" is not a time range (e.g. 1h, 7d, now/d)`,
      };
    if (input.relative) {
      range = { fromMs: from.ms, toMs: to.ms };
      info = describeRange(raw, { timeZone: tz });
    }
  }
  if (timeShift) {
    const shift = `now-${timeShift.replace(/^-/, '')}`;
    const from = parseTimeExpr(shift, { nowMs: range.fromMs, timeZone: tz });
    const to = parseTimeExpr(shift, { nowMs: range.toMs, timeZone: tz, roundUp: true });
    if (!from.ok || !to.ok || from.ms >= to.ms)
      return {
        range: input.range,
        info: 'invalid timeshift',
        error: `Time shift "${timeShift}" is not a duration (e.g. 1h, 1d, 1d/d)`,
      };
    range = { fromMs: from.ms, toMs: to.ms };
    info = `${info} timeshift -${timeShift.replace(/^-/, '')}`.trim();
  }
  return { range, info: opts.hideTimeOverride ? '' : info };
}
