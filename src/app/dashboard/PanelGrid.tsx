import { lazy, Suspense, useMemo, useState } from 'react';
import ReactGridLayout, { type Layout } from 'react-grid-layout';
import type { Dashboard, Panel } from '../../model/dashboard';
import PanelShell from '../../panels/PanelShell';
import type { PanelContext } from '../../panels/types';
import { updateParams } from '../router';
import { RowHeader, ScopedEnv, useDashboardGrid } from '../rows/grid';
import { LazySentinel, ManyPanelsNotice, useLazyGridItems } from '../faults/lazyGrid';
import { toSource } from './edits';
import ChunkLoading from '../ChunkLoading';
import { useGridWidth } from './useGridWidth';
import { GRID_COLS, MARGIN_PX, ROW_HEIGHT_PX } from './gridGeometry';

const QueryInspector = lazy(() => import('../inspect/QueryInspector'));

/** The dashboard's panels and rows on the 24-column grid; draggable and resizable while editing. */
export default function PanelGrid(props: {
  dashboard: Dashboard;
  editing: boolean;
  ctx: PanelContext;
  onLayout(l: Layout): void;
  /** absent: no Edit in the panel menus (a snapshot) */
  onEditPanel?(id: number): void;
  onDuplicate(p: Panel): void;
  onRemove(p: Panel): void;
  /** opens the share dialog for a panel (its grid key) */
  onShare?: ((key: string) => void) | undefined;
  onPanelChange(p: Panel): void;
  onChange(fn: (d: Dashboard) => Dashboard): void;
}) {
  const { width, containerRef, mounted } = useGridWidth();
  // rows, repeats and collapsed rows' panels left out (src/variables/repeat.ts)
  const grid = useDashboardGrid(props.dashboard.panels);
  // by grid key: a repeat copy is inspected with its own value
  const [inspectKey, setInspectKey] = useState<string | null>(null);
  const inspected = grid.items.find((it) => it.key === inspectKey && it.source.type !== 'row');
  // thousands of panels: drawn in batches as they scroll into view (app/faults/lazyGrid.tsx)
  const placed = useMemo(
    () => grid.items.map((item, k) => ({ item, layout: grid.layout[k]! })),
    [grid],
  );
  const lazy = useLazyGridItems(
    placed,
    props.editing,
    Math.ceil(window.innerHeight / (ROW_HEIGHT_PX + MARGIN_PX)),
  );
  const layout: Layout = lazy.lazy ? lazy.shown.map((s) => s.layout) : grid.layout;
  const items = lazy.lazy ? lazy.shown.map((s) => s.item) : grid.items;
  return (
    <div className={props.editing ? 'dash-grid edit-mode' : 'dash-grid'} ref={containerRef}>
      {lazy.lazy && <ManyPanelsNotice total={lazy.total} />}
      {mounted && (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{
            cols: GRID_COLS,
            rowHeight: ROW_HEIGHT_PX,
            margin: [MARGIN_PX, MARGIN_PX],
            containerPadding: [MARGIN_PX, MARGIN_PX],
          }}
          dragConfig={{ enabled: props.editing, handle: '.panel-head', cancel: '.panel-menu' }}
          resizeConfig={{ enabled: props.editing }}
          onLayoutChange={(l) => props.editing && props.onLayout(grid.toModel(l))}
        >
          {items.map((item) => {
            const p = item.source;
            if (p.type === 'row')
              return (
                <div key={item.key}>
                  <RowHeader item={item} editing={props.editing} onChange={props.onChange} />
                </div>
              );
            return (
              <div key={item.key}>
                <ScopedEnv scope={item.scope}>
                  <PanelShell
                    panel={item.panel}
                    ctx={props.ctx}
                    actions={{
                      onView: () => updateParams({ viewPanel: item.key }),
                      onEdit: props.onEditPanel && (() => props.onEditPanel?.(p.id)),
                      onChange: (np: Panel) => props.onPanelChange(toSource(np, p)),
                      onInspect: () => setInspectKey(item.key),
                      onShare: props.onShare && (() => props.onShare?.(item.key)),
                      // the menu's order is PanelShell's; these two only while editing
                      ...(props.editing
                        ? {
                            onDuplicate: () => props.onDuplicate(p),
                            onRemove: () => props.onRemove(p),
                          }
                        : {}),
                    }}
                  />
                </ScopedEnv>
              </div>
            );
          })}
        </ReactGridLayout>
      )}
      {/* below the grid once it is drawn (before, it would sit at the top, in view) */}
      {mounted && lazy.lazy && lazy.shown.length < lazy.total && (
        <LazySentinel onVisible={lazy.more} shown={lazy.shown.length} />
      )}
      {inspected && (
        <ScopedEnv scope={inspected.scope}>
          <Suspense fallback={<ChunkLoading what="query inspector" />}>
            <QueryInspector panel={inspected.source} onClose={() => setInspectKey(null)} />
          </Suspense>
        </ScopedEnv>
      )}
    </div>
  );
}
