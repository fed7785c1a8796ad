/**
 * Table cell links: a column's own link (an old Grafana table style's `linkUrl`) or the panel's
 * data links (`fieldConfig.links`, every column, as Grafana's field defaults), with the cell's
 * data for the link variables.
 */
import type { PanelLink } from '../../model/dashboard';
import type { Labels } from '../../model/frame';
import { resolveLink, type LinkData, type LinkEnv, type ResolvedLink } from '../shared/links';
import type { TableOptions } from './options';
import type { TableColumn, TableRow } from './rows';

/** The links of one column's cells: its own link first, else the panel's data links. */
export function columnLinks(
  column: Pick<TableColumn, 'key'>,
  options: Pick<TableOptions, 'columns'>,
  dataLinks: readonly PanelLink[] | undefined,
): readonly PanelLink[] {
  const own = options.columns[column.key]?.link;
  if (own) {
    const link: PanelLink = { title: own.tooltip ?? '', url: own.url };
    if (own.targetBlank) link.targetBlank = true;
    return [link];
  }
  return dataLinks ?? [];
}

/**
 * What a cell's links are interpolated with: `${__field.name}` (the column's name, "Value #A"
 * or a label), `${__field.labels.x}` (the row's labels), `${__value.raw|text|time}`, `$__cell`,
 * and, counted as Grafana's old table counted them (Time first, then the columns, hidden ones
 * included), `$__cell_N` and `${__data.fields[N]}`. `timeMs`: the instant the row is for.
 */
export function cellLinkData(
  row: TableRow,
  column: Pick<TableColumn, 'key'>,
  allColumns: readonly Pick<TableColumn, 'key' | 'kind'>[],
  text: string,
  timeMs: number,
): LinkData {
  const labels: Labels = {};
  for (const c of allColumns) {
    const v = row.cells[c.key];
    if (c.kind === 'label' && typeof v === 'string') labels[c.key] = v;
  }
  const raw = row.cells[column.key];
  return {
    field: { name: column.key, labels },
    value: { raw, text, timeMs },
    row: {
      names: ['Time', ...allColumns.map((c) => c.key)],
      values: [timeMs, ...allColumns.map((c) => row.cells[c.key])],
    },
    cell: raw,
  };
}

/** A cell's links, resolved (none when the column has none). */
export function cellLinks(
  links: readonly PanelLink[],
  env: LinkEnv,
  data: () => LinkData,
): ResolvedLink[] {
  if (links.length === 0) return [];
  const d = data();
  return links.map((l) => resolveLink(l, env, d));
}
