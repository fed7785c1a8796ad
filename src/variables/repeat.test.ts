import { describe, expect, it } from 'vitest';
import { panelSchema, type Panel } from '../model/dashboard';
import { toggleRow } from '../model/rows';
import { interpolate, type Scope } from './interpolate';
import { expandGrid, findViewedItem, itemsToModel, repeatValues } from './repeat';

const p = (id: number, gridPos: Panel['gridPos'], extra: Partial<Panel> = {}): Panel =>
  panelSchema.parse({ id, type: 'timeseries', gridPos, ...extra });
const row = (id: number, y: number, extra: Partial<Panel> = {}): Panel =>
  p(id, { x: 0, y, w: 24, h: 1 }, { type: 'row', title: `Row ${id}`, ...extra });

const scope: Scope = {
  instance: {
    value: ['a-1', 'a-2', 'a-3'],
    text: ['a-1', 'a-2', 'a-3'],
    multi: true,
    includeAll: true,
    options: ['a-1', 'a-2', 'a-3', 'a-4', 'a-5'],
  },
  job: { value: 'api', text: 'api' },
};
const all: Scope = { ...scope, instance: { ...scope.instance!, value: '$__all', isAll: true } };

const brief = (items: ReturnType<typeof expandGrid>) =>
  items.map(
    (i) =>
      `${i.key} ${i.panel.gridPos.x},${i.panel.gridPos.y} ${i.panel.gridPos.w}x${i.panel.gridPos.h}`,
  );

describe('repeatValues', () => {
  it('the selection, every option for All, nothing for unknown variables', () => {
    expect(repeatValues('instance', scope)?.map((r) => r.value)).toEqual(['a-1', 'a-2', 'a-3']);
    expect(repeatValues('instance', all)).toHaveLength(5);
    expect(repeatValues('job', scope)).toEqual([{ value: 'api', text: 'api' }]);
    expect(repeatValues('nope', scope)).toBeUndefined();
    expect(repeatValues(undefined, scope)).toBeUndefined();
  });
});

