import type { Thresholds } from '../model/dashboard';
import { isUnsafeKey } from '../model/limits';
import { arr, cloneJson, isObj, num, str, type Notes, type Obj } from './util';

/** Grafana reducer aliases (singlestat `valueName`, graph legend flags) → reducer ids. */
const CALC_ALIASES: Record<string, string> = {
  current: 'lastNotNull',
  avg: 'mean',
  total: 'sum',
  first: 'firstNotNull',
  last_time: 'lastNotNull',
  name: 'lastNotNull',
};

/** A reducer id as Scry names it (`avg` → `mean`, `current` → `lastNotNull`, …). */
export const normalizeCalc = (id: string): string => CALC_ALIASES[id] ?? id;

/** A list of reducer ids, aliases resolved, non-strings dropped. */
export const normalizeCalcs = (raw: unknown): string[] =>
  arr(raw)
    .filter((c): c is string => typeof c === 'string' && c !== '')
    .map(normalizeCalc);

/** Grafana's `decimals` as Scry accepts it (whole number 0–20), undefined for none. */
export function decimalsOf(raw: unknown): number | undefined {
  const d = num(raw);
  if (d === undefined || d < 0) return undefined;
  return Math.min(20, Math.round(d));
}

/**
 * Thresholds in the steps form. Accepts `{mode, steps}` and the Grafana 6 bare array of steps;
 * steps are sorted by value and the first becomes the base (−∞), as Grafana does on load.
 */
export function convertThresholds(raw: unknown): Thresholds | undefined {
  let stepsRaw: unknown[];
  let mode: Thresholds['mode'] = 'absolute';
  if (Array.isArray(raw)) stepsRaw = raw;
  else if (isObj(raw)) {
    stepsRaw = arr(raw.steps);
    if (raw.mode === 'percentage') mode = 'percentage';
  } else return undefined;
  const steps: Thresholds['steps'] = [];
  for (const s of stepsRaw) {
    if (!isObj(s)) continue;
    const color = str(s.color) ?? 'green';
    if (s.value === null || s.value === undefined || s.value === '-Infinity') {
      steps.push({ value: null, color });
      continue;
    }
    const v = num(s.value);
    if (v !== undefined) steps.push({ value: v, color });
  }
  if (steps.length === 0) return undefined;
  steps.sort((a, b) => (a.value ?? -Infinity) - (b.value ?? -Infinity));
  steps[0] = { ...steps[0]!, value: null };
  return { mode, steps };
}

/** Singlestat `thresholds: "80,95"` with `colors[3]` → steps (one more colour than levels). */
export function singlestatThresholds(thresholds: unknown, colors: unknown): Thresholds | undefined {
  const palette = arr(colors).filter((c): c is string => typeof c === 'string');
  const cols = palette.length ? palette : ['#299c46', 'rgba(237, 129, 40, 0.89)', '#d44a3a'];
  const text = typeof thresholds === 'number' ? String(thresholds) : str(thresholds);
  if (!text || text.trim() === '') return undefined;
  const levels = text
    .split(',')
    .map((t) => num(t))
    .filter((n): n is number => n !== undefined);
  const steps: Thresholds['steps'] = [{ value: null, color: cols[0]! }];
  levels.forEach((v, i) => {
    const color = cols[i + 1];
    if (color !== undefined) steps.push({ value: v, color });
  });
  return { mode: 'absolute', steps };
}

const MODERN_MAPPING_TYPES = new Set(['value', 'range', 'regex', 'special']);

/**
 * Angular value maps (`{value, text}`, value "null" = no value) and range maps (`{from, to, text}`)
 * → Grafana's current mapping shapes, keeping their order as the mapping index. A value named
 * `__proto__`, `constructor` or `prototype` is skipped (with a note): it would otherwise be
 * assigned as a key of the mapping object and reach its prototype.
 */
export function legacyMappings(
  valueMaps: unknown[],
  rangeMaps: unknown[],
  notes?: Notes,
  path = '',
): Obj[] {
  const out: Obj[] = [];
  let index = 0;
  const values: Obj = {};
  let valueEntry: Obj | undefined;
  for (const m of valueMaps) {
    if (!isObj(m)) continue;
    const text = str(m.text) ?? (m.text === undefined || m.text === null ? '' : String(m.text));
    const value =
      typeof m.value === 'number' ? String(m.value) : (str(m.value)?.trim() ?? undefined);
    if (value === undefined || value === '') continue;
    if (value === 'null') {
      out.push({ type: 'special', options: { match: 'null', result: { text, index: index++ } } });
      continue;
    }
    if (isUnsafeKey(value)) {
      notes?.warn(path, `Value mapping for "${value}" skipped: the name is reserved`);
      continue;
    }
    values[value] = { text, index: index++ };
    if (!valueEntry) {
      valueEntry = { type: 'value', options: values };
      out.push(valueEntry);
    }
  }
  for (const m of rangeMaps) {
    if (!isObj(m)) continue;
    const from = m.from === 'null' ? undefined : num(m.from);
    const to = m.to === 'null' ? undefined : num(m.to);
    if (from === undefined && to === undefined) continue;
    const text = str(m.text) ?? '';
    out.push({
      type: 'range',
      options: { from: from ?? null, to: to ?? null, result: { text, index: index++ } },
    });
  }
  return out;
}

/** `fieldConfig.defaults.mappings` (current shapes, or the Grafana 7.0–7.3 numbered ones). */
export function convertMappings(raw: unknown, path: string, notes: Notes): Obj[] | undefined {
  const list = arr(raw);
  if (list.length === 0) return undefined;
  const out: Obj[] = [];
  const legacyValues: unknown[] = [];
  const legacyRanges: unknown[] = [];
  let skipped = 0;
  for (const m of list) {
    if (!isObj(m)) continue;
    if (typeof m.type === 'string' && MODERN_MAPPING_TYPES.has(m.type) && isObj(m.options)) {
      out.push(cloneJson(m));
    } else if (m.type === 1) legacyValues.push(m);
    else if (m.type === 2) legacyRanges.push(m);
    else skipped++;
  }
  out.push(...legacyMappings(legacyValues, legacyRanges, notes, path));
  if (skipped) notes.info(path, `Dropped ${skipped} value mapping(s) of an unknown kind`);
  return out.length ? out : undefined;
}
