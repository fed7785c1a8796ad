/** Small readers for untrusted Grafana JSON: every accessor checks the type it returns. */

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

/** One line of the compatibility report. `path` points into the Grafana JSON (`panels[3].targets[1]`). */
export interface ImportNote {
  level: 'info' | 'warning';
  path: string;
  message: string;
}

/** Collects report notes while converting. */
export class Notes {
  private readonly notes: ImportNote[] = [];
  private readonly once = new Set<string>();
  private readonly tallies = new Map<
    string,
    { level: ImportNote['level']; path: string; count: number; message: (n: number) => string }
  >();

  /** The notes so far, tallies last (one note each, at their first path). */
  get list(): ImportNote[] {
    const tallied = [...this.tallies.values()].map((t) => ({
      level: t.level,
      path: t.path,
      message: t.message(t.count),
    }));
    return [...this.notes, ...tallied];
  }

  /** Counts a repeated change under `key`; reported once, with the count, at the first path. */
  tally(
    key: string,
    level: ImportNote['level'],
    path: string,
    message: (count: number) => string,
  ): void {
    const t = this.tallies.get(key);
    if (t) t.count++;
    else this.tallies.set(key, { level, path, count: 1, message });
  }

  /** Something changed or was dropped that does not change what the panel shows. */
  info(path: string, message: string): void {
    this.notes.push({ level: 'info', path, message });
  }

  /** Something was dropped or changed that the user will see. */
  warn(path: string, message: string): void {
    this.notes.push({ level: 'warning', path, message });
  }

  /** Adds the note only the first time `key` is seen. */
  infoOnce(key: string, path: string, message: string): void {
    if (this.once.has(key)) return;
    this.once.add(key);
    this.info(path, message);
  }
}
