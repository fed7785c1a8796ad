import type { Thresholds } from '../../model/dashboard';
import { isObj } from '../../model/json';
import { panelReducer } from '../shared/display';

/** Per-column display overrides (`options.columns[<column title>]`). */
export interface ColumnOverride {
  unit?: string;
  decimals?: number;
  displayName?: string;
  hidden?: boolean;
  /** the cells link here (old tables' column style link: `$__cell`, `$__cell_N`) */
  link?: ColumnLink;
  /** its width in px (Grafana's `custom.width`); absent: as wide as its content */
  width?: number;
  /** this column's colour thresholds (an old table style's `thresholds` + `colors`) */
  thresholds?: Thresholds;
  /** how its cells show the threshold colour (old styles' colorMode value / cell) */
  colorMode?: 'color-text' | 'color-background';
}

/** A column's cell link; `tooltip` is shown on hover above the target. */
export interface ColumnLink {
  url: string;
  tooltip?: string;
  targetBlank?: boolean;
}

export interface TableOptions {
  /** reducer for range results (Grafana's reduceOptions.calcs[0] is read too) */
  reduce: string;
  showHeader: boolean;
  columns: Record<string, ColumnOverride>;
  /** initial sort (Grafana's `sortBy: [{displayName, desc}]`) */
  sortBy?: { column: string; desc: boolean } | undefined;
}

/** Table options with defaults filled; malformed entries dropped. */
export function readTableOptions(options: Record<string, unknown> | undefined): TableOptions {
  const o = options ?? {};
  const columns: Record<string, ColumnOverride> = {};
  if (isObj(o.columns)) {
    for (const [name, raw] of Object.entries(o.columns)) {
      if (!isObj(raw)) continue;
      const c: ColumnOverride = {};
      if (typeof raw.unit === 'string' && raw.unit) c.unit = raw.unit;
      if (typeof raw.decimals === 'number' && Number.isFinite(raw.decimals))
        c.decimals = raw.decimals;
      if (typeof raw.displayName === 'string' && raw.displayName) c.displayName = raw.displayName;
      if (raw.hidden === true) c.hidden = true;
      if (typeof raw.width === 'number' && raw.width > 0 && raw.width < 10_000)
        c.width = Math.round(raw.width);
      if (isObj(raw.link) && typeof raw.link.url === 'string' && raw.link.url.trim()) {
        c.link = { url: raw.link.url };
        if (typeof raw.link.tooltip === 'string' && raw.link.tooltip)
          c.link.tooltip = raw.link.tooltip;
        if (raw.link.targetBlank === true) c.link.targetBlank = true;
      }
      if (isObj(raw.thresholds) && Array.isArray(raw.thresholds.steps)) {
        const steps = raw.thresholds.steps.flatMap((st: unknown) =>
          isObj(st) &&
          typeof st.color === 'string' &&
          (st.value === null || (typeof st.value === 'number' && Number.isFinite(st.value)))
            ? [{ value: st.value, color: st.color }]
            : [],
        );
        if (steps.length) c.thresholds = { mode: 'absolute', steps };
      }
      if (raw.colorMode === 'color-text' || raw.colorMode === 'color-background')
        c.colorMode = raw.colorMode;
      columns[name] = c;
    }
  }
  let sortBy: TableOptions['sortBy'];
  const sb: unknown = Array.isArray(o.sortBy) ? o.sortBy[0] : o.sortBy;
  if (isObj(sb)) {
    const column = typeof sb.column === 'string' ? sb.column : sb.displayName;
    if (typeof column === 'string' && column) sortBy = { column, desc: sb.desc === true };
  }
  return { reduce: panelReducer(o), showHeader: o.showHeader !== false, columns, sortBy };
}
