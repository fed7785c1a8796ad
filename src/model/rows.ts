/**
 * Rows, Grafana's model: a row is a panel of type "row" (h 1, w 24). An expanded row's panels
 * follow it in `panels` (by y) down to the next row; a collapsed row keeps them in its own
 * `panels`, so they are not on the grid and run no queries. Pure functions over the panel list.
 */
import { ROW_TYPE, type GridPos, type Panel } from './dashboard';

export const isRow = (p: Pick<Panel, 'type'>): boolean => p.type === ROW_TYPE;

/** Reading order: by y, then x. */
export const byPosition = (a: Panel, b: Panel): number =>
  a.gridPos.y - b.gridPos.y || a.gridPos.x - b.gridPos.x;

export interface RowSection {
  row: Panel;
  /** the panels under an expanded row (top level); for a collapsed row, those after it anyway */
  panels: Panel[];
}

export interface Sections {
  /** panels above the first row */
  top: Panel[];
  rows: RowSection[];
}

/** Splits the top-level panels into the part above the first row and one section per row. */
export function sections(panels: readonly Panel[]): Sections {
  const out: Sections = { top: [], rows: [] };
  for (const p of [...panels].sort(byPosition)) {
    // an expanded row should hold nothing; if it does (hand-written JSON), those are its panels
    if (isRow(p)) out.rows.push({ row: p, panels: p.collapsed ? [] : [...(p.panels ?? [])] });
    else (out.rows[out.rows.length - 1]?.panels ?? out.top).push(p);
  }
  return out;
}

/** The first free grid line below these panels (where a new panel goes). */
export const bottomOf = (ps: readonly Panel[]): number =>
  ps.reduce((m, p) => Math.max(m, p.gridPos.y + p.gridPos.h), 0);
const topOf = (ps: readonly Panel[]): number =>
  ps.length ? Math.min(...ps.map((p) => p.gridPos.y)) : 0;

/** Moves panels so the highest starts at `y`, keeping their relative positions. */
function shiftTo(ps: readonly Panel[], y: number): Panel[] {
  const dy = y - topOf(ps);
  return dy === 0
    ? [...ps]
    : ps.map((p) => ({ ...p, gridPos: { ...p.gridPos, y: p.gridPos.y + dy } }));
}

/** Lays the sections out again from the top (rows at full width), as one panel list. */
export function flatten(s: Sections): Panel[] {
  const out: Panel[] = [...s.top];
  let y = bottomOf(s.top);
  for (const { row, panels } of s.rows) {
    const gridPos: GridPos = { x: 0, y, w: 24, h: 1 };
    const children = row.collapsed ? shiftTo(row.panels ?? [], y + 1) : undefined;
    out.push(children ? { ...row, gridPos, panels: children } : { ...row, gridPos, panels: [] });
    const loose = shiftTo(panels, y + 1);
    out.push(...loose);
    y = Math.max(y + 1, bottomOf(loose));
  }
  return out;
}

/** Every panel, rows' hidden children included (for searches and id checks). */
export function allPanels(panels: readonly Panel[]): Panel[] {
  return panels.flatMap((p) => [p, ...(p.panels ?? [])]);
}

/** How many panels and rows a dashboard has, collapsed rows' panels counted (rows are not panels). */
export function panelCount(panels: readonly Panel[]): { panels: number; rows: number } {
  const all = allPanels(panels);
  const rows = all.filter(isRow).length;
  return { panels: all.length - rows, rows };
}

/** "8 panels in 2 rows", "1 panel" */
export function panelCountText({ panels, rows }: { panels: number; rows: number }): string {
  const n = (k: number, one: string) => `${k.toLocaleString('en')} ${one}${k === 1 ? '' : 's'}`;
  return rows > 0 ? `${n(panels, 'panel')} in ${n(rows, 'row')}` : n(panels, 'panel');
}

/** A panel id not used anywhere (rows' children included). */
export function nextPanelId(panels: readonly Panel[]): number {
  return allPanels(panels).reduce((max, p) => Math.max(max, p.id), 0) + 1;
}

