/**
 * Grafana value mappings (`fieldConfig.mappings`): value → text/colour, range → …, regex → …,
 * special values (null, NaN, true, false, empty) → …. The first mapping that matches wins, in
 * array order, exactly like Grafana's `getValueMappingResult`. Malformed entries are skipped.
 */

/** What a matching mapping displays; absent fields keep the normal formatting/colour. */
export interface MappingResult {
  text?: string;
  color?: string;
  index?: number;
}

/** A value a mapping can be applied to (numbers from series, strings from labels or tables). */
export type MappableValue = number | string | boolean | null | undefined;

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Keeps only the well-typed fields of a result object; undefined when it is not an object. */
function toResult(x: unknown): MappingResult | undefined {
  if (!isObj(x)) return undefined;
  const out: MappingResult = {};
  if (typeof x.text === 'string') out.text = x.text;
  else if (typeof x.text === 'number') out.text = String(x.text);
  if (typeof x.color === 'string' && x.color !== '') out.color = x.color;
  if (typeof x.index === 'number') out.index = x.index;
  return out;
}

/** Range bound: numbers and numeric strings count, null/undefined is open, anything else is ignored. */
function bound(x: unknown, open: number): number {
  if (x === null || x === undefined) return open;
  const n = typeof x === 'number' ? x : typeof x === 'string' ? parseFloat(x) : NaN;
  return Number.isNaN(n) ? open : n;
}

/** Grafana's `stringToJsRegex`: "/re/flags" literal, or a bare pattern anchored with ^…$. */
function toRegex(pattern: string): RegExp {
  if (!pattern.startsWith('/')) return new RegExp('^' + pattern + '$');
  const m = /^\/(.*?)\/(g?i?m?y?s?)$/.exec(pattern);
  if (!m) throw new Error(`'${pattern}' is not a valid regular expression.`);
  return new RegExp(m[1] ?? '', m[2]);
}

const isNaNValue = (v: MappableValue): boolean => typeof v === 'number' && Number.isNaN(v);

function matchSpecial(match: unknown, v: MappableValue): boolean {
  switch (match) {
    case 'null':
      return v === null || v === undefined;
    case 'nan':
      return isNaNValue(v);
    case 'null+nan':
      return v === null || v === undefined || isNaNValue(v);
    case 'true':
      return v === true || v === 'true';
    case 'false':
      return v === false || v === 'false';
    case 'empty':
      return v === '';
    default:
      return false;
  }
}

function applyOne(m: Obj, value: MappableValue): MappingResult | undefined {
  const options = m.options;
  if (!isObj(options)) return undefined;
  switch (m.type) {
    case 'value': {
      if (value === null || value === undefined) return undefined;
      const key = String(value);
      if (!Object.prototype.hasOwnProperty.call(options, key)) return undefined;
      return toResult(options[key]);
    }
    case 'range': {
      if (value === null || value === undefined) return undefined;
      const v = typeof value === 'number' ? value : parseFloat(String(value));
      if (Number.isNaN(v)) return undefined;
      if (v < bound(options.from, -Infinity) || v > bound(options.to, Infinity)) return undefined;
      return toResult(options.result);
    }
    case 'regex': {
      // Grafana applies regex mappings to string values only.
      if (typeof value !== 'string' || typeof options.pattern !== 'string') return undefined;
      let re: RegExp;
      try {
        re = toRegex(options.pattern);
      } catch {
        return undefined;
      }
      if (!re.test(value)) return undefined;
      re.lastIndex = 0;
      const result = toResult(options.result);
      if (!result) return undefined;
      // The result text may use capture groups ($1); Grafana replaces the match in the value.
      if (result.text !== undefined) result.text = value.replace(re, result.text);
      return result;
    }
    case 'special':
      return matchSpecial(options.match, value) ? toResult(options.result) : undefined;
    default:
      return undefined;
  }
}

/**
 * The first mapping that matches the value, or undefined. Value mappings compare `String(value)`
 * with the keys ("1", "1.5", "NaN"); range bounds are inclusive and may be open (null); regex
 * mappings match strings only; special matches: null, nan, null+nan, true, false, empty.
 */
export function applyMappings(value: MappableValue, mappings: unknown): MappingResult | undefined {
  if (!Array.isArray(mappings)) return undefined;
  for (const m of mappings) {
    if (!isObj(m)) continue;
    const r = applyOne(m, value);
    if (r) return r;
  }
  return undefined;
}
