import {
  keepPreviousData,
  useQuery,
  type QueryClient,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { Variable } from '../../model/variable';
import { promKeys, variableLookupQuery } from '../../prometheus/queries';
import type { DatasourceHandle } from '../../query/env';
import type { Datasource } from '../../state/datasources';
import { builtinScope } from '../../variables/builtins';
import { ALL_VALUE, type VariableValue } from '../../variables/interpolate';
import type { VariableClient } from '../../variables/query';
import { refreshesOn, resolveVariables, type ResolveResult } from '../../variables/resolve';
import {
  urlKey,
  variablesFromUrl,
  variablesToUrlEntries,
  type UrlParamReader,
} from '../../variables/url';
import { resolveDatasource } from '../datasourceHandles';
import { updateParams } from '../router';

// panels resolve their datasource name the way query variables do
export { datasourceName } from '../../variables/resolve';

/**
 * A VariableClient whose lookups go through the TanStack cache (`promKeys.variableLookup`):
 * a lookup whose arguments did not change (a parent re-picked, the range moved for a refresh-on-load
 * variable) is not sent again; the toolbar's refresh (invalidating `['prom']`) sends them again.
 */
export function cachingVariableClient(qc: QueryClient, handle: DatasourceHandle): VariableClient {
  const c = handle.client;
  const cached = <T>(method: string, args: unknown, fn: () => Promise<T>): Promise<T> =>
    qc.fetchQuery(variableLookupQuery(handle.cacheKey, method, args, fn));
  return {
    labelNames: (q, opts) => cached('labels', q, () => c.labelNames(q, opts)),
    labelValues: (label, q, opts) =>
      cached('label-values', [label, q], () => c.labelValues(label, q, opts)),
    series: (q, opts) => cached('series', q, () => c.series(q, opts)),
    query: (q, opts) => cached('query', q, () => c.query(q, opts)),
  };
}

export interface VariablesState {
  /** undefined until the first resolution finished */
  result: ResolveResult | undefined;
  /** the scope for panel queries (empty until resolved) */
  scope: Record<string, VariableValue>;
  /** true while (re)resolving */
  fetching: boolean;
  /** true once values can be used (no variables, or the first resolution is done) */
  ready: boolean;
  /** writes a new selection to the URL (`var-NAME`, repeated; `$__all`) */
  select(name: string, value: string | string[]): void;
  /** the dashboard's variables by name (for interpolating datasource names, titles …) */
  variables: readonly Variable[];
}

/** Writes one variable's selection into the URL (a history entry, like Grafana). */
function selectVariable(v: Variable | undefined, value: string | string[]): void {
  if (!v) return;
  const entries = variablesToUrlEntries([
    { name: v.name, value, isAll: value === ALL_VALUE, skipUrlSync: false },
  ]);
  updateParams({ [urlKey(v.name)]: entries.map(([, x]) => x) });
}

/**
 * After a resolution for the current URL: a `var-` value the URL holds that is no longer valid
 * (e.g. a child of a re-picked parent) is replaced in the URL by what was picked instead, so a
 * copied link shows exactly this view. Variables absent from the URL stay absent.
 */
function useUrlCorrection(
  result: ResolveResult | undefined,
  current: boolean,
  variables: readonly Variable[],
  params: UrlParamReader,
) {
  const fix: Record<string, string[]> = {};
  if (result && current) {
    for (const v of variables) {
      if (v.skipUrlSync) continue;
      const inUrl = params.getAll(urlKey(v.name));
      const r = result.variables[v.name];
      if (inUrl.length === 0 || !r || r.error) continue;
      const want = variablesToUrlEntries([{ name: v.name, value: r.value, isAll: r.isAll }]).map(
        ([, x]) => x,
      );
      const legacyAll = r.isAll && inUrl.length === 1 && inUrl[0] === 'All';
      if (!legacyAll && JSON.stringify(want) !== JSON.stringify(inUrl)) fix[urlKey(v.name)] = want;
    }
  }
  const fixKey = Object.keys(fix).length ? JSON.stringify(fix) : '';
  useEffect(() => {
    if (fixKey) updateParams(JSON.parse(fixKey) as Record<string, string[]>, true);
  }, [fixKey]);
}

const EMPTY: Record<string, VariableValue> = {};

/**
 * Resolves a dashboard's variables (dependency order, seeded from `var-` URL params) as one
 * TanStack query whose key holds everything the answer depends on: the definitions, the URL
 * selections, the datasources, and the time range only when some variable refreshes on time
 * change. The previous answer stays while a new one is computed.
 */
export function useVariables(input: {
  dashboardUid: string;
  dashboardTitle: string;
  variables: readonly Variable[];
  params: UrlParamReader;
  range: { fromMs: number; toMs: number };
  timeZone: string;
  datasources: Datasource[];
  /** a settings preview: own cache entry, never writes the URL */
  preview?: boolean;
}): VariablesState {
  const qc = useQueryClient();
  const { variables, datasources } = input;
  // "On load" variables fetch over the range as it was when the dashboard opened or when the
  // from/to expressions last changed: auto-refresh moving "now" does not re-fetch them.
  const rangeExpr = `${input.params.get?.('from') ?? ''}|${input.params.get?.('to') ?? ''}`;
  const [load, setLoad] = useState(() => ({ expr: rangeExpr, range: input.range }));
  if (load.expr !== rangeExpr) setLoad({ expr: rangeExpr, range: input.range });
  const loadRange = load.expr === rangeExpr ? load.range : input.range;
  const urlValues = variablesFromUrl(input.params, variables);
  const urlJson = JSON.stringify(urlValues);
  const onTime = variables.some((v) => refreshesOn(v, 'time'));
  const range = onTime ? input.range : loadRange;
  const dsKey = useMemo(
    () => JSON.stringify(datasources.map((d) => [d.name, d.url, d.isDefault, d.headers])),
    [datasources],
  );
  const query = useQuery({
    queryKey: promKeys.variables(!!input.preview, input.dashboardUid, [
      JSON.stringify(variables),
      urlJson,
      dsKey,
      range.fromMs,
      range.toMs,
    ]),
    queryFn: ({ signal }) =>
      resolveVariables({
        variables,
        urlValues,
        range,
        loadRange,
        signal,
        builtins: builtinScope({
          fromMs: range.fromMs,
          toMs: range.toMs,
          intervalMs: 0,
          rateIntervalMs: 0,
          dashboard: { uid: input.dashboardUid, title: input.dashboardTitle },
          timeZone: input.timeZone,
        }),
        fetcher: {
          client: (name) => {
            const h = resolveDatasource(datasources, name);
            return 'error' in h ? h : cachingVariableClient(qc, h);
          },
          datasources: (type) =>
            (type === '' || type === 'prometheus' ? datasources : []).map((d) => d.name),
        },
      }),
    enabled: variables.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  const result = variables.length ? query.data : undefined;
  useUrlCorrection(
    result,
    !input.preview && !query.isPlaceholderData && !query.isFetching,
    variables,
    input.params,
  );
  return {
    variables,
    select: (name, value) =>
      selectVariable(
        variables.find((v) => v.name === name),
        value,
      ),
    result,
    scope: result?.scope ?? EMPTY,
    fetching: query.isFetching,
    ready: variables.length === 0 || result !== undefined,
  };
}
