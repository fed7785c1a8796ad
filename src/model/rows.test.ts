import { describe, expect, it } from 'vitest';
import { panelSchema, type Panel } from './dashboard';
import {
  addRow,
  allPanels,
  flatten,
  moveRow,
  nextPanelId,
  removeRow,
  renameRow,
  sections,
  toggleRow,
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
