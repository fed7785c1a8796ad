import { describe, expect, it } from 'vitest';
import { layoutPanels, legacyHeightToGrid, normalizeGridPos } from './layout';
import { Notes } from './util';

const layout = (dash: Record<string, unknown>) => {
  const notes = new Notes();
  const placed = layoutPanels(dash, notes);
  return {
    placed: placed.map((p) =>
      p.row
        ? (['row', p.path, p.gridPos] as const)
        : p.parent !== undefined
          ? ([p.raw.id, p.path, p.gridPos, `in ${p.parent}`] as const)
          : ([p.raw.id, p.path, p.gridPos] as const),
    ),
    notes: notes.list,
  };
};

describe('normalizeGridPos', () => {
  it.each([
    [
      { x: 0, y: 9.2, w: 8, h: 2.2 },
      { x: 0, y: 9, w: 8, h: 2 },
    ],
    [
      { x: 20, y: 0, w: 12, h: 8 },
      { x: 12, y: 0, w: 12, h: 8 },
    ],
    [
      { x: -3, y: -1, w: 30, h: 0 },
      { x: 0, y: 0, w: 24, h: 1 },
    ],
    [
      { w: 6, h: 4 },
      { x: 0, y: 0, w: 6, h: 4 },
    ],
  ])('%j → %j', (raw, want) => {
    expect(normalizeGridPos(raw)).toEqual(want);
  });

  it('rejects an empty gridPos', () => {
    expect(normalizeGridPos({})).toBeUndefined();
    expect(normalizeGridPos(undefined)).toBeUndefined();
  });
});

describe('legacyHeightToGrid', () => {
  it.each([
    ['250px', 8],
    [250, 8],
    ['300', 10],
    ['100px', 3],
    [10, 1],
    ['auto', undefined],
  ])('%j → %j', (raw, want) => {
    expect(legacyHeightToGrid(raw)).toBe(want);
  });
});

