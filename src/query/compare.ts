// "Compare to the past": the offset a dashboard or panel compares with, and the shifted requests.
//
// How the past is queried: the SAME range query moved back by the offset (start − o, end − o,
// same step), not the expression rewritten with PromQL `offset`. Prometheus evaluates a range
// query at start + k·step exactly as an instant query at that time, and `expr offset o` at t reads
// the same samples as `expr` at t − o, so each past point equals the API's `offset` query at the
// current point's time — and the step grid is the current one moved by o, so point k of the past
// lines up with point k of the present whatever the step. The shifted request is an ordinary
// range query: the same key module caches and deduplicates it (a past window someone already
// viewed at this step is reused), Refresh refetches it, and an auto-refresh tick extends it
// incrementally like any other (its window moves forward on its own grid). Rewriting with
// `offset` would need the PromQL grammar on every expression, would clash with offsets already in
// it (Prometheus allows one per selector) and would key a second copy of the same data.
// Known difference: `time()`, `timestamp()` and `@ start()`/`@ end()` read the shifted evaluation
// time, i.e. the real past instant, where an `offset` query would read the present one.

import { formatDuration, parseDuration } from '../time/duration';

/** A comparison in force: how far back, and the words the charts show ("1 w ago"). */
export interface CompareTo {
  /** the setting as stored ("1w") */
  text: string;
  offsetMs: number;
  /** "1 w ago" */
  label: string;
}

/** The toolbar's ready-made choices (a custom offset is typed). */
export const COMPARE_CHOICES: readonly { value: string; label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: '1h', label: '1 h ago' },
  { value: '1d', label: '1 d ago' },
  { value: '1w', label: '1 w ago' },
];

/** Longest offset accepted: ten years. */
const MAX_OFFSET_MS = 10 * 365 * 86_400_000;

/**
 * A "Compare to" setting: `off` (or empty) → null; a duration such as `1h`, `2d`, `1w`, `1h30m`
 * → the comparison; anything else → a message saying what is wrong.
 */
export function parseCompare(text: string): CompareTo | null | { error: string } {
  const s = text.trim();
  if (s === '' || s.toLowerCase() === 'off') return null;
  const ms = parseDuration(s);
  if (ms === undefined || !/^[0-9]/.test(s))
    return { error: `Compare to "${s}" is not a duration (e.g. 1h, 1d, 1w, 2d)` };
  if (ms < 1000 || ms % 1000 !== 0)
    return { error: `Compare to "${s}": the offset must be whole seconds, at least 1s` };
  if (ms > MAX_OFFSET_MS) return { error: `Compare to "${s}": at most 10 years back` };
  return { text: formatDuration(ms), offsetMs: ms, label: compareLabel(ms) };
}

const LABEL_UNITS: readonly [string, number][] = [
  ['y', 31_536_000_000],
  ['w', 604_800_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
];

/** "1 w ago", "2 d ago", "1 h 30 min ago". */
export function compareLabel(offsetMs: number): string {
  let rest = Math.round(Math.abs(offsetMs));
  const parts: string[] = [];
  for (const [unit, size] of LABEL_UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push(`${n} ${unit}`);
      rest -= n * size;
    }
  }
  return `${parts.join(' ') || '0 s'} ago`;
}

/**
 * The comparison a panel shows: its own setting when it has one (`off` turns the dashboard's
 * off for this panel), else the dashboard's. A panel setting that does not parse is an error
 * the panel shows.
 */
export function panelCompare(
  panelSetting: string | undefined,
  dashboard: CompareTo | null | undefined,
): CompareTo | null | { error: string } {
  if (panelSetting === undefined || panelSetting.trim() === '') return dashboard ?? null;
  return parseCompare(panelSetting);
}

/**
 * The dashboard's comparison: the URL's `compare` parameter when present (`off` included), else
 * the saved setting. A bad URL value is reported and the saved setting used.
 */
export function dashboardCompare(
  urlValue: string | null,
  saved: string | undefined,
): { compare: CompareTo | null; error?: string } {
  const fromSaved = () => {
    const c = parseCompare(saved ?? '');
    return c && 'error' in c ? null : c;
  };
  if (urlValue === null) return { compare: fromSaved() };
  const c = parseCompare(urlValue);
  if (c && 'error' in c) return { compare: fromSaved(), error: c.error };
  return { compare: c };
}

/** A request on the step grid moved back by `offsetMs`: same expression, same step. */
export function shiftRequest<P extends { startSec: number; endSec: number }>(
  plan: P,
  offsetMs: number,
): P {
  const o = offsetMs / 1000;
  return { ...plan, startSec: plan.startSec - o, endSec: plan.endSec - o };
}

/**
 * The past requests of a panel's planned requests: each moved back by the comparison's offset
 * (none without a valid comparison). The panel, its inspector and a snapshot ask these.
 */
export function pastRequests<P extends { startSec: number; endSec: number }>(
  plans: readonly P[],
  compare: CompareTo | { error: string } | null,
): P[] {
  if (!compare || 'error' in compare) return [];
  return plans.map((p) => shiftRequest(p, compare.offsetMs));
}
