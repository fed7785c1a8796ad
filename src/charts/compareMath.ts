// The arithmetic of "compare to the past": the past series put on the present's time grid, and
// the change from then to now (absolute and relative), with its sign and words.

/**
 * The past column on the present grid: for each present time t, the past sample at exactly
 * t − offset (NaN where the past has none). The past query is the present one moved back by the
 * offset with the same step, so usually both grids line up index by index; this also holds when
 * the two answers cover different spans (one still loading a longer window, an off-grid server).
 */
export function alignPast(
  nowTimes: Float64Array,
  pastTimes: Float64Array,
  pastValues: Float64Array,
  offsetSec: number,
): Float64Array {
  const n = nowTimes.length;
  if (
    pastTimes.length === n &&
    n > 0 &&
    pastTimes[0] === nowTimes[0]! - offsetSec &&
    pastTimes[n - 1] === nowTimes[n - 1]! - offsetSec
  )
    return pastValues;
  const out = new Float64Array(n).fill(NaN);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const t = nowTimes[i]! - offsetSec;
    while (j < pastTimes.length && pastTimes[j]! < t) j++;
    if (j < pastTimes.length && pastTimes[j] === t) out[i] = pastValues[j]!;
  }
  return out;
}

/** The change from `then` to `now`. */
export interface Delta {
  /** now − then (NaN when either is missing) */
  abs: number;
  /** (now − then) / |then| × 100; NaN when missing or when then is 0 and now is not */
  pct: number;
}

export function delta(now: number, then: number): Delta {
  if (!Number.isFinite(now) || !Number.isFinite(then)) return { abs: NaN, pct: NaN };
  const abs = now - then;
  if (then === 0) return { abs, pct: abs === 0 ? 0 : NaN };
  return { abs, pct: (abs / Math.abs(then)) * 100 };
}

/** up, down, flat (0) or none (NaN): the arrow and the colour class of a change. */
export type DeltaDirection = 'up' | 'down' | 'flat' | 'none';

export function direction(v: number): DeltaDirection {
  if (Number.isNaN(v)) return 'none';
  return v > 0 ? 'up' : v < 0 ? 'down' : 'flat';
}

const ARROWS: Record<DeltaDirection, string> = { up: '▲', down: '▼', flat: '=', none: '' };

export function arrow(d: DeltaDirection): string {
  return ARROWS[d];
}

/**
 * A signed percentage: "+12 %", "−3.4 %" (a real minus), "0 %", "–" when undefined. Two
 * significant digits below 10 %, whole numbers above.
 */
export function formatPct(pct: number): string {
  if (!Number.isFinite(pct)) return '–';
  const a = Math.abs(pct);
  const rounded =
    a >= 10 ? Math.round(a) : a >= 1 ? Math.round(a * 10) / 10 : Math.round(a * 100) / 100;
  if (rounded === 0) return '0 %';
  const text = rounded.toLocaleString('en', { maximumFractionDigits: 2 });
  return `${pct > 0 ? '+' : '−'}${text} %`;
}

/** A signed absolute change written by `format` ("+1.2 req/s", "−300 ms"); "–" when undefined. */
export function formatAbs(abs: number, format: (v: number) => string): string {
  if (!Number.isFinite(abs)) return '–';
  if (abs === 0) return format(0);
  return `${abs > 0 ? '+' : '−'}${format(Math.abs(abs))}`;
}

/**
 * The past time as the tooltip shows it under the present one: without the leading words they
 * share ("2026-01-01 02:00:00" under "2026-01-01 03:00:00" reads "02:00:00"), whole otherwise.
 */
export function pastTimeText(then: string, now: string): string {
  const a = then.split(' ');
  const b = now.split(' ');
  let same = 0;
  while (same < a.length - 1 && a[same] === b[same]) same++;
  return a.slice(same).join(' ');
}