function mapSection(
  panels: readonly Panel[],
  rowId: number,
  fn: (sec: RowSection) => RowSection,
): Panel[] {
  const s = sections(panels);
  const i = s.rows.findIndex((r) => r.row.id === rowId);
  if (i < 0) return [...panels];
  s.rows[i] = fn(s.rows[i]!);
  return flatten(s);
}

/**
 * Folds or unfolds a row, as Grafana does: unfolding puts the row's panels right under it and
 * pushes everything below (panels after the folded row too, keeping their layout) down by their
 * height; folding takes the panels under the row into `row.panels` and pulls the rest up.
 */
export function toggleRow(panels: readonly Panel[], rowId: number): Panel[] {
  return mapSection(panels, rowId, ({ row, panels: loose }) => {
    if (!row.collapsed)
      return {
        row: { ...row, collapsed: true, panels: shiftTo(loose, row.gridPos.y + 1) },
        panels: [],
      };
    const inside = shiftTo(row.panels ?? [], row.gridPos.y + 1);
    const below = shiftTo(loose, Math.max(row.gridPos.y + 1, bottomOf(inside)));
    return { row: { ...row, collapsed: false, panels: [] }, panels: [...inside, ...below] };
  });
}

/** Whether every row of `panels` is unfolded. */
const allUnfolded = (panels: readonly Panel[]): boolean =>
  !panels.some((p) => isRow(p) && p.collapsed);

/**
 * The layout with every row unfolded: two dashboards that differ only in which rows are folded
 * have the same unfolded layout (the fold state is a view choice, not an unsaved change).
 */
export function unfoldAll(panels: readonly Panel[]): Panel[] {
  let out = [...panels];
  for (let guard = 0; !allUnfolded(out) && guard < panels.length; guard++) {
    const folded = out.find((p) => isRow(p) && p.collapsed)!;
    out = toggleRow(out, folded.id);
  }
  return flatten(sections(out))
    .map((p) => (isRow(p) ? { ...p, collapsed: false, panels: [] } : p))
    .sort((a, b) => byPosition(a, b) || a.id - b.id);
}

/** JSON with object keys sorted, so equal values print equally whatever their key order. */
function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/** Whether two dashboards differ in more than which rows are folded. */
export function sameExceptFolds<D extends { panels: Panel[] }>(a: D, b: D): boolean {
  return (
    stableJson({ ...a, panels: unfoldAll(a.panels) }) ===
    stableJson({ ...b, panels: unfoldAll(b.panels) })
  );
}

/** Adds an (expanded) row at the bottom; new panels then land in it. */
export function addRow(panels: readonly Panel[], title = 'Row title'): Panel[] {
  const row: Panel = {
    id: nextPanelId(panels),
    type: ROW_TYPE,
    title,
    description: '',
    gridPos: { x: 0, y: bottomOf(panels), w: 24, h: 1 },
    targets: [],
    fieldConfig: { unit: 'short' },
    options: {},
    collapsed: false,
    panels: [],
  };
  return [...panels, row];
}

export function renameRow(panels: readonly Panel[], rowId: number, title: string): Panel[] {
  return panels.map((p) => (p.id === rowId && isRow(p) ? { ...p, title } : p));
}

/** Swaps a row (with its panels) with the row above (-1) or below (+1). */
export function moveRow(panels: readonly Panel[], rowId: number, delta: -1 | 1): Panel[] {
  const s = sections(panels);
  const i = s.rows.findIndex((r) => r.row.id === rowId);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= s.rows.length) return [...panels];
  [s.rows[i], s.rows[j]] = [s.rows[j]!, s.rows[i]!];
  return flatten(s);
}

/** Removes a row; its panels (folded ones too) stay, in the section above. */
export function removeRow(panels: readonly Panel[], rowId: number): Panel[] {
  const s = sections(panels);
  const i = s.rows.findIndex((r) => r.row.id === rowId);
  if (i < 0) return [...panels];
  const { row, panels: loose } = s.rows[i]!;
  const moved = [...loose, ...shiftTo(row.panels ?? [], bottomOf(loose) || row.gridPos.y + 1)];
  s.rows.splice(i, 1);
  const into = i > 0 ? s.rows[i - 1]!.panels : s.top;
  into.push(...shiftTo(moved, bottomOf(into)));
  return flatten(s);
}
