// Pure parts of the version history screen: a readable diff of two versions (grouped by panel,
// with labels a user recognises instead of JSON paths), the timestamps shown, and which two
// versions a selection compares.

import { diffJson, type DiffLine } from '../../state/diff';

/** One changed field, as shown: `before` / `after` are display text ('' = absent). */
export interface ShownChange {
  /** "Title", "Query A › expr", "Panel" (a panel added or removed) */
  label: string;
  kind: DiffLine['kind'];
  before: string;
  after: string;
}

/** The changes of one part of the dashboard (its own fields, or one panel). */
export interface ChangeGroup {
  /** "Dashboard" or `Panel “CPU” (id 2)` */
  title: string;
  changes: ShownChange[];
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A value as text: strings as they are (queries read as queries), the rest as pretty JSON. */
export function displayValue(v: unknown, max = 2000): string {
  if (v === undefined) return '';
  const s = typeof v === 'string' ? v : (JSON.stringify(v, null, 2) ?? String(v));
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Panels of a dashboard value by id (top level and inside rows). */
function panelsById(d: unknown): Map<number, Obj> {
  const out = new Map<number, Obj>();
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const p of list)
      if (isObj(p) && typeof p.id === 'number') {
        out.set(p.id, p);
        walk(p.panels);
      }
  };
  walk(isObj(d) ? d.panels : undefined);
  return out;
}

/** `targets[0].expr` in a panel → `Query A › expr` (the target's refId when it has one). */
function readableRest(rest: string, panel: Obj | undefined): string {
  const targets = panel && Array.isArray(panel.targets) ? panel.targets : [];
  const parts = rest
    .replace(/^\./, '')
    .replace(/^targets\[(\d+)\]/, (_m, i: string) => {
      const t: unknown = targets[Number(i)];
      const ref = isObj(t) && typeof t.refId === 'string' ? t.refId : String(Number(i) + 1);
      return `Query ${ref}`;
    })
    .split('.')
    .filter(Boolean);
  return parts.length ? parts.map((p, i) => (i === 0 ? capital(p) : p)).join(' › ') : 'Panel';
}

const PANEL_PATH = /^panels\[id=(\d+)\]((?:\.panels\[id=\d+\])*)(.*)$/;

/**
 * The changes from version `older` to version `newer`, grouped: the dashboard's own fields
 * first, then each panel that changed (by id, so moving or adding panels does not show every
 * later panel as changed). The stored `version` field (the revision) is left out.
 */
export function diffVersions(older: unknown, newer: unknown): ChangeGroup[] {
  const before = panelsById(older);
  const after = panelsById(newer);
  const groups = new Map<string, ChangeGroup>();
  const group = (title: string) => {
    let g = groups.get(title);
    if (!g) groups.set(title, (g = { title, changes: [] }));
    return g;
  };
  for (const line of diffJson(older, newer, ['version'])) {
    const shown = {
      kind: line.kind,
      before: displayValue(line.before),
      after: displayValue(line.after),
    };
    const m = PANEL_PATH.exec(line.path);
    if (!m) {
      group('Dashboard').changes.push({ ...shown, label: readableRest(line.path, undefined) });
      continue;
    }
    // a change inside a row's panel belongs to that panel
    const nested = [...m[2]!.matchAll(/\[id=(\d+)\]/g)].map((x) => Number(x[1]));
    const id = nested.length ? nested[nested.length - 1]! : Number(m[1]);
    const panel = after.get(id) ?? before.get(id);
    const title = typeof panel?.title === 'string' && panel.title ? `“${panel.title}”` : 'untitled';
    group(`Panel ${title} (id ${id})`).changes.push({
      ...shown,
      label: readableRest(m[3]!, panel),
    });
  }
  return [...groups.values()];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-05 12:30:01` in the browser's time zone. */
export function formatSavedAt(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function savedAgo(ms: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - ms) / 1000));
  const unit = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'} ago`;
  if (s < 45) return 'just now';
  if (s < 3600) return unit(Math.max(1, Math.round(s / 60)), 'minute');
  if (s < 86_400) return unit(Math.round(s / 3600), 'hour');
  return unit(Math.round(s / 86_400), 'day');
}

/**
 * Ticks a version in the compare selection: at most two are kept (ticking a third drops the
 * oldest tick). Returns the new selection, in the order ticked.
 */
export function toggleCompare(selected: readonly number[], revision: number): number[] {
  if (selected.includes(revision)) return selected.filter((r) => r !== revision);
  return [...selected, revision].slice(-2);
}

/** The two ticked revisions as [older, newer], or null unless exactly two are ticked. */
export function comparePair(selected: readonly number[]): [number, number] | null {
  if (selected.length !== 2) return null;
  const [a, b] = selected as [number, number];
  return a < b ? [a, b] : [b, a];
}
