/** Small readers for untrusted JSON (stored options, Grafana dashboards): every accessor checks
 * the type it returns. */

/** A plain JSON object. */
export type Obj = Record<string, unknown>;

/** True for a plain object (not null, not an array). */
export const isObj = (x: unknown): x is Obj =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The object at `x`, or an empty one. */
export const obj = (x: unknown): Obj => (isObj(x) ? x : {});

/** The array at `x`, or an empty one. */
export const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** A string, or undefined for anything else. */
export const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** A finite number; numeric strings ("80", " 1.5 ") count, as Grafana stores some numbers as text. */
export function num(x: unknown): number | undefined {
  if (typeof x === 'number') return Number.isFinite(x) ? x : undefined;
  if (typeof x === 'string' && x.trim() !== '') {
    const n = Number(x.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A boolean, or undefined for anything else. */
export const bool = (x: unknown): boolean | undefined => (typeof x === 'boolean' ? x : undefined);

/** A deep copy of a JSON value (Grafana JSON has no functions, dates or cycles). */
export function cloneJson<T>(x: T): T {
  return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}

/** Copies the listed keys of `src` that are present (and not null) into a new object. */
export function pick(src: Obj, keys: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of keys) {
    const v = src[k];
    if (v !== undefined && v !== null) out[k] = cloneJson(v);
  }
  return out;
}

/** `v` when it is one of `allowed`, else `fallback` (reading stored panel options). */
export const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
  typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
