/**
 * What the dashboard grid shows: rows (collapsed ones without their panels), panels repeated per
 * value of a variable (`repeat`, `repeatDirection` h|v, `maxPerRow`) and rows repeated with
 * their panels. Each copy gets its own scope: the repeat variable with a single value. Pure.
 */
import type { Panel } from '../model/dashboard';
import { byPosition, sections } from '../model/rows';
import {
  ALL_VALUE,
  asArray,
  interpolate,
  lookupVar,
  type Scope,
  type VariableValue,
} from './interpolate';

const COLS = 24;
export const DEFAULT_MAX_PER_ROW = 4;

export interface GridItem {
  /** React / grid key: the panel id for the original, `id~value` (and `@value` in row copies) */
  key: string;
  /** the panel as drawn: grid position on screen, title with variables replaced */
  panel: Panel;
  /** the panel in the dashboard model (what edit actions work on) */
  source: Panel;
  /** a repeat copy (its position is derived, not saved) */
  copy: boolean;
  /** variables this copy sees differently (the repeat variables, one value each) */
  scope?: Record<string, VariableValue>;
  /** drawn y − model y (for writing positions back) */
  dy: number;
  /** rows: number of panels folded inside */
  folded?: number;
}

interface RepeatValue {
  value: string;
  text: string;
}

/** The values a variable repeats over: the selection, or every option for All. */
export function repeatValues(name: string | undefined, scope: Scope): RepeatValue[] | undefined {
  if (!name) return undefined;
  const v = lookupVar(scope, name);
  if (!v) return undefined;
  const values = asArray(v.value);
  const isAll = v.isAll || (values.length === 1 && values[0] === ALL_VALUE);
  if (isAll) return (v.options ?? []).map((o) => ({ value: o, text: o }));
  const texts = asArray(v.text ?? v.value);
  return values.map((value, i) => ({ value, text: texts[i] ?? value }));
}

function single(name: string, scope: Scope, r: RepeatValue): Record<string, VariableValue> {
  const base = scope[name]!;
  const { isAll: _all, ...rest } = base;
  return { [name]: { ...rest, value: r.value, text: r.text } };
}

const title = (p: Panel, scope: Scope): string =>
  p.title.includes('$') || p.title.includes('[[') ? interpolate(p.title, scope, 'text') : p.title;

/**
 * Places one section's panels (sorted) from model y `fromY` to screen y `toY`, expanding panel
 * repeats; panels below a repeat move down by the height it added. Returns the bottom.
 */
function placePanels(
  panels: Panel[],
  fromY: number,
  toY: number,
  scope: Scope,
  over: Record<string, VariableValue> | undefined,
  suffix: string,
  out: GridItem[],
): number {
  const shifts: { at: number; by: number }[] = [];
  let bottom = toY;
  const sc: Scope = over ? { ...scope, ...over } : scope;
  for (const p of [...panels].sort(byPosition)) {
    const extra = shifts.reduce((s, x) => (p.gridPos.y >= x.at ? s + x.by : s), 0);
    const y = p.gridPos.y - fromY + toY + extra;
    const values = repeatValues(p.repeat, sc);
    // one value (or none) keeps the panel as laid out; several fill lines of maxPerRow, or a column
    const copies: (RepeatValue | undefined)[] = values?.length ? values : [undefined];
    const n = copies.length;
    const { h } = p.gridPos;
    const keep = n === 1 || p.repeatDirection === 'v';
    const perRow = keep ? 1 : Math.max(1, Math.min(n, p.maxPerRow ?? DEFAULT_MAX_PER_ROW));
    const w = keep ? p.gridPos.w : Math.max(1, Math.floor(COLS / perRow));
    copies.forEach((r, i) => {
      const own = r ? { ...over, ...single(p.repeat!, sc, r) } : over;
      const s = own ? { ...scope, ...own } : scope;
      const gridPos = keep
        ? { ...p.gridPos, y: y + i * h }
        : { x: (i % perRow) * w, y: y + Math.floor(i / perRow) * h, w, h };
      out.push({
        key: i === 0 ? `${p.id}${suffix}` : `${p.id}~${r!.value}${suffix}`,
        panel: { ...p, title: title(p, s), gridPos },
        source: p,
        copy: suffix !== '' || i > 0,
        ...(own ? { scope: own } : {}),
        dy: gridPos.y - p.gridPos.y,
      });
    });
    const total = Math.ceil(n / perRow) * h;
    if (total > h) shifts.push({ at: p.gridPos.y + h, by: total - h });
    bottom = Math.max(bottom, y + total);
  }
  return bottom;
}

/** The grid items of a dashboard for the current variable values. */
export function expandGrid(panels: readonly Panel[], scope: Scope): GridItem[] {
  const s = sections(panels);
  const out: GridItem[] = [];
  let y = placePanels(s.top, 0, 0, scope, undefined, '', out);
  for (const { row, panels: loose } of s.rows) {
    const values = repeatValues(row.repeat, scope);
    const copies: (RepeatValue | undefined)[] = values && values.length ? values : [undefined];
    copies.forEach((r, i) => {
      const over = r && row.repeat ? single(row.repeat, scope, r) : undefined;
      const suffix = i === 0 ? '' : `@${r!.value}`;
      const sc = over ? { ...scope, ...over } : scope;
      out.push({
        key: `${row.id}${suffix}`,
        panel: { ...row, title: title(row, sc), gridPos: { x: 0, y, w: COLS, h: 1 } },
        source: row,
        copy: i > 0,
        ...(over ? { scope: over } : {}),
        dy: y - row.gridPos.y,
        folded: row.collapsed ? (row.panels?.length ?? 0) : 0,
      });
      const fromY = loose.length ? Math.min(...loose.map((p) => p.gridPos.y)) : row.gridPos.y + 1;
      y = Math.max(y + 1, placePanels(loose, fromY, y + 1, scope, over, suffix, out));
    });
  }
  return out;
}

/** Grid positions reported by the grid → model positions of the originals (copies dropped). */
export function itemsToModel<L extends { i: string; y: number }>(
  layout: readonly L[],
  items: readonly GridItem[],
): L[] {
  const byKey = new Map(items.map((it) => [it.key, it]));
  const out: L[] = [];
  for (const l of layout) {
    const it = byKey.get(l.i);
    if (!it || it.copy) continue;
    out.push({ ...l, i: String(it.source.id), y: Math.max(0, l.y - it.dy) });
  }
  return out;
}

/**
 * The panel `viewPanel=<key>` shows full screen: the grid item with that key (a repeat copy's key
 * is `id~value`, so the copy keeps its own value), else — the copy is gone after a new selection,
 * or an older link — the item of that panel id (the original, with the first value). Rows and
 * panels folded in a collapsed row are never viewed.
 */
export function findViewedItem(
  panels: readonly Panel[],
  scope: Scope,
  key: string | null,
): GridItem | undefined {
  if (!key) return undefined;
  const items = expandGrid(panels, scope).filter((it) => it.source.type !== 'row');
  const exact = items.find((it) => it.key === key);
  if (exact) return exact;
  const id = /^\d+/.exec(key)?.[0];
  if (id === undefined) return undefined;
  return items.find((it) => it.key === id);
}
