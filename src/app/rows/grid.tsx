import { useMemo, type ReactNode } from 'react';
import type { Dashboard, Panel } from '../../model/dashboard';
import { moveRow, removeRow, renameRow, toggleRow } from '../../model/rows';
import { QueryEnvContext, useQueryEnv } from '../../query/env';
import type { VariableValue } from '../../variables/interpolate';
import { expandGrid, itemsToModel, type GridItem } from '../../variables/repeat';
import './rows.css';

export interface GridLayoutItem {
  i: string;
  x: number;
  y: number;
  w: number;
  h: number;
  minW?: number;
  minH?: number;
  isResizable?: boolean;
  isDraggable?: boolean;
}

/**
 * The dashboard's grid for the current variable values: rows (collapsed ones without their
 * panels, which therefore never query), repeated panels and rows.
 */
export function useDashboardGrid(panels: readonly Panel[]) {
  const { scope } = useQueryEnv();
  return useMemo(() => {
    const items = expandGrid(panels, scope);
    const layout: GridLayoutItem[] = items.map((it) =>
      it.source.type === 'row'
        ? { i: it.key, ...it.panel.gridPos, isResizable: false, isDraggable: false }
        : {
            i: it.key,
            ...it.panel.gridPos,
            minW: 2,
            minH: 2,
            ...(it.copy ? { isDraggable: false, isResizable: false } : {}),
          },
    );
    return {
      items,
      layout,
      /** grid positions → model positions of the originals */
      toModel: <L extends { i: string; y: number }>(l: readonly L[]) => itemsToModel(l, items),
    };
  }, [panels, scope]);
}

/** Gives a repeat copy its own variable values. */
export function ScopedEnv(props: {
  scope: Record<string, VariableValue> | undefined;
  children: ReactNode;
}) {
  const env = useQueryEnv();
  const value = useMemo(
    () => (props.scope ? { ...env, scope: { ...env.scope, ...props.scope } } : env),
    [env, props.scope],
  );
  if (!props.scope) return props.children;
  return <QueryEnvContext.Provider value={value}>{props.children}</QueryEnvContext.Provider>;
}

/** A row's bar: fold/unfold; in edit mode rename, move up/down, remove. */
export function RowHeader(props: {
  item: GridItem;
  editing: boolean;
  onChange(fn: (d: Dashboard) => Dashboard): void;
}) {
  const { item, editing, onChange } = props;
  const row = item.source;
  const collapsed = !!row.collapsed;
  const panels = (fn: (ps: Panel[]) => Panel[]) =>
    onChange((d) => ({ ...d, panels: fn(d.panels) }));
  return (
    <div
      className={collapsed ? 'dash-row collapsed' : 'dash-row'}
      data-testid="row"
      data-row-title={item.panel.title}
      data-collapsed={collapsed}
    >
      <button
        type="button"
        className="row-toggle"
        aria-expanded={!collapsed}
        data-testid="row-toggle"
        onClick={() => panels((ps) => toggleRow(ps, row.id))}
      >
        <span aria-hidden className="row-caret">
          {collapsed ? '▸' : '▾'}
        </span>
        <span className="row-title">{item.panel.title || 'Row'}</span>
        {collapsed && (
          <span className="row-count" data-testid="row-count">
            ({item.folded ?? 0} panel{item.folded === 1 ? '' : 's'})
          </span>
        )}
      </button>
      {editing && !item.copy && (
        <span className="row-actions">
          <input
            aria-label="Row title"
            data-testid="row-title-input"
            value={row.title}
            onChange={(e) => panels((ps) => renameRow(ps, row.id, e.target.value))}
          />
          <button
            type="button"
            aria-label="Move row up"
            data-testid="row-up"
            onClick={() => panels((ps) => moveRow(ps, row.id, -1))}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label="Move row down"
            data-testid="row-down"
            onClick={() => panels((ps) => moveRow(ps, row.id, 1))}
          >
            ↓
          </button>
          <button
            type="button"
            aria-label="Remove row"
            data-testid="row-remove"
            onClick={() => panels((ps) => removeRow(ps, row.id))}
          >
            ✕
          </button>
        </span>
      )}
      {row.repeat && (
        <span className="row-repeat muted" title={`Repeated for each value of $${row.repeat}`}>
          ↻ ${row.repeat}
        </span>
      )}
    </div>
  );
}