describe('layoutPanels', () => {
  it('lays out legacy rows: span × 2 wide, row height in 30px units, wrapping at 24', () => {
    const { placed, notes } = layout({
      rows: [
        {
          height: '250px',
          panels: [
            { id: 1, span: 6 },
            { id: 2, span: 4 },
            { id: 3, span: 4 },
          ],
        },
        { height: '150px', showTitle: true, title: 'Disk', panels: [{ id: 4, span: 12 }] },
      ],
    });
    expect(placed).toEqual([
      [1, 'rows[0].panels[0]', { x: 0, y: 0, w: 12, h: 8 }],
      [2, 'rows[0].panels[1]', { x: 12, y: 0, w: 8, h: 8 }],
      [3, 'rows[0].panels[2]', { x: 0, y: 8, w: 8, h: 8 }],
      ['row', 'rows[1]', { x: 0, y: 16, w: 24, h: 1 }],
      [4, 'rows[1].panels[0]', { x: 0, y: 17, w: 24, h: 5 }],
    ]);
    expect(notes).toEqual([]);
  });

  it('a collapsed legacy row keeps its panels folded and takes one line', () => {
    const { placed } = layout({
      rows: [
        { collapse: true, title: 'Folded', panels: [{ id: 1, span: 12 }] },
        { panels: [{ id: 2, span: 12 }] },
      ],
    });
    expect(placed).toEqual([
      ['row', 'rows[0]', { x: 0, y: 0, w: 24, h: 1 }],
      [1, 'rows[0].panels[0]', { x: 0, y: 1, w: 24, h: 8 }, 'in 0'],
      [2, 'rows[1].panels[0]', { x: 0, y: 1, w: 24, h: 8 }],
    ]);
  });

  it('uses a panel own legacy height and the default span of 4', () => {
    const { placed } = layout({ rows: [{ height: 250, panels: [{ id: 1, height: '90px' }] }] });
    expect(placed).toEqual([[1, 'rows[0].panels[0]', { x: 0, y: 0, w: 8, h: 3 }]]);
  });

  it('ignores the empty gridPos that coredns puts next to span', () => {
    const { placed } = layout({ rows: [{ panels: [{ id: 1, span: 3, gridPos: {} }] }] });
    expect(placed).toEqual([[1, 'rows[0].panels[0]', { x: 0, y: 0, w: 6, h: 8 }]]);
  });

  it('keeps expanded and collapsed rows, folds what a collapsed row holds, closes the gaps', () => {
    const { placed, notes } = layout({
      panels: [
        { id: 1, type: 'stat', gridPos: { x: 0, y: 0, w: 24, h: 4 } },
        {
          id: 10,
          type: 'row',
          title: 'Open',
          collapsed: false,
          gridPos: { x: 0, y: 4, w: 24, h: 1 },
          panels: [],
        },
        { id: 2, type: 'graph', gridPos: { x: 12, y: 5, w: 12, h: 8 } },
        { id: 3, type: 'graph', gridPos: { x: 0, y: 5, w: 12, h: 8 } },
        {
          id: 11,
          type: 'row',
          title: 'Closed',
          collapsed: true,
          gridPos: { x: 0, y: 13, w: 24, h: 1 },
          panels: [{ id: 4, type: 'graph', gridPos: { x: 0, y: 40, w: 24, h: 6 } }],
        },
        {
          id: 12,
          type: 'row',
          title: 'Last',
          collapsed: true,
          gridPos: { x: 0, y: 14, w: 24, h: 1 },
          panels: [],
        },
      ],
    });
    expect(placed).toEqual([
      [1, 'panels[0]', { x: 0, y: 0, w: 24, h: 4 }],
      ['row', 'panels[1]', { x: 0, y: 4, w: 24, h: 1 }],
      [3, 'panels[3]', { x: 0, y: 5, w: 12, h: 8 }],
      [2, 'panels[2]', { x: 12, y: 5, w: 12, h: 8 }],
      ['row', 'panels[4]', { x: 0, y: 13, w: 24, h: 1 }],
      [4, 'panels[4].panels[0]', { x: 0, y: 14, w: 24, h: 6 }, 'in 4'],
      ['row', 'panels[5]', { x: 0, y: 14, w: 24, h: 1 }],
    ]);
    expect(notes).toEqual([]);
  });

  it('keeps a repeating row without a warning', () => {
    const { placed, notes } = layout({
      panels: [
        {
          type: 'row',
          title: '$instance',
          repeat: 'instance',
          gridPos: { x: 0, y: 0, w: 24, h: 1 },
          panels: [],
        },
      ],
    });
    expect(placed).toEqual([['row', 'panels[0]', { x: 0, y: 0, w: 24, h: 1 }]]);
    expect(notes).toEqual([]);
  });

  it('places panels without a gridPos after the positioned ones', () => {
    const { placed } = layout({
      panels: [{ id: 1 }, { id: 2, gridPos: { x: 0, y: 0, w: 24, h: 3 } }, { id: 3 }],
    });
    expect(placed).toEqual([
      [2, 'panels[1]', { x: 0, y: 0, w: 24, h: 3 }],
      [1, 'panels[0]', { x: 0, y: 3, w: 12, h: 8 }],
      [3, 'panels[2]', { x: 12, y: 3, w: 12, h: 8 }],
    ]);
  });

  it('rounds fractional positions with a note', () => {
    const { placed, notes } = layout({
      panels: [{ id: 1, gridPos: { x: 0, y: 9.2, w: 24, h: 2.2 } }],
    });
    expect(placed).toEqual([[1, 'panels[0]', { x: 0, y: 0, w: 24, h: 2 }]]);
    expect(notes[0]?.path).toBe('panels[0].gridPos');
  });

  it('moves a panel that overlaps an earlier one down, as Grafana shows it (no note)', () => {
    const { placed, notes } = layout({
      panels: [
        { id: 1, gridPos: { x: 0, y: 0, w: 6, h: 4 } },
        { id: 2, gridPos: { x: 0, y: 0, w: 3, h: 2 } },
      ],
    });
    expect(placed[1]).toEqual([2, 'panels[1]', { x: 0, y: 4, w: 3, h: 2 }]);
    expect(notes).toEqual([]);
  });
});
