/**
 * Prometheus query variables (Grafana's `metric_find_query.ts`): the classic query syntax, fetching
 * the option values, then the Regex filter/capture, de-duplication and sorting
 * (`metricNamesToVariableValues`, `sortVariableValues`).
 */
import type { RequestOptions } from '../prometheus/client';
import type { InstantResult } from '../prometheus/types';

/** A parsed query-variable definition. */
export type PromVariableQuery =
  /** `label_names()` or `label_names(<metric regex or selector>)` → /api/v1/labels */
  | { kind: 'label_names'; match?: string }
  /** `label_values(label)` or `label_values(<metric or selector>, label)` */
  | { kind: 'label_values'; label: string; match?: string }
  /** `metrics(regex)`: metric names the (unanchored) regex finds */
  | { kind: 'metrics'; regex: string }
  /** `query_result(expr)`: instant query at the range end, one row per sample */
  | { kind: 'query_result'; expr: string }
  /** anything else: a series selector → /api/v1/series */
  | { kind: 'series'; match: string };

export type ParseResult = { ok: true; query: PromVariableQuery } | { ok: false; error: string };

const LABEL_NAMES = /^label_names\(\s*(.*?)\s*\)$/s;
const LABEL_VALUES = /^label_values\((?:(.+),\s*)?([a-zA-Z_$][a-zA-Z0-9_]*)\s*\)$/s;
const METRICS = /^metrics\((.+)\)$/s;
const QUERY_RESULT = /^query_result\((.+)\)$/s;