describe('expandGrid', () => {
  const repeated = p(
    1,
    { x: 0, y: 0, w: 8, h: 5 },
    {
      title: 'Requests $instance',
      repeat: 'instance',
      targets: [
        {
          refId: 'A',
          expr: 'up{instance=~"$instance"}',
          legendFormat: '',
          interval: '',
          instant: false,
          hide: false,
        },
      ],
    },
  );
  const below = p(2, { x: 0, y: 5, w: 24, h: 4 }, { title: 'Below' });

  it('horizontal: one copy per value side by side, each with its own single value', () => {
    const items = expandGrid([repeated, below], scope);
    expect(brief(items)).toEqual(['1 0,0 8x5', '1~a-2 8,0 8x5', '1~a-3 16,0 8x5', '2 0,5 24x4']);
    expect(items.map((i) => i.panel.title)).toEqual([
      'Requests a-1',
      'Requests a-2',
      'Requests a-3',
      'Below',
    ]);
    const s = { ...scope, ...items[1]!.scope };
    expect(interpolate('up{instance=~"$instance"}', s)).toBe('up{instance=~"a-2"}');
    expect(items.map((i) => i.copy)).toEqual([false, true, true, false]);
    expect(items[3]!.scope).toBeUndefined();
  });
  it('All repeats over every value, maxPerRow wraps and pushes the panels below down', () => {
    const items = expandGrid([{ ...repeated, maxPerRow: 2 }, below], all);
    expect(brief(items)).toEqual([
      '1 0,0 12x5',
      '1~a-2 12,0 12x5',
      '1~a-3 0,5 12x5',
      '1~a-4 12,5 12x5',
      '1~a-5 0,10 12x5',
      '2 0,15 24x4',
    ]);
    expect(items[5]!.dy).toBe(10);
    // Written back, the panel below keeps its model position; copies are not saved.
    const layout = items.map((i) => ({ i: i.key, y: i.panel.gridPos.y }));
    expect(itemsToModel(layout, items)).toEqual([
      { i: '1', y: 0 },
      { i: '2', y: 5 },
    ]);
  });
  it('vertical: copies stacked at the same width', () => {
    const items = expandGrid([{ ...repeated, repeatDirection: 'v' }, below], scope);
    expect(brief(items)).toEqual(['1 0,0 8x5', '1~a-2 0,5 8x5', '1~a-3 0,10 8x5', '2 0,15 24x4']);
  });
  it('a single value or an unknown variable: the panel once', () => {
    const one: Scope = {
      ...scope,
      instance: { ...scope.instance!, value: ['a-2'], text: ['a-2'] },
    };
    const items = expandGrid([repeated], one);
    expect(brief(items)).toEqual(['1 0,0 8x5']);
    expect(items[0]!.panel.title).toBe('Requests a-2');
    expect(expandGrid([{ ...repeated, repeat: 'gone' }], scope)[0]!.panel.title).toBe(
      'Requests a-1 + a-2 + a-3',
    );
  });
  it('collapsed rows show without their panels; rows repeat with their panels', () => {
    const panels = [
      row(10, 0, { title: 'Folded', collapsed: true, panels: [p(3, { x: 0, y: 1, w: 12, h: 4 })] }),
      row(20, 1, { title: 'Instance $instance', repeat: 'instance' }),
      p(4, { x: 0, y: 2, w: 12, h: 4 }, { title: 'In $instance' }),
    ];
    const items = expandGrid(panels, scope);
    expect(brief(items)).toEqual([
      '10 0,0 24x1',
      '20 0,1 24x1',
      '4 0,2 12x4',
      '20@a-2 0,6 24x1',
      '4@a-2 0,7 12x4',
      '20@a-3 0,11 24x1',
      '4@a-3 0,12 12x4',
    ]);
    expect(items[0]!.folded).toBe(1);
    expect(items.map((i) => i.panel.title).slice(1)).toEqual([
      'Instance a-1',
      'In a-1',
      'Instance a-2',
      'In a-2',
      'Instance a-3',
      'In a-3',
    ]);
    expect(items[4]!.scope?.instance?.value).toBe('a-2');
    expect(items.filter((i) => i.copy).map((i) => i.key)).toEqual([
      '20@a-2',
      '4@a-2',
      '20@a-3',
      '4@a-3',
    ]);
  });
  it('a repeated row unfolds every copy and pushes what is below down; folding pulls it up', () => {
    const folded = [
      p(1, { x: 0, y: 0, w: 24, h: 3 }),
      row(20, 3, {
        title: 'Instance $instance',
        repeat: 'instance',
        collapsed: true,
        panels: [p(4, { x: 0, y: 4, w: 12, h: 4 }), p(6, { x: 12, y: 4, w: 12, h: 5 })],
      }),
      row(30, 4, { title: 'Below' }),
      p(5, { x: 0, y: 5, w: 24, h: 2 }),
    ];
    expect(brief(expandGrid(folded, scope))).toEqual([
      '1 0,0 24x3',
      '20 0,3 24x1',
      '20@a-2 0,4 24x1',
      '20@a-3 0,5 24x1',
      '30 0,6 24x1',
      '5 0,7 24x2',
    ]);
    const open = toggleRow(folded, 20);
    const items = expandGrid(open, scope);
    // each copy: its row line + 5 lines of content (the taller panel)
    expect(brief(items)).toEqual([
      '1 0,0 24x3',
      '20 0,3 24x1',
      '4 0,4 12x4',
      '6 12,4 12x5',
      '20@a-2 0,9 24x1',
      '4@a-2 0,10 12x4',
      '6@a-2 12,10 12x5',
      '20@a-3 0,15 24x1',
      '4@a-3 0,16 12x4',
      '6@a-3 12,16 12x5',
      '30 0,21 24x1',
      '5 0,22 24x2',
    ]);
    const rects = items.map((i) => i.panel.gridPos);
    for (const [i, a] of rects.entries())
      for (const b of rects.slice(i + 1))
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(
          false,
        );
    expect(brief(expandGrid(toggleRow(open, 20), scope))).toEqual(brief(expandGrid(folded, scope)));
  });

  it('View (viewPanel): a copy keeps its own value; a stale copy key falls back to the panel', () => {
    const panels = [
      repeated,
      row(20, 5, { title: 'Instance $instance', repeat: 'instance' }),
      p(4, { x: 0, y: 6, w: 12, h: 4 }, { title: 'In $instance', targets: repeated.targets }),
      row(30, 10, { collapsed: true, panels: [p(5, { x: 0, y: 11, w: 12, h: 4 })] }),
    ];
    const seen = (key: string | null, sc: Scope = scope) => {
      const it = findViewedItem(panels, sc, key);
      if (!it) return undefined;
      const expr = interpolate(it.source.targets[0]!.expr, { ...sc, ...it.scope });
      return `${it.source.id} ${it.panel.title} ${expr}`;
    };
    expect(seen('1')).toBe('1 Requests a-1 up{instance=~"a-1"}');
    expect(seen('1~a-3')).toBe('1 Requests a-3 up{instance=~"a-3"}');
    // a panel inside a repeated row copy
    expect(seen('4@a-2')).toBe('4 In a-2 up{instance=~"a-2"}');
    // All: any option's copy
    expect(seen('1~a-5', all)).toBe('1 Requests a-5 up{instance=~"a-5"}');
    // the value is no longer selected: the panel with its first value
    expect(seen('1~a-5')).toBe('1 Requests a-1 up{instance=~"a-1"}');
    expect(seen('4@a-9')).toBe('4 In a-1 up{instance=~"a-1"}');
    // rows, folded panels, unknown ids and no parameter: nothing to view
    expect(seen('20')).toBeUndefined();
    expect(seen('5')).toBeUndefined();
    expect(seen('99')).toBeUndefined();
    expect(seen('x')).toBeUndefined();
    expect(seen(null)).toBeUndefined();
  });
});
