// Building blocks of the unit catalogue (mirroring Grafana's valueFormats / symbolFormatters):
// fixed units, SI/IEC/count ladders, currencies, the time ladders, booleans, hex.
import { toFixed } from './decimals';
import type { UnitDef, UnitScale, UnitScaler } from './types';

export const identity = (x: number): number => x;
const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);
const logb = (b: number, x: number): number => Math.log10(x) / Math.log10(b);

/** Fixed unit, no scaling (`toFixedUnit`). */
export function fixedUnit(unit: string, asPrefix = false): UnitDef {
  const scale: UnitScale = !unit
    ? { apply: identity }
    : asPrefix
      ? { apply: identity, prefix: unit }
      : { apply: identity, suffix: ' ' + unit };
  return { scale: () => scale };
}

/** Geometric ladder (`scaledUnits`): index = floor(log_factor |v|), clamped to the ladder. */
export function scaledUnits(factor: number, exts: readonly string[], offset = 0): UnitScaler {
  return (v) => {
    const idx = v === 0 || !Number.isFinite(v) ? 0 : Math.floor(logb(factor, Math.abs(v)));
    const suffix = exts[clamp(offset + idx, 0, exts.length - 1)] ?? '';
    const power = clamp(idx, -offset, exts.length - offset - 1);
    return { apply: (x) => x / factor ** power, suffix };
  };
}

const SI_PREFIXES = ['f', 'p', 'n', 'µ', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
const SI_BASE_INDEX = SI_PREFIXES.indexOf('');
const BIN_PREFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'Zi', 'Yi'];

/** SI ladder in steps of 1000, both up and down (`SIPrefix`); offset = prefix of the input. */
export function siPrefix(unit: string, offset = 0): UnitDef {
  const exts = SI_PREFIXES.map((p) => ' ' + p + unit);
  return { scale: scaledUnits(1000, exts, SI_BASE_INDEX + offset) };
}

/** IEC ladder in steps of 1024 (`binaryPrefix`); offset = prefix of the input. */
export function binaryPrefix(unit: string, offset = 0): UnitDef {
  const exts = BIN_PREFIXES.map((p) => ' ' + p + unit);
  return { scale: scaledUnits(1024, exts, offset) };
}

/** Offset of a leading SI prefix character (`getOffsetFromSIPrefix`; µ and μ both count), 0 when none. */
export function siOffset(c: string): number {
  const i = SI_PREFIXES.findIndex((p) => p !== '' && p.normalize('NFKD') === c.normalize('NFKD'));
  return i < 0 ? 0 : i - SI_BASE_INDEX;
}

const COUNT_EXTS = ['', 'K', 'M', 'B', 'T'];

/** `simpleCountUnit`: 1.50K req/s. */
export function countUnit(symbol: string): UnitDef {
  const inner = scaledUnits(1000, COUNT_EXTS);
  return {
    scale: (v) => {
      const s = inner(v);
      return { apply: s.apply, suffix: `${s.suffix ?? ''} ${symbol}` };
    },
  };
}

/** `currency`: symbol as prefix (or suffix), sign in front of the symbol: -$1.50K. */
export function currency(symbol: string, asSuffix = false): UnitDef {
  const inner = scaledUnits(1000, COUNT_EXTS);
  return {
    scale: (v) => {
      const s = inner(Math.abs(v));
      const neg = v < 0;
      const apply = (x: number): number => s.apply(Math.abs(x));
      if (asSuffix) {
        return neg
          ? { apply, prefix: '-', suffix: `${s.suffix ?? ''}${symbol}` }
          : { apply, suffix: `${s.suffix ?? ''}${symbol}` };
      }
      return { apply, prefix: (neg ? '-' : '') + symbol, suffix: s.suffix ?? '' };
    },
  };
}

type Rung = readonly [below: number, apply: (x: number) => number, suffix: string];

/** A ladder of explicit rungs: the first whose bound exceeds |v| wins, the last otherwise. */
function ladder(
  rungs: readonly Rung[],
  last: readonly [(x: number) => number, string],
): UnitScaler {
  return (v) => {
    const a = Math.abs(v);
    for (const [below, apply, suffix] of rungs) {
      if (a < below) return { apply, suffix };
    }
    return { apply: last[0], suffix: last[1] };
  };
}

const div =
  (d: number) =>
  (x: number): number =>
    x / d;
export const mul =
  (m: number) =>
  (x: number): number =>
    x * m;

export const toNanoSeconds = ladder(
  [
    [1000, identity, ' ns'],
    [1e6, div(1000), ' µs'],
    [1e9, div(1e6), ' ms'],
    [6e10, div(1e9), ' s'],
    [3.6e12, div(6e10), ' min'],
    [8.64e13, div(3.6e12), ' hour'],
  ],
  [div(8.64e13), ' day'],
);
export const toMicroSeconds = ladder(
  [
    [1000, identity, ' µs'],
    [1e6, div(1000), ' ms'],
  ],
  [div(1e6), ' s'],
);
export const toMilliSeconds = ladder(
  [
    [1000, identity, ' ms'],
    [60000, div(1000), ' s'],
    [3600000, div(60000), ' min'],
    [86400000, div(3600000), ' hour'],
    [31536000000, div(86400000), ' day'],
  ],
  [div(31536000000), ' year'],
);
export const toSeconds = ladder(
  [
    [1e-6, mul(1e9), ' ns'],
    [1e-3, mul(1e6), ' µs'],
    [1, mul(1e3), ' ms'],
    [60, identity, ' s'],
    [3600, div(60), ' min'],
    [86400, div(3600), ' hour'],
    [604800, div(86400), ' day'],
    [31536000, div(604800), ' week'],
  ],
  [div(3.15569e7), ' year'],
);
export const toMinutes = ladder(
  [
    [60, identity, ' min'],
    [1440, div(60), ' hour'],
    [10080, div(1440), ' day'],
    [604800, div(10080), ' week'],
  ],
  [div(5.25948e5), ' year'],
);
export const toHours = ladder(
  [
    [24, identity, ' hour'],
    [168, div(24), ' day'],
    [8760, div(168), ' week'],
  ],
  [div(8760), ' year'],
);
export const toDays = ladder(
  [
    [7, identity, ' day'],
    [365, div(7), ' week'],
  ],
  [div(365), ' year'],
);

export function bool(t: string, f: string): UnitDef {
  return { format: (v) => ({ text: v ? t : f }) };
}

export function hex(v: number, decimals?: number): string {
  return parseFloat(toFixed(v, decimals)).toString(16).toUpperCase();
}