/** Parses an (already interpolated) query-variable definition. */
export function parseVariableQuery(text: string): ParseResult {
  const q = text.trim();
  if (q === '') return { ok: false, error: 'The query is empty' };

  let m = LABEL_NAMES.exec(q);
  if (m) {
    const arg = m[1] ?? '';
    if (arg === '') return { ok: true, query: { kind: 'label_names' } };
    const match = arg.includes('{') ? arg : `{__name__=~"${arg.replace(/(["\\])/g, '\\$1')}"}`;
    return { ok: true, query: { kind: 'label_names', match } };
  }
  if (/^label_values\s*\(/.test(q)) {
    m = LABEL_VALUES.exec(q);
    if (!m) return { ok: false, error: `Invalid label_values query: ${q}` };
    const label = m[2]!;
    const match = m[1]?.trim();
    return {
      ok: true,
      query: match ? { kind: 'label_values', label, match } : { kind: 'label_values', label },
    };
  }
  m = METRICS.exec(q);
  if (m) return { ok: true, query: { kind: 'metrics', regex: m[1]!.trim() } };
  m = QUERY_RESULT.exec(q);
  if (m) return { ok: true, query: { kind: 'query_result', expr: m[1]!.trim() } };
  if (/^(label_names|metrics|query_result)\s*\(/.test(q))
    return { ok: false, error: `Invalid query: ${q}` };
  return { ok: true, query: { kind: 'series', match: q } };
}

/** Range params for label/series lookups. */
interface RangeQuery {
  match?: string[];
  startSec?: number;
  endSec?: number;
}

/**
 * What query variables need from a Prometheus server. PrometheusClient satisfies it, so callers
 * pass the real client; tests pass a plain object.
 */
export interface VariableClient {
  labelNames(q?: RangeQuery, opts?: RequestOptions): Promise<{ data: string[] }>;
  labelValues(label: string, q?: RangeQuery, opts?: RequestOptions): Promise<{ data: string[] }>;
  series(
    q: { match: string[]; startSec?: number; endSec?: number },
    opts?: RequestOptions,
  ): Promise<{ data: Record<string, string>[] }>;
  query(
    q: { expr: string; timeSec: number },
    opts?: RequestOptions,
  ): Promise<{ data: InstantResult }>;
}

/** One option of a variable. */
export interface VariableOption {
  text: string;
  value: string;
}

export interface FetchRange {
  startSec: number;
  endSec: number;
}

const option = (s: string): VariableOption => ({ text: s, value: s });

/** `metric{a="b",c="d"}` the way Grafana writes series rows (values unescaped, like Grafana). */
export function seriesText(labels: Record<string, string>): string {
  const { __name__: name = '', ...rest } = labels;
  const parts = Object.entries(rest).map(([k, v]) => `${k}="${v}"`);
  return `${name}{${parts.join(',')}}`;
}

/** Grafana's query_result rows: `metric{labels} value timestampMs`; scalars/strings: the value. */
export function queryResultRows(result: InstantResult): string[] {
  switch (result.resultType) {
    case 'scalar':
    case 'string':
      return [result.result[1] ?? ''];
    case 'vector':
      return result.result.map((s) => {
        const [ts, value] = s.value ?? [s.histogram?.[0] ?? 0, s.histogram?.[1].count ?? ''];
        return `${seriesText(s.metric)} ${value} ${Math.round(ts * 1000)}`;
      });
    default:
      throw new Error(`query_result needs an instant vector, scalar or string, not a range vector`);
  }
}

/**
 * The raw options of a query variable (before the Regex, de-duplication and sorting). Errors
 * (network, PromQL, bad regex) reject.
 */
export async function fetchQueryOptions(
  query: PromVariableQuery,
  client: VariableClient,
  range: FetchRange,
  opts: RequestOptions = {},
): Promise<VariableOption[]> {
  const { startSec, endSec } = range;
  switch (query.kind) {
    case 'label_names': {
      const q: RangeQuery = { startSec, endSec };
      if (query.match) q.match = [query.match];
      return (await client.labelNames(q, opts)).data.map(option);
    }
    case 'label_values': {
      const q: RangeQuery = { startSec, endSec };
      if (query.match) q.match = [query.match];
      return (await client.labelValues(query.label, q, opts)).data.map(option);
    }
    case 'metrics': {
      const re = new RegExp(query.regex);
      const names = (await client.labelValues('__name__', { startSec, endSec }, opts)).data;
      return names.filter((n) => re.test(n)).map(option);
    }
    case 'query_result': {
      const answer = await client.query({ expr: query.expr, timeSec: endSec }, opts);
      return queryResultRows(answer.data).map(option);
    }
    case 'series': {
      const answer = await client.series({ match: [query.match], startSec, endSec }, opts);
      return answer.data.map((labels) => option(seriesText(labels)));
    }
  }
}

/**
 * Grafana's stringToJsRegex: `/re/flags`, or a bare pattern anchored as `^re$`. Throws on an
 * invalid regex.
 */
export function parseVariableRegex(text: string): RegExp {
  if (!text.startsWith('/')) return new RegExp(`^${text}$`);
  const m = /^\/(.*)\/([gimsuy]*)$/s.exec(text);
  if (!m) throw new Error(`'${text}' is not a valid regular expression.`);
  return new RegExp(m[1]!, m[2]);
}

function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(text);
    if (!m) break;
    out.push(m);
    if (!re.global) break;
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/**
 * The Regex field (Grafana `metricNamesToVariableValues`): options whose text does not match are
 * dropped; named groups `value`/`text` pick them; otherwise capture group 1 (with the `g` flag,
 * every match's group 1 becomes an option).
 */
export function applyVariableRegex(options: VariableOption[], re: RegExp): VariableOption[] {
  const out: VariableOption[] = [];
  for (const o of options) {
    const matches = allMatches(o.text, re);
    if (matches.length === 0) continue;
    const valueGroup = matches.find((m) => m.groups?.value !== undefined);
    const textGroup = matches.find((m) => m.groups?.text !== undefined);
    const firstMatch = matches.find((m) => m.length > 1);
    if (valueGroup || textGroup) {
      const value = (valueGroup?.groups?.value ?? textGroup?.groups?.text)!;
      const text = (textGroup?.groups?.text ?? valueGroup?.groups?.value)!;
      out.push({ text, value });
    } else if (matches.length > 1 && firstMatch) {
      for (const m of matches) if (m[1] !== undefined) out.push(option(m[1]));
    } else if (firstMatch) {
      if (firstMatch[1] !== undefined) out.push(option(firstMatch[1]));
    } else {
      out.push(o);
    }
  }
  return out;
}

/** Keeps the first option of each value. */
export function dedupeOptions(options: VariableOption[]): VariableOption[] {
  const seen = new Set<string>();
  return options.filter((o) => (seen.has(o.value) ? false : (seen.add(o.value), true)));
}

/** Grafana VariableSort. */
export const VariableSort = {
  disabled: 0,
  alphabeticalAsc: 1,
  alphabeticalDesc: 2,
  numericalAsc: 3,
  numericalDesc: 4,
  alphabeticalCaseInsensitiveAsc: 5,
  alphabeticalCaseInsensitiveDesc: 6,
  naturalAsc: 7,
  naturalDesc: 8,
} as const;

const collator = new Intl.Collator(undefined, { sensitivity: 'accent', numeric: true });

/** The first integer in the text, -1 without one (Grafana's numerical sort key). */
function numericKey(text: string): number {
  const m = /(\d+)/.exec(text);
  return m ? parseInt(m[1]!, 10) : -1;
}

function sortByKey<K extends string | number>(
  options: VariableOption[],
  key: (o: VariableOption) => K,
): VariableOption[] {
  // lodash sortBy: stable, compares with < and >
  return options
    .map((o, i) => ({ o, i, k: key(o) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
    .map((x) => x.o);
}

/** Grafana sortVariableValues, codes 0–8 (sorts by text). Returns a new array. */
export function sortOptions(options: VariableOption[], sort: number): VariableOption[] {
  switch (sort) {
    case 1:
      return sortByKey(options, (o) => o.text);
    case 2:
      return sortByKey(options, (o) => o.text).reverse();
    case 3:
      return sortByKey(options, (o) => numericKey(o.text));
    case 4:
      return sortByKey(options, (o) => numericKey(o.text)).reverse();
    case 5:
      return sortByKey(options, (o) => o.text.toLowerCase());
    case 6:
      return sortByKey(options, (o) => o.text.toLowerCase()).reverse();
    case 7:
    case 8: {
      const sorted = [...options].sort((a, b) => collator.compare(a.text, b.text));
      return sort === 8 ? sorted.reverse() : sorted;
    }
    default:
      return [...options];
  }
}

/**
 * Regex (already interpolated; empty = none) → de-duplication by value → sort, like Grafana.
 * Throws on an invalid regex.
 */
export function processOptions(
  options: VariableOption[],
  settings: { regex?: string; sort?: number },
): VariableOption[] {
  const filtered = settings.regex
    ? applyVariableRegex(options, parseVariableRegex(settings.regex))
    : options;
  return sortOptions(dedupeOptions(filtered), settings.sort ?? 0);
}
