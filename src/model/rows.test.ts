import { describe, expect, it } from 'vitest';
import { panelSchema, type Panel } from './dashboard';
import {
  addRow,
  allPanels,
  flatten,
  moveRow,
  nextPanelId,
  panelCount,
  panelCountText,
  removeRow,
  renameRow,
  sameExceptFolds,
  sections,
  toggleRow,
  unfoldAll,
} from './rows';

const p = (id: number, y: number, extra: Partial<Panel> = {}): Panel =>
  panelSchema.parse({ id, type: 'timeseries', gridPos: { x: 0, y, w: 12, h: 4 }, ...extra });
const row = (id: number, y: number, extra: Partial<Panel> = {}): Panel =>
  p(id, y, { type: 'row', title: `Row ${id}`, gridPos: { x: 0, y, w: 24, h: 1 }, ...extra });

const ids = (ps: Panel[]) => ps.map((x) => `${x.id}@${x.gridPos.y}`);

// top: 1; row 10 (2, 3); row 20 collapsed (4 inside); row 30 (5)
const dash = (): Panel[] => [
  p(1, 0),
  row(10, 4),
  p(2, 5),
  p(3, 5, { gridPos: { x: 12, y: 5, w: 12, h: 6 } }),
  row(20, 11, { collapsed: true, panels: [p(4, 12)] }),
  row(30, 12),
  p(5, 13),
];

describe('rows', () => {
  it('splits panels into sections by y, rows holding the panels under them', () => {
    const s = sections([...dash()].reverse());
    expect(s.top.map((x) => x.id)).toEqual([1]);
    expect(s.rows.map((r) => [r.row.id, r.panels.map((x) => x.id)])).toEqual([
      [10, [2, 3]],
      [20, []],
      [30, [5]],
    ]);
  });
  it('counts the panels of collapsed rows, and rows apart', () => {
    expect(panelCount(dash())).toEqual({ panels: 5, rows: 3 });
    expect(panelCount([])).toEqual({ panels: 0, rows: 0 });
    expect(panelCountText(panelCount(dash()))).toBe('5 panels in 3 rows');
    expect(panelCountText({ panels: 1, rows: 1 })).toBe('1 panel in 1 row');
    expect(panelCountText({ panels: 10_000, rows: 0 })).toBe('10,000 panels');
  });
  it('flattening a well-formed dashboard keeps it as it is', () => {
    expect(ids(flatten(sections(dash())))).toEqual(ids(dash()));
  });
  it('collapsing moves the panels into the row; expanding puts them back under it', () => {
    const folded = toggleRow(dash(), 10);
    const r10 = folded.find((x) => x.id === 10)!;
    expect(r10.collapsed).toBe(true);
    expect(r10.panels?.map((x) => x.id)).toEqual([2, 3]);
    expect(ids(folded)).toEqual(['1@0', '10@4', '20@5', '30@6', '5@7']);
    const open = toggleRow(folded, 10);
    expect(ids(open)).toEqual(ids(dash()));
    expect(open.find((x) => x.id === 10)).toMatchObject({ collapsed: false, panels: [] });
    const r20 = toggleRow(dash(), 20);
    expect(ids(r20)).toEqual(['1@0', '10@4', '2@5', '3@5', '20@11', '4@12', '30@16', '5@17']);
  });
  it('moves a row with its panels', () => {
    const up = moveRow(dash(), 30, -1);
    expect(ids(up)).toEqual(['1@0', '10@4', '2@5', '3@5', '30@11', '5@12', '20@16']);
    expect(moveRow(dash(), 10, -1)).toEqual(dash());
    expect(moveRow(dash(), 30, 1)).toEqual(dash());
  });
  it('adds, renames and removes rows; ids stay unique across folded panels', () => {
    expect(nextPanelId(dash())).toBe(31);
    expect(nextPanelId([row(1, 0, { collapsed: true, panels: [p(40, 1)] })])).toBe(41);
    const added = addRow(dash(), 'New');
    expect(added.at(-1)).toMatchObject({ id: 31, type: 'row', title: 'New', gridPos: { y: 17 } });
    expect(renameRow(dash(), 10, 'Renamed').find((x) => x.id === 10)?.title).toBe('Renamed');
    const removed = removeRow(dash(), 20);
    expect(allPanels(removed).map((x) => x.id)).toEqual([1, 10, 2, 3, 4, 30, 5]);
    expect(ids(removed)).toEqual(['1@0', '10@4', '2@5', '3@5', '4@11', '30@15', '5@16']);
  });
});

