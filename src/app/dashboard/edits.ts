// Changes the dashboard page makes to its working copy: pure, so the page stays thin.

import type { Layout } from 'react-grid-layout';
import type { Dashboard, Panel } from '../../model/dashboard';
import { bottomOf, nextPanelId } from '../../model/rows';
import { emptyTarget } from '../panelEditor/edit';

/** The panel with `p`'s id replaced by `p`. */
export function replacePanel(d: Dashboard, p: Panel): Dashboard {
  return { ...d, panels: d.panels.map((x) => (x.id === p.id ? p : x)) };
}

/** The dashboard without panel `id`. */
export function removePanel(d: Dashboard, id: number): Dashboard {
  return { ...d, panels: d.panels.filter((x) => x.id !== id) };
}

/** Grid positions after a drag or resize; the same dashboard object when nothing moved. */
export function applyLayout(d: Dashboard, layout: Layout): Dashboard {
  let changed = false;
  const panels = d.panels.map((p) => {
    const l = layout.find((x) => x.i === String(p.id));
    if (!l) return p;
    const g = { x: l.x, y: l.y, w: l.w, h: l.h };
    if (g.x === p.gridPos.x && g.y === p.gridPos.y && g.w === p.gridPos.w && g.h === p.gridPos.h)
      return p;
    changed = true;
    return { ...p, gridPos: g };
  });
  return changed ? { ...d, panels } : d;
}

/** A copy of `p` with a new id, placed right below it. */
export function duplicatePanel(d: Dashboard, p: Panel): Dashboard {
  const id = nextPanelId(d.panels);
  const copy = {
    ...structuredClone(p),
    id,
    gridPos: { ...p.gridPos, y: p.gridPos.y + p.gridPos.h },
  };
  return { ...d, panels: [...d.panels, copy] };
}

/** "Add panel": a half-width panel with one empty query, below everything. */
export function newPanel(
  panels: readonly Panel[],
  type: string,
  defaults: Pick<Panel, 'fieldConfig' | 'options'>,
): Panel {
  return {
    id: nextPanelId(panels),
    type,
    title: 'New panel',
    description: '',
    gridPos: { x: 0, y: bottomOf(panels), w: 12, h: 8 },
    targets: [emptyTarget('A')],
    ...defaults,
  };
}

/** A change made on a drawn panel (title with values, repeat copy position) applies to its source. */
export const toSource = (drawn: Panel, source: Panel): Panel => ({
  ...drawn,
  title: source.title,
  gridPos: source.gridPos,
});
