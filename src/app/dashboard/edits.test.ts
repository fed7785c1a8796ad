import { describe, expect, it } from 'vitest';
import type { Panel } from '../../model/dashboard';
import { newDashboard } from '../newDashboard';
import {
  applyLayout,
  duplicatePanel,
  newPanel,
  removePanel,
  replacePanel,
  toSource,
} from './edits';

const panel = (id: number, y = 0): Panel => ({
  id,
  type: 'stat',
  title: `P${id}`,
  description: '',
  gridPos: { x: 0, y, w: 12, h: 8 },
  targets: [],
  fieldConfig: { unit: 'short' },
  options: {},
});
const dash = (...panels: Panel[]) => ({ ...newDashboard('D'), panels });

describe('dashboard edits', () => {
  it('replaces and removes a panel by id', () => {
    const d = dash(panel(1), panel(2, 8));
    const p = { ...panel(2, 8), title: 'new' };
    expect(replacePanel(d, p).panels.map((x) => x.title)).toEqual(['P1', 'new']);
    expect(removePanel(d, 1).panels.map((x) => x.id)).toEqual([2]);
  });

  it('applies a layout, and keeps the same object when nothing moved', () => {
    const d = dash(panel(1), panel(2, 8));
    const same = [
      { i: '1', x: 0, y: 0, w: 12, h: 8 },
      { i: '2', x: 0, y: 8, w: 12, h: 8 },
    ];
    expect(applyLayout(d, same)).toBe(d);
    const moved = applyLayout(d, [{ i: '2', x: 12, y: 0, w: 6, h: 4 }]);
    expect(moved.panels[0]).toBe(d.panels[0]);
    expect(moved.panels[1]!.gridPos).toEqual({ x: 12, y: 0, w: 6, h: 4 });
  });

  it('duplicates a panel below itself with the next free id', () => {
    const d = dash(panel(1), panel(5, 8));
    const out = duplicatePanel(d, d.panels[0]!);
    expect(out.panels[2]).toEqual({ ...panel(6, 8), title: 'P1' });
    expect(out.panels[2]!.gridPos).not.toBe(d.panels[0]!.gridPos);
  });

  it('adds a new panel below everything with one empty query', () => {
    const p = newPanel([panel(1), panel(3, 8)], 'timeseries', {
      fieldConfig: { unit: 'short' },
      options: { a: 1 },
    });
    expect(p).toMatchObject({
      id: 4,
      type: 'timeseries',
      title: 'New panel',
      gridPos: { x: 0, y: 16, w: 12, h: 8 },
      fieldConfig: { unit: 'short' },
      options: { a: 1 },
    });
    expect(p.targets).toEqual([
      { refId: 'A', expr: '', legendFormat: '', interval: '', instant: false, hide: false },
    ]);
  });

  it("maps a drawn panel's change back to its source's title and position", () => {
    const source = panel(1);
    const drawn = { ...panel(1, 16), title: 'P1 (a)', options: { x: 1 } };
    expect(toSource(drawn, source)).toEqual({ ...source, options: { x: 1 } });
  });
});
