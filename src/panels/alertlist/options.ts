import { isObj } from '../../model/json';

export type SortOrder = 'importance' | 'timeDesc' | 'timeAsc' | 'alphaAsc' | 'alphaDesc';

export interface AlertListOptions {
  /** which states to show; Grafana's `stateFilter` {firing, pending, …} */
  stateFilter: { firing: boolean; pending: boolean };
  /** case-insensitive substring of the alert name; Grafana's `alertName` */
  nameFilter: string;
  /** label matchers `{severity="critical", team=~"a.*"}`; Grafana's `alertInstanceLabelFilter` */
  labelFilter: string;
  /** at most this many alerts (Grafana's `maxItems`) */
  maxItems: number;
  /** Grafana's sortOrder 1–5 are read too: 1 A–Z, 2 Z–A, 3 importance, 4 time asc, 5 time desc */
  sortOrder: SortOrder;
  /** labels to group by; [] = a flat list */
  groupBy: string[];
}

const GRAFANA_SORT: Record<number, SortOrder> = {
  1: 'alphaAsc',
  2: 'alphaDesc',
  3: 'importance',
  4: 'timeAsc',
  5: 'timeDesc',
};
const SORTS: readonly SortOrder[] = ['importance', 'timeDesc', 'timeAsc', 'alphaAsc', 'alphaDesc'];

export function readAlertListOptions(
  options: Record<string, unknown> | undefined,
): AlertListOptions {
  const o = options ?? {};
  const sf = isObj(o.stateFilter) ? o.stateFilter : {};
  let firing = sf.firing !== false;
  let pending = sf.pending !== false;
  // a filter that names neither state (e.g. only "normal") falls back to both
  if (!firing && !pending) firing = pending = true;
  const sortOrder =
    typeof o.sortOrder === 'number'
      ? (GRAFANA_SORT[o.sortOrder] ?? 'importance')
      : SORTS.includes(o.sortOrder as SortOrder)
        ? (o.sortOrder as SortOrder)
        : 'importance';
  const name = o.nameFilter ?? o.alertName;
  const labels = o.labelFilter ?? o.alertInstanceLabelFilter;
  const max = typeof o.maxItems === 'number' && o.maxItems > 0 ? Math.floor(o.maxItems) : 20;
  const groupBy = Array.isArray(o.groupBy)
    ? o.groupBy.filter((g): g is string => typeof g === 'string' && g !== '')
    : [];
  return {
    stateFilter: { firing, pending },
    nameFilter: typeof name === 'string' ? name : '',
    labelFilter: typeof labels === 'string' ? labels : '',
    maxItems: max,
    sortOrder,
    groupBy,
  };
}
