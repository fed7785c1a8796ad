/**
 * Resolves a dashboard's variables: dependency order, each fetched once (independent ones in
 * parallel), the URL/current selection kept when still an option, else Grafana's fallback
 * (All when the variable includes All, else the first option).
 */
import type { RequestOptions } from '../prometheus/client';
import type { Variable } from '../model/variable';
import {
  AUTO_VALUE,
  constantOptions,
  intervalOptions,
  intervalValue,
  isAutoValue,
  parseCustomOptions,
  textboxOptions,
} from './custom';
import { buildDependencyGraph } from './deps';
import { ALL_VALUE, asArray, interpolate, type Scope, type VariableValue } from './interpolate';
import {
  fetchQueryOptions,
  parseVariableQuery,
  processOptions,
  type VariableClient,
  type VariableOption,
} from './query';

/** The fields of a variable the resolver reads (a parsed model Variable fits). */
export type ResolvableVariable = Pick<Variable, 'name' | 'type' | 'query'> &
  Partial<
    Pick<
      Variable,
      | 'datasource'
      | 'regex'
      | 'sort'
      | 'multi'
      | 'includeAll'
      | 'allValue'
      | 'current'
      | 'auto'
      | 'auto_count'
      | 'auto_min'
      | 'refresh'
    >
  >;

/** Where options come from. */
export interface VariableFetcher {
  /** the client of a datasource (undefined = the default one), or why there is none */
  client(datasource: string | undefined): VariableClient | { error: string };
  /** datasource names of a type (for `datasource` variables) */
  datasources?(type: string): string[];
}

export interface ResolveInput {
  variables: readonly ResolvableVariable[];
  /** selections from the URL (override each variable's saved `current`) */
  urlValues?: Readonly<Record<string, string | string[]>>;
  range: { fromMs: number; toMs: number };
  /**
   * The range the dashboard was loaded with: variables that do not refresh on time-range change
   * (refresh 0/1) fetch over it, so a new range leaves their lookups unchanged (cache hits).
   */
  loadRange?: { fromMs: number; toMs: number };
  fetcher: VariableFetcher;
  /** built-ins for interpolating queries ($__range, $__from, …) */
  builtins?: Scope;
  /**
   * Options already known for some variables (e.g. from the previous resolution when only the
   * time range changed and their refresh is "on load"): those are not fetched again.
   */
  cachedOptions?: Readonly<Record<string, VariableOption[]>>;
  signal?: AbortSignal;
}

export interface ResolvedVariable {
  name: string;
  /** the options (without the All entry) */
  options: VariableOption[];
  /** the selection; `$__all` for All */
  value: string | string[];
  text: string | string[];
  isAll: boolean;
  /** fetching, parsing or dependency problem; the desired value is kept when there is one */
  error?: string;
}

export interface ResolveResult {
  /** values for interpolation (built-ins not included) */
  scope: Record<string, VariableValue>;
  variables: Record<string, ResolvedVariable>;
  /** resolution order (variables with dependency errors last) */
  order: string[];
}

