/**
 * Grafana-compatible URL sync of variable values: `var-NAME=value`, repeated for several values,
 * `$__all` for All; `skipUrlSync` variables stay out of the URL.
 */
import { ALL_VALUE, asArray } from './interpolate';

const URL_PREFIX = 'var-';

/** A variable's selection as the URL sees it. */
export interface UrlVariableState {
  name: string;
  /** the selected value(s); `$__all` (or isAll) for All */
  value: string | string[];
  isAll?: boolean | undefined;
  skipUrlSync?: boolean | undefined;
}

/** What reading needs to know about each variable. */
export interface UrlVariableDef {
  name: string;
  multi?: boolean | undefined;
  includeAll?: boolean | undefined;
  skipUrlSync?: boolean | undefined;
}

/** Read access to query parameters (URLSearchParams fits). */
export interface UrlParamReader {
  getAll(name: string): string[];
  get?(name: string): string | null;
}

export const urlKey = (name: string): string => `${URL_PREFIX}${name}`;

function isAllSelection(v: UrlVariableState): boolean {
  if (v.isAll) return true;
  return Array.isArray(v.value) ? v.value.includes(ALL_VALUE) : v.value === ALL_VALUE;
}

/** `[key, value]` pairs for the URL, in variable order (an empty multi-value writes `var-x=`). */
export function variablesToUrlEntries(vars: readonly UrlVariableState[]): [string, string][] {
  const out: [string, string][] = [];
  for (const v of vars) {
    if (v.skipUrlSync) continue;
    const key = urlKey(v.name);
    if (isAllSelection(v)) {
      out.push([key, ALL_VALUE]);
      continue;
    }
    const values = asArray(v.value);
    if (values.length === 0) out.push([key, '']);
    for (const value of values) out.push([key, value]);
  }
  return out;
}

/**
 * The selections the URL holds, by variable name: `$__all` for All (also Grafana's legacy `All`
 * when the variable includes All), arrays for multi variables, the first value otherwise.
 * Variables absent from the URL or with skipUrlSync are left out. Whether a value is still an
 * option (or All allowed) is for the resolver to decide.
 */
export function variablesFromUrl(
  params: UrlParamReader,
  defs: readonly UrlVariableDef[],
): Record<string, string | string[]> {
  const out = Object.create(null) as Record<string, string | string[]>;
  for (const d of defs) {
    if (d.skipUrlSync) continue;
    const raw = params.getAll(urlKey(d.name));
    if (raw.length === 0) continue;
    const values = d.includeAll ? raw.map((s) => (s === 'All' ? ALL_VALUE : s)) : raw;
    if (values.includes(ALL_VALUE)) {
      out[d.name] = ALL_VALUE;
      continue;
    }
    if (d.multi) out[d.name] = values.length === 1 && values[0] === '' ? [] : values;
    else out[d.name] = values[0]!;
  }
  return out;
}
