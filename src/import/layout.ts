import type { GridPos } from '../model/dashboard';
import { arr, isObj, num, obj, str, type Notes, type Obj } from './util';

/** A Grafana panel or row found in the dashboard, in reading order, with its Scry grid position. */
export interface PlacedPanel {
  raw: Obj;
  /** where it is in the Grafana JSON (`panels[2].panels[0]`, `rows[1].panels[3]`) */
  path: string;
  gridPos: GridPos;
  /** a row (`type: "row"`, or a shown legacy row) */
  row?: boolean;
  /** a panel folded in a collapsed row: the index of that row in the list */
  parent?: number | undefined;
}

const COLS = 24;
const MAX_H = 200;
/** Grafana's default size of a new panel. */
const DEFAULT_W = 12;
const DEFAULT_H = 8;
/** Grafana's defaults for legacy rows: 250px rows, span 4 of 12. */
const LEGACY_ROW_HEIGHT_PX = 250;
const LEGACY_SPAN = 4;
const CELL_PX = 30;

const clampInt = (v: number, lo: number, hi: number): number =>
  Math.min(hi, Math.max(lo, Math.round(v)));

/** Legacy heights: 250, "250px" or "250" → grid units (30 px each), at least 1. */
export function legacyHeightToGrid(height: unknown): number | undefined {
  const px =
    typeof height === 'number' ? height : typeof height === 'string' ? parseFloat(height) : NaN;
  if (!Number.isFinite(px) || px <= 0) return undefined;
  return clampInt(px / CELL_PX, 1, MAX_H);
}

/** A panel's gridPos rounded and clamped to the 24-column grid; undefined when it is unusable. */
export function normalizeGridPos(raw: unknown): GridPos | undefined {
  if (!isObj(raw)) return undefined;
  const w0 = num(raw.w);
  const h0 = num(raw.h);
  if (w0 === undefined || h0 === undefined) return undefined;
  const w = clampInt(w0, 1, COLS);
  const h = clampInt(h0, 1, MAX_H);
  const x = clampInt(num(raw.x) ?? 0, 0, COLS - w);
  const y = Math.max(0, Math.round(num(raw.y) ?? 0));
  return { x, y, w, h };
}

const samePos = (raw: Obj, p: GridPos): boolean =>
  raw.x === p.x && raw.y === p.y && raw.w === p.w && raw.h === p.h;

/** Places panels left to right, wrapping at 24 columns, starting at row `y`. */
class Flow {
  private x = 0;
  private lineH = 0;
  constructor(private y: number) {}
  place(w: number, h: number): GridPos {
    if (this.x + w > COLS) {
      this.y += this.lineH;
      this.x = 0;
      this.lineH = 0;
    }
    const pos = { x: this.x, y: this.y, w, h };
    this.x += w;
    this.lineH = Math.max(this.lineH, h);
    return pos;
  }
  get bottom(): number {
    return this.y + this.lineH;
  }
}

interface Item {
  raw: Obj;
  path: string;
}

/**
 * Lays out one section (the panels of one row): panels with a gridPos keep their relative
 * positions, shifted so the section starts at `top`; panels without one flow in after them.
 */
function placeSection(items: Item[], top: number, notes: Notes, out: PlacedPanel[]): number {
  const withPos: { item: Item; pos: GridPos }[] = [];
  const without: Item[] = [];
  for (const item of items) {
    const pos = normalizeGridPos(item.raw.gridPos);
    if (pos) {
      if (!samePos(obj(item.raw.gridPos), pos)) {
        notes.info(
          `${item.path}.gridPos`,
          `Grid position ${JSON.stringify(item.raw.gridPos)} rounded/clamped to ${JSON.stringify(pos)}`,
        );
      }
      withPos.push({ item, pos });
    } else without.push(item);
  }
  const minY = withPos.reduce((m, p) => Math.min(m, p.pos.y), Infinity);
  let bottom = top;
  const placed: PlacedPanel[] = withPos.map(({ item, pos }) => {
    const gridPos = { ...pos, y: top + pos.y - (Number.isFinite(minY) ? minY : 0) };
    bottom = Math.max(bottom, gridPos.y + gridPos.h);
    return { raw: item.raw, path: item.path, gridPos };
  });
  placed.sort((a, b) => a.gridPos.y - b.gridPos.y || a.gridPos.x - b.gridPos.x);
  out.push(...placed);
  if (without.length) {
    const flow = new Flow(bottom);
    for (const item of without) {
      out.push({ raw: item.raw, path: item.path, gridPos: flow.place(DEFAULT_W, DEFAULT_H) });
      notes.info(`${item.path}`, 'Panel had no grid position; placed after the others');
    }
    bottom = flow.bottom;
  }
  return bottom;
}

interface Section {
  /** the Grafana row opening the section (none for the panels above the first row) */
  row?: Item;
  /** a collapsed row's own panels (folded in Scry too) */
  folded: Item[];
  /** panels shown under the row */
  items: Item[];
}