const toSec = (ms: number, up: boolean) => (up ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * A datasource name with variables (`$ds`, `[[ds]]`) replaced; undefined or empty is the default
 * datasource. Panels and query variables name their datasource alike.
 */
export function datasourceName(name: string | undefined, scope: Scope): string | undefined {
  return name ? interpolate(name, scope, 'raw') || undefined : undefined;
}

/** Options of one variable; rejects on failure. */
async function loadOptions(
  v: ResolvableVariable,
  scope: Scope,
  input: ResolveInput,
  desired: string | string[] | undefined,
): Promise<VariableOption[]> {
  const cached =
    input.cachedOptions && Object.hasOwn(input.cachedOptions, v.name)
      ? input.cachedOptions[v.name]
      : undefined;
  if (cached) return cached;
  const opts: RequestOptions = input.signal ? { signal: input.signal } : {};
  const regex = v.regex ? interpolate(v.regex, scope, 'regex') : '';
  switch (v.type) {
    case 'query': {
      const parsed = parseVariableQuery(interpolate(v.query, scope));
      if (!parsed.ok) throw new Error(parsed.error);
      const client = input.fetcher.client(datasourceName(v.datasource, scope));
      if ('error' in client) throw new Error(client.error);
      const r =
        input.loadRange && !refreshesOn({ type: v.type, refresh: v.refresh ?? 1 }, 'time')
          ? input.loadRange
          : input.range;
      const range = { startSec: toSec(r.fromMs, false), endSec: toSec(r.toMs, true) };
      const raw = await fetchQueryOptions(parsed.query, client, range, opts);
      return processOptions(raw, { regex, sort: v.sort ?? 0 });
    }
    case 'custom':
      return parseCustomOptions(interpolate(v.query, scope, 'raw'));
    case 'constant':
      return constantOptions(v.query);
    case 'textbox':
      return textboxOptions(v.query, desired);
    case 'interval':
      return intervalOptions(v);
    case 'datasource': {
      if (!input.fetcher.datasources) throw new Error('No datasource list available');
      const names = input.fetcher.datasources(v.query).map((n) => ({ text: n, value: n }));
      return processOptions(names, { regex, sort: v.sort ?? 0 });
    }
  }
}

function findOption(options: VariableOption[], wanted: string): VariableOption | undefined {
  return options.find((o) => o.value === wanted) ?? options.find((o) => o.text === wanted);
}

interface Selection {
  value: string | string[];
  text: string | string[];
  isAll: boolean;
}

/** Keeps the desired selection where it is still valid, else Grafana's default. */
export function selectValue(
  v: Pick<ResolvableVariable, 'name' | 'type' | 'multi' | 'includeAll' | 'auto'>,
  options: VariableOption[],
  desired: string | string[] | undefined,
): Selection {
  const all: Selection = { value: ALL_VALUE, text: 'All', isAll: true };
  const wanted = asArray(desired);
  if (v.type === 'interval' && v.auto && wanted.some((w) => isAutoValue(w, v.name)))
    return { value: AUTO_VALUE, text: 'auto', isAll: false };
  if (wanted.includes(ALL_VALUE) && v.includeAll) return all;

  const found = wanted
    .map((w) => findOption(options, w))
    .filter((o): o is VariableOption => o !== undefined);
  if (v.multi) {
    const unique = found.filter((o, i) => found.findIndex((x) => x.value === o.value) === i);
    if (unique.length > 0)
      return { value: unique.map((o) => o.value), text: unique.map((o) => o.text), isAll: false };
  } else if (found[0]) {
    return { value: found[0].value, text: found[0].text, isAll: false };
  }
  if (v.includeAll) return all;
  const first = options[0];
  if (!first)
    return v.multi ? { value: [], text: [], isAll: false } : { value: '', text: '', isAll: false };
  return v.multi
    ? { value: [first.value], text: [first.text], isAll: false }
    : { value: first.value, text: first.text, isAll: false };
}

/** The interpolation value of a resolved variable. */
export function scopeValue(
  v: ResolvableVariable,
  resolved: ResolvedVariable,
  rangeMs: number,
): VariableValue {
  if (v.type === 'interval') {
    const picked = Array.isArray(resolved.value) ? (resolved.value[0] ?? '') : resolved.value;
    return { value: intervalValue(picked, v, rangeMs), text: resolved.text, raw: true };
  }
  const out: VariableValue = {
    value: resolved.value,
    text: resolved.text,
    options: resolved.options.map((o) => o.value),
  };
  if (resolved.isAll) out.isAll = true;
  if (v.multi) out.multi = true;
  if (v.includeAll) out.includeAll = true;
  if (v.allValue !== undefined && v.allValue !== '') out.allValue = v.allValue;
  return out;
}

/** Resolves every variable once, in dependency order. Never rejects. */
export async function resolveVariables(input: ResolveInput): Promise<ResolveResult> {
  const graph = buildDependencyGraph(input.variables);
  const byName = new Map<string, ResolvableVariable>();
  for (const v of input.variables) if (!byName.has(v.name)) byName.set(v.name, v);
  const rangeMs = Math.max(0, input.range.toMs - input.range.fromMs);

  // keyed by names from the dashboard: no prototype, so `__proto__` is a name like any other
  const scope: Record<string, VariableValue> = Object.create(null) as Record<string, VariableValue>;
  const variables = Object.create(null) as Record<string, ResolvedVariable>;
  const pending = new Map<string, Promise<void>>();

  const desiredOf = (v: ResolvableVariable) =>
    (input.urlValues && Object.hasOwn(input.urlValues, v.name)
      ? input.urlValues[v.name]
      : undefined) ?? v.current;

  const resolveOne = (name: string): Promise<void> => {
    let p = pending.get(name);
    if (p) return p;
    p = (async () => {
      await Promise.all((graph.dependsOn[name] ?? []).map(resolveOne));
      const v = byName.get(name)!;
      const desired = desiredOf(v);
      let resolved: ResolvedVariable;
      try {
        const options = await loadOptions(v, { ...input.builtins, ...scope }, input, desired);
        resolved = { name, options, ...selectValue(v, options, desired) };
      } catch (e) {
        resolved = errorResult(v, desired, errorText(e));
      }
      variables[name] = resolved;
      scope[name] = scopeValue(v, resolved, rangeMs);
    })();
    pending.set(name, p);
    return p;
  };

  await Promise.all(graph.order.map(resolveOne));

  const failed = graph.names.filter((n) => graph.errors[n] !== undefined);
  for (const name of failed) {
    const v = byName.get(name)!;
    const desired = desiredOf(v);
    variables[name] = errorResult(v, desired, graph.errors[name]!);
    if (desired !== undefined) scope[name] = scopeValue(v, variables[name], rangeMs);
  }
  return { scope, variables, order: [...graph.order, ...failed] };
}

/** On failure the desired value stays (dashboards keep working from the URL), without options. */
function errorResult(
  v: ResolvableVariable,
  desired: string | string[] | undefined,
  error: string,
): ResolvedVariable {
  const isAll =
    desired !== undefined &&
    (Array.isArray(desired) ? desired.includes(ALL_VALUE) : desired === ALL_VALUE);
  const value = isAll ? ALL_VALUE : (desired ?? (v.multi ? [] : ''));
  return { name: v.name, options: [], value, text: isAll ? 'All' : value, isAll, error };
}

/**
 * Whether a variable re-fetches on dashboard load or on a time-range change (refresh 2), like
 * Grafana. Scry saves no options, so even refresh 0 ("never") loads once.
 */
export function refreshesOn(
  v: Pick<Variable, 'refresh' | 'type'>,
  event: 'load' | 'time',
): boolean {
  if (event === 'load') return true;
  return (v.type === 'query' || v.type === 'datasource') && v.refresh === 2;
}
