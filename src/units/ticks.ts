/**
 * Axis tick labels. Unlike per-value formatting (where 500 ms and 1.50 s can sit side by side),
 * the ticks of one axis share one scale, one suffix and one number of decimals: 0.5 s, 1.0 s,
 * 1.5 s. Text units (durations spelled out, dates, booleans) fall back to per-value formatting.
 */
import { toFixed } from './decimals';
import { formatValueToString, unitScaler } from './format';
import type { FormatOptions, UnitScale } from './types';

const MAX_DECIMALS = 12;
const EXACT_DECIMALS = 6;
const CLEAN_DECIMALS = 3;

/** Fewest decimals (≤ max) that print every value exactly, or undefined when none does. */
function exactDecimals(values: readonly number[], max: number): number | undefined {
  let maxAbs = 0;
  for (const v of values) maxAbs = Math.max(maxAbs, Math.abs(v));
  const tolerance = maxAbs * 1e-10;
  for (let d = 0; d <= max; d++) {
    const f = Math.pow(10, d);
    if (values.every((v) => Math.abs(Math.round(v * f) / f - v) <= tolerance)) return d;
  }
  return undefined;
}

/** Decimals that tell neighbouring ticks apart: two significant digits of the smallest gap. */
function gapDecimals(values: readonly number[]): number {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++)
    gap = Math.min(gap, (sorted[i] ?? 0) - (sorted[i - 1] ?? 0));
  if (!Number.isFinite(gap) || gap <= 0) {
    const v = Math.abs(sorted[0] ?? 0);
    return v === 0 ? 0 : Math.min(MAX_DECIMALS, Math.max(0, 1 - Math.floor(Math.log10(v))));
  }
  return Math.min(MAX_DECIMALS, Math.max(0, 1 - Math.floor(Math.log10(gap))));
}

/**
 * Labels for axis ticks in a Grafana unit: one scale picked from the largest tick (or a lower
 * rung when that prints the ticks more cleanly), one number of decimals (fixed when given).
 */
export function formatTicks(
  values: readonly number[],
  unit: string,
  decimals?: number,
  options?: FormatOptions,
): string[] {
  const scaler = unitScaler(unit);
  const finite = values.filter((v) => Number.isFinite(v));
  if (!scaler || finite.length === 0) {
    return values.map((v) => formatValueToString(v, unit, decimals, options));
  }

  let maxAbs = 0;
  let minAbs = Infinity;
  for (const v of finite) {
    const a = Math.abs(v);
    maxAbs = Math.max(maxAbs, a);
    if (a > 0) minAbs = Math.min(minAbs, a);
  }

  // Candidate reference magnitudes: the largest tick, then the smallest non-zero one.
  const refs = minAbs < maxAbs ? [maxAbs, minAbs] : [maxAbs];
  let ref = maxAbs;
  let dec = decimals;
  if (dec === undefined) {
    let chosen: number | undefined;
    for (const r of refs) {
      const s = scaler(r);
      const d = exactDecimals(
        finite.map((v) => s.apply(Math.abs(v))),
        CLEAN_DECIMALS,
      );
      if (d !== undefined) {
        ref = r;
        chosen = d;
        break;
      }
    }
    if (chosen === undefined) {
      const s = scaler(maxAbs);
      const scaled = finite.map((v) => s.apply(Math.abs(v)));
      chosen = exactDecimals(scaled, EXACT_DECIMALS) ?? gapDecimals(scaled);
    }
    dec = chosen;
  }

  return values.map((v) => {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
    // Scale chosen by magnitude; the sign of the tick itself picks sign-dependent prefixes.
    const s: UnitScale = scaler(v < 0 ? -ref : ref);
    return `${s.prefix ?? ''}${toFixed(s.apply(v), dec)}${s.suffix ?? ''}`;
  });
}

const IEC_UNITS = new Set([
  'bytes',
  'bits',
  'kbytes',
  'mbytes',
  'gbytes',
  'tbytes',
  'pbytes',
  'binBps',
  'binbps',
  'KiBs',
  'Kibits',
  'MiBs',
  'Mibits',
  'GiBs',
  'Gibits',
]);

const SECONDS_FACTOR: Record<string, number> = {
  s: 1,
  ms: 1e3,
  µs: 1e6,
  us: 1e6,
  μs: 1e6,
  ns: 1e9,
};

function decimalSteps(fromExp: number, toExp: number): number[] {
  const out: number[] = [];
  for (let e = fromExp; e <= toExp; e++) {
    for (const m of [1, 2, 5]) out.push(Number((m * Math.pow(10, e)).toPrecision(1)));
  }
  return out;
}

const DAY = 86400;
const SECOND_STEPS = [
  1,
  2,
  5,
  10,
  15,
  30,
  60,
  120,
  300,
  600,
  900,
  1200,
  1800,
  3600,
  7200,
  10800,
  21600,
  43200,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  90 * DAY,
  180 * DAY,
  365 * DAY,
];

/**
 * Candidate tick increments (uPlot `incrs`) that land on round numbers of the unit: powers of two
 * times powers of 1024 for IEC sizes, seconds/minutes/hours/days for time units. Undefined for
 * units where uPlot's default 1-2-5 decimal increments are already right.
 */
export function niceUnitIncrements(unit: string): number[] | undefined {
  if (IEC_UNITS.has(unit)) {
    const out = decimalSteps(-3, -1);
    for (let e = 0; e <= 8; e++) {
      for (let m = 1; m < 1024; m *= 2) out.push(m * Math.pow(1024, e));
    }
    return out;
  }
  const factor = SECONDS_FACTOR[unit];
  if (factor !== undefined) {
    const sub = decimalSteps(-9, -1).map((x) => Number((x * factor).toPrecision(1)));
    const whole = SECOND_STEPS.map((x) => x * factor);
    const years = [1, 2, 5, 10, 20, 50, 100].map((y) => y * 365 * DAY * factor);
    return [...sub.filter((x) => x < factor), ...whole, ...years.slice(1)];
  }
  return undefined;
}
