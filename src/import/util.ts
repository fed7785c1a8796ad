/** The import report (notes) and, re-exported for the importer, the JSON readers of model/json.ts. */

export { arr, bool, cloneJson, isObj, num, obj, pick, str, type Obj } from '../model/json';

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
