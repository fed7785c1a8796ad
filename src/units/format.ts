/**
 * Grafana-compatible value formatting: the same unit ids, the same auto-scaling ladders and the
 * same automatic decimals as `@grafana/data` valueFormats (as shipped in Grafana 9.5–11), so a
 * dashboard imported from Grafana reads the same here.
 *
 * Deliberate differences from Grafana:
 * - NaN prints "NaN" and ±Infinity print "+Inf" / "-Inf" (Prometheus' spelling), with no unit.
 * - `time:<format>` (moment.js patterns) is not supported; it falls back like any unknown id.
 *
 * Unknown unit ids behave like Grafana: the number is printed unscaled (automatic decimals) with
 * the id as suffix, e.g. `formatValue(1532.82, 'widgets', 0)` → "1533 widgets".
 */

import { UNIT_INDEX } from './catalogue';
import { toFixed } from './decimals';
import { bool, countUnit, currency, fixedUnit, identity, siOffset, siPrefix } from './scalers';
import type { FormatOptions, FormattedValue, UnitDef, UnitScaler } from './types';

export type { FormatOptions, FormattedValue } from './types';

/** Joins prefix, text and suffix as Grafana's `formattedValueToString` does. */
export function formattedToString(f: FormattedValue): string {
  return `${f.prefix ?? ''}${f.text}${f.suffix ?? ''}`;
}

/** Custom unit ids: `prefix:x`, `suffix:x`, `si:x` (optional SI prefix on x), `count:x`, `currency:x`, `bool:t/f`. */
function customUnit(id: string): UnitDef | undefined {
  const idx = id.indexOf(':');
  if (idx <= 0) return undefined;
  const key = id.slice(0, idx);
  const sub = id.slice(idx + 1);
  switch (key) {
    case 'prefix':
      return fixedUnit(sub, true);
    case 'suffix':
      return fixedUnit(sub);
    case 'si': {
      const offset = siOffset(sub.charAt(0));
      return siPrefix(offset === 0 ? sub : sub.slice(1), offset);
    }
    case 'count':
      return countUnit(sub);
    case 'currency':
      return currency(sub);
    case 'bool': {
      const slash = sub.indexOf('/');
      return slash >= 0 ? bool(sub.slice(0, slash), sub.slice(slash + 1)) : bool(sub, '-');
    }
    default:
      return undefined;
  }
}

const resolved = new Map<string, UnitDef>();

function resolveUnit(unit: string): UnitDef {
  const known = UNIT_INDEX.get(unit);
  if (known) return known;
  let def = resolved.get(unit);
  if (!def) {
    def = customUnit(unit) ?? fixedUnit(unit);
    if (resolved.size > 500) resolved.clear();
    resolved.set(unit, def);
  }
  return def;
}

/** True when the id is one of the listed units or an alias (custom `x:y` ids are not "known"). */
export function isKnownUnit(unit: string): boolean {
  return UNIT_INDEX.has(unit);
}

/**
 * The unit's scale picker when it is a ladder unit (numbers with a scaled suffix/prefix), for
 * axis labels that share one scale; undefined for text units (durations as text, dates, booleans).
 */
export function unitScaler(unit: string): UnitScaler | undefined {
  return resolveUnit(unit).scale;
}

function nonFinite(value: number): FormattedValue | undefined {
  if (Number.isNaN(value)) return { text: 'NaN' };
  if (value === Infinity) return { text: '+Inf' };
  if (value === -Infinity) return { text: '-Inf' };
  return undefined;
}

/**
 * Formats a value in a Grafana unit. Decimals: fixed when given, else Grafana's automatic choice
 * (`decimalsForValue` of the scaled value). Date units take epoch milliseconds.
 */
export function formatValue(
  value: number,
  unit: string,
  decimals?: number,
  options: FormatOptions = {},
): FormattedValue {
  const nf = nonFinite(value);
  if (nf) return nf;
  const def = resolveUnit(unit);
  const special = def.special?.(value);
  if (special) return special;
  if (def.format) return def.format(value, decimals, options);
  const scale = def.scale ? def.scale(value) : { apply: identity };
  const out: FormattedValue = { text: toFixed(scale.apply(value), decimals) };
  if (scale.prefix !== undefined) out.prefix = scale.prefix;
  if (scale.suffix !== undefined) out.suffix = scale.suffix;
  return out;
}

/** `formattedToString(formatValue(…))` in one call. */
export function formatValueToString(
  value: number,
  unit: string,
  decimals?: number,
  options?: FormatOptions,
): string {
  return formattedToString(formatValue(value, unit, decimals, options));
}