/** Emits a row at `y` (full width, 1 high); returns its index in `out`. */
function pushRow(row: Item, y: number, out: PlacedPanel[]): number {
  out.push({ raw: row.raw, path: row.path, gridPos: { x: 0, y, w: COLS, h: 1 }, row: true });
  return out.length - 1;
}

/** Emits a row at `y` and its folded panels (laid out under it, `parent` set). */
function placeRow(row: Item, folded: Item[], y: number, notes: Notes, out: PlacedPanel[]): void {
  const index = pushRow(row, y, out);
  if (!folded.length) return;
  const inner: PlacedPanel[] = [];
  placeSection(folded, y + 1, notes, inner);
  for (const p of inner) out.push({ ...p, parent: index });
}

/**
 * Keeps `type: "row"` panels as Scry rows (Grafana's model): an expanded row's panels follow it,
 * a collapsed row keeps its own. Sections are laid out one under the other without gaps.
 */
function modernLayout(panels: unknown[], top: number, notes: Notes, out: PlacedPanel[]): number {
  const sections: Section[] = [{ folded: [], items: [] }];
  panels.forEach((p, i) => {
    if (!isObj(p)) return;
    const path = `panels[${i}]`;
    if (p.type === 'row') {
      const children: Item[] = [];
      arr(p.panels).forEach((c, j) => {
        if (isObj(c)) children.push({ raw: c, path: `${path}.panels[${j}]` });
      });
      const collapsed = p.collapsed === true;
      sections.push({
        row: { raw: p, path },
        folded: collapsed ? children : [],
        items: collapsed ? [] : children,
      });
      return;
    }
    sections[sections.length - 1]!.items.push({ raw: p, path });
  });
  let y = top;
  for (const s of sections) {
    if (s.row) {
      placeRow(s.row, s.folded, y, notes, out);
      y += 1;
    }
    y = placeSection(s.items, y, notes, out);
  }
  return y;
}

/**
 * Lays out legacy `rows[]` (Grafana ≤ 4): `span` of 12 columns, `height` in px. A row with a
 * shown title, folded or repeated becomes a Scry row (Grafana's own migration does the same).
 */
function legacyLayout(rows: unknown[], top: number, out: PlacedPanel[]): number {
  let y = top;
  rows.forEach((row, i) => {
    if (!isObj(row)) return;
    const path = `rows[${i}]`;
    const rowH = legacyHeightToGrid(row.height) ?? legacyHeightToGrid(LEGACY_ROW_HEIGHT_PX)!;
    const shown = row.showTitle === true || row.collapse === true || !!str(row.repeat);
    const collapsed = shown && row.collapse === true;
    let rowIndex: number | undefined;
    if (shown) {
      rowIndex = pushRow({ raw: row, path }, y, out);
      y += 1;
    }
    const flow = new Flow(y);
    arr(row.panels).forEach((p, j) => {
      if (!isObj(p)) return;
      const span = num(p.span) ?? LEGACY_SPAN;
      const w = clampInt(Math.floor(span) * 2, 1, COLS);
      const h = legacyHeightToGrid(p.height) ?? rowH;
      const placed: PlacedPanel = {
        raw: p,
        path: `${path}.panels[${j}]`,
        gridPos: flow.place(w, h),
      };
      if (collapsed) placed.parent = rowIndex;
      out.push(placed);
    });
    if (!collapsed) y = flow.bottom;
  });
  return y;
}

const overlaps = (a: GridPos, b: GridPos): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Moves a panel that overlaps an earlier one down below it. Grafana's grid does the same when it
 * shows the dashboard (generated dashboards, e.g. jsonnet mixins, often overlap), so the panel is
 * where Grafana shows it: no note.
 */
function resolveOverlaps(all: PlacedPanel[]): void {
  // folded panels are off the grid: they are checked among themselves when the row opens
  const placed = all.filter((p) => p.parent === undefined);
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i]!;
    for (;;) {
      const hit = placed.slice(0, i).filter((q) => overlaps(q.gridPos, p.gridPos));
      if (hit.length === 0) break;
      p.gridPos = { ...p.gridPos, y: Math.max(...hit.map((q) => q.gridPos.y + q.gridPos.h)) };
    }
  }
}

/**
 * Every panel and row of a Grafana dashboard in reading order, with its position on Scry's
 * 24-column grid: legacy `rows[]` first (when present), then top-level `panels[]`. Panels folded
 * in a collapsed row come right after it, with `parent` set.
 */
export function layoutPanels(dash: Obj, notes: Notes): PlacedPanel[] {
  const out: PlacedPanel[] = [];
  let y = 0;
  const rows = arr(dash.rows);
  if (rows.length) y = legacyLayout(rows, y, out);
  const panels = arr(dash.panels);
  if (panels.length) modernLayout(panels, y, notes, out);
  resolveOverlaps(out);
  return out;
}
