import { useContext, useMemo, useState } from 'react';
import { QueryEnvContext } from '../../query/env';
import { linkAttributes, type ResolvedLink } from '../shared/links';
import { dataTextColor } from '../../theme/runtime';
import type { PanelViewProps } from '../types';
import { textOnColor } from '../../theme/contrast';
import type { TableOptions } from './options';
import { cellLinkData, cellLinks, columnLinks } from './links';
import { cellDisplay, sortRows, tableFromFrames, tableFromResults, visibleColumns } from './rows';
import './table.css';

/** Rows beyond this are not rendered (the panel says so). */
const TABLE_ROW_LIMIT = 2000;

type Sort = { column: string; desc: boolean } | null;

export default function TablePanel({ panel, options: opts, data }: PanelViewProps<TableOptions>) {
  const { allColumns, rows } = useMemo(
    () =>
      data.table
        ? tableFromFrames(data.table, opts, panel.fieldConfig)
        : tableFromResults(data.results, opts, panel.fieldConfig),
    [data.table, data.results, opts, panel.fieldConfig],
  );
  const columns = useMemo(() => visibleColumns(allColumns, opts), [allColumns, opts]);
  // data links need the page's variables and time (absent in bare previews: no links then)
  const env = useContext(QueryEnvContext);
  // undefined = the panel's configured sort; null = unsorted by the user's choice
  const [userSort, setUserSort] = useState<Sort | undefined>(undefined);
  const configured = opts.sortBy
    ? (() => {
        const by = opts.sortBy;
        const col = columns.find((c) => c.key === by.column || c.title === by.column);
        return col ? { column: col.key, desc: by.desc } : null;
      })()
    : null;
  const sort = userSort === undefined ? configured : userSort;
  const sortColumn = sort?.column;
  const sortDesc = sort?.desc ?? false;
  const sorted = useMemo(
    () => (sortColumn !== undefined ? sortRows(rows, sortColumn, sortDesc) : rows),
    [rows, sortColumn, sortDesc],
  );
  const shown = useMemo(
    () => (sorted.length > TABLE_ROW_LIMIT ? sorted.slice(0, TABLE_ROW_LIMIT) : sorted),
    [sorted],
  );
  // Formatting every cell (mappings, unit, thresholds) only when rows, columns or the field
  // config change: the panel re-renders on every resize too.
  const { fieldConfig } = panel;
  const body = useMemo(
    () =>
      shown.map((row) => (
        <tr key={row.key}>
          {columns.map((c) => {
            const value = row.cells[c.key];
            const d = cellDisplay(value, c, fieldConfig);
            const links = env
              ? cellLinks(columnLinks(c, opts, fieldConfig.links), env, () =>
                  cellLinkData(row, c, allColumns, d.text, env.toMs),
                )
              : [];
            return (
              <td
                key={c.key}
                className={c.kind === 'value' ? 'num' : undefined}
                data-column={c.key}
                data-value={typeof value === 'number' ? String(value) : undefined}
                style={
                  d.color || d.background
                    ? {
                        color: d.background
                          ? textOnColor(d.background)
                          : d.color && dataTextColor(d.color),
                        background: d.background,
                      }
                    : undefined
                }
              >
                {links.length ? <CellLinks text={d.text} links={links} /> : d.text}
              </td>
            );
          })}
        </tr>
      )),
    [shown, columns, allColumns, fieldConfig, opts, env],
  );
  if (columns.length === 0) return null;

  // asc → desc → off, as Grafana's table headers cycle
  const clickHeader = (key: string) =>
    setUserSort(
      sort?.column !== key
        ? { column: key, desc: false }
        : sort.desc
          ? null
          : { column: key, desc: true },
    );

  return (
    <div className="table-panel">
      {sorted.length > shown.length && (
        <div className="panel-warning" data-testid="row-limit">
          Showing {shown.length.toLocaleString('en')} of {sorted.length.toLocaleString('en')} rows
        </div>
      )}
      <table data-testid="table-panel">
        {opts.showHeader && (
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.column === c.key;
                return (
                  <th
                    key={c.key}
                    className={c.kind === 'value' ? 'num' : undefined}
                    aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                    data-column={c.key}
                    style={c.width ? { width: c.width, minWidth: c.width } : undefined}
                  >
                    <button type="button" onClick={() => clickHeader(c.key)} title="Sort">
                      {c.title}
                      <span className="sort-mark" aria-hidden>
                        {active ? (sort.desc ? ' ▼' : ' ▲') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
        )}
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}

/** A linked cell: its text opens the first link; further links follow as small arrows. */
function CellLinks({ text, links }: { text: string; links: ResolvedLink[] }) {
  return links.map((l, i) => (
    <a
      key={i}
      {...linkAttributes(l)}
      className={i === 0 ? 'cell-link' : 'cell-link more'}
      data-testid="cell-link"
      aria-label={i === 0 ? undefined : l.title}
    >
      {i === 0 ? text : '↗'}
    </a>
  ));
}