/** Pairs of top-level panels whose rectangles overlap. */
function overlaps(ps: Panel[]): string[] {
  const out: string[] = [];
  for (const [i, a] of ps.entries())
    for (const b of ps.slice(i + 1)) {
      const ga = a.gridPos;
      const gb = b.gridPos;
      if (ga.x < gb.x + gb.w && gb.x < ga.x + ga.w && ga.y < gb.y + gb.h && gb.y < ga.y + ga.h)
        out.push(`${a.id}/${b.id}`);
    }
  return out;
}

describe('folding as Grafana does', () => {
  // top 1; row 10 collapsed in the middle holding 2 (h 4) over 3 (h 6); panel 6 after it (the
  // way Grafana JSON can have it); row 30 with 5
  const grafanaLike = (): Panel[] => [
    p(1, 0),
    row(10, 4, {
      collapsed: true,
      panels: [p(2, 40), p(3, 44, { gridPos: { x: 0, y: 44, w: 24, h: 6 } })],
    }),
    p(6, 5),
    row(30, 9),
    p(5, 10),
  ];
  it('unfolding pushes everything below down by the content height; nothing overlaps', () => {
    const open = toggleRow(grafanaLike(), 10);
    // content: 2 at 5 (h 4) and 3 at 9 (h 6) → 10 lines; 6 was at 5, now at 15
    expect(ids(open)).toEqual(['1@0', '10@4', '2@5', '3@9', '6@15', '30@19', '5@20']);
    expect(overlaps(open)).toEqual([]);
  });
  it('folding pulls everything below back up by the same height', () => {
    const open = toggleRow(grafanaLike(), 10);
    const folded = toggleRow(open, 10);
    expect(ids(folded)).toEqual(['1@0', '10@4', '30@5', '5@6']);
    expect(folded.find((x) => x.id === 10)!.panels!.map((x) => `${x.id}@${x.gridPos.y}`)).toEqual([
      '2@5',
      '3@9',
      '6@15',
    ]);
    // unfolding again gives the same layout
    expect(ids(toggleRow(folded, 10))).toEqual(ids(toggleRow(grafanaLike(), 10)));
  });
  it('a row in the middle: rows and panels below move by its height, those above stay', () => {
    const before = dash();
    const after = toggleRow(before, 20);
    const y = (ps: Panel[], id: number) => ps.find((x) => x.id === id)!.gridPos.y;
    expect(y(after, 1)).toBe(y(before, 1));
    expect(y(after, 3)).toBe(y(before, 3));
    expect(y(after, 30) - y(before, 30)).toBe(4);
    expect(y(after, 5) - y(before, 5)).toBe(4);
    expect(overlaps(after)).toEqual([]);
  });
});

describe('the fold state is not an unsaved change', () => {
  const d = (panels: Panel[]) => ({ title: 'x', panels });
  it('dashboards differing only in folds compare equal', () => {
    expect(sameExceptFolds(d(dash()), d(toggleRow(dash(), 10)))).toBe(true);
    expect(sameExceptFolds(d(dash()), d(toggleRow(dash(), 20)))).toBe(true);
    expect(sameExceptFolds(d(dash()), d(toggleRow(toggleRow(dash(), 10), 30)))).toBe(true);
  });
  it('any other change does not', () => {
    expect(sameExceptFolds(d(dash()), d(renameRow(dash(), 10, 'R')))).toBe(false);
    expect(sameExceptFolds(d(dash()), d(moveRow(dash(), 30, -1)))).toBe(false);
    const moved = dash().map((x) => (x.id === 3 ? { ...x, gridPos: { ...x.gridPos, w: 6 } } : x));
    expect(sameExceptFolds(d(dash()), d(moved))).toBe(false);
    expect(sameExceptFolds(d(dash()), { title: 'y', panels: dash() })).toBe(false);
  });
  it('unfoldAll lays every row open', () => {
    expect(unfoldAll(dash()).filter((x) => x.collapsed)).toEqual([]);
    expect(unfoldAll(dash()).map((x) => x.id)).toEqual([1, 10, 2, 3, 20, 4, 30, 5]);
  });
});
