// Recent Explore queries in localStorage, guarded: private mode or a full quota only means no
// history, never an error.

export interface HistoryEntry {
  expr: string;
  /** datasource name ('' = default) */
  ds: string;
  /** epoch ms of the last run */
  at: number;
}

export const HISTORY_KEY = 'scry.explore.history';
export const HISTORY_MAX = 50;

export function loadHistory(): HistoryEntry[] {
  try {
    const raw = localStorage.getItem(HISTORY_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(list)) return [];
    return list.filter(
      (e): e is HistoryEntry =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as HistoryEntry).expr === 'string' &&
        typeof (e as HistoryEntry).ds === 'string' &&
        typeof (e as HistoryEntry).at === 'number',
    );
  } catch {
    return [];
  }
}

/** The list with `entry` on top (an earlier run of the same query moves up), capped. */
export function pushHistory(list: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const rest = list.filter((e) => !(e.expr === entry.expr && e.ds === entry.ds));
  return [entry, ...rest].slice(0, HISTORY_MAX);
}

export function saveHistory(list: readonly HistoryEntry[]): void {
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(list));
  } catch {
    // quota or private mode: the history stays in memory for this tab
  }
}
