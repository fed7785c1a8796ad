import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Panel } from '../../model/dashboard';
import type { PanelData, TargetResult } from '../../query/usePanelData';
import type { PanelContext } from '../types';

/** Test helpers (jsdom only): mount a node, and build panels / panel data. */
export function mount(node: ReactNode): { container: HTMLElement; unmount: () => void } {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const container = document.createElement('div');
  document.body.appendChild(container);
  let root: Root | undefined;
  act(() => {
    root = createRoot(container);
    root.render(node);
  });
  return {
    container,
    unmount: () => {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

export function testPanel(type: string, over: Partial<Panel> = {}): Panel {
  return {
    id: 1,
    type,
    title: 'T',
    description: '',
    gridPos: { x: 0, y: 0, w: 12, h: 8 },
    targets: [
      { refId: 'A', expr: 'up', legendFormat: '', interval: '', instant: false, hide: false },
    ],
    fieldConfig: { unit: 'short' },
    options: {},
    ...over,
  };
}

export function testData(results: TargetResult[]): PanelData {
  return { state: 'ok', results, errors: [], warnings: [], fetching: false, plans: [] };
}

export const testCtx: PanelContext = {};
