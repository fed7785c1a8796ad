/**
 * Panel links, data links and dashboard links: their variables, Grafana's, interpolated for
 * where they stand, and the final `href` checked (`model/links.ts` `safeLinkHref`).
 *
 * - Dashboard variables (`$job`, `${job}`, `${job:format}`), `$__from`/`$__to` (epoch ms, with
 *   the `:date` formats), `$__url_time_range` (`from=…&to=…`, the range as in the page URL:
 *   `now-6h` stays relative) and `$__all_variables` (`var-x=…&…`).
 * - Data: `${__field.name}`, `${__field.labels.x}`, `${__value.raw}`, `${__value.text}`,
 *   `${__value.numeric}`, `${__value.time}`, `${__series.name}`, `${__data.fields[1]}`,
 *   `${__data.fields["name"]}` / `${__data.fields.name}`, old tables' `$__cell` and `$__cell_N`.
 *
 * In a URL every value is percent-encoded (a value cannot add parameters, a path or a scheme)
 * unless its format says otherwise (`${x:raw}`, `:queryparam`, …: the user asked for that
 * shape); in a title values are inserted as text (React escapes them).
 */
import type { TooltipLink } from '../../charts/timeseries/types';
import type { DashboardLink, PanelLink } from '../../model/dashboard';
import type { Labels } from '../../model/frame';
import { appendQuery, appendRawQuery, dashboardHref, safeLinkHref } from '../../model/links';
import { VARIABLE_PATTERN } from '../../model/templateSyntax';
import {
  encodeURIComponentStrict,
  formatVariable,
  lookupVar,
  type Scope,
  type VariableValue,
} from '../../variables/interpolate';
import { variablesToUrlEntries } from '../../variables/url';

/** What every link is interpolated with: the dashboard's variables and time. */
export interface LinkEnv {
  scope: Scope;
  fromMs: number;
  toMs: number;
  /** the range as the page URL holds it (`now-6h`); absent: the epoch milliseconds */
  rawRange?: { from: string; to: string } | undefined;
  /** the variables that travel in URLs (`var-…`), in order; absent: every non-built-in in scope */
  urlVariables?: readonly string[] | undefined;
}

/** What a data link points at (a table cell, a series at a time). */
export interface LinkData {
  field?: { name: string; labels?: Labels | undefined } | undefined;
  value?:
    | { raw: string | number | undefined; text?: string | undefined; timeMs?: number | undefined }
    | undefined;
  seriesName?: string | undefined;
  /** the row's cells in column order with their names (`$__cell_N`, `${__data.fields…}`) */
  row?: { names: readonly string[]; values: readonly (string | number | undefined)[] } | undefined;
  /** old tables' `$__cell`: the cell's own value */
  cell?: string | number | undefined;
}

/** A link ready to draw: `href` undefined when the URL is not one Scry opens (see `blocked`). */
export interface ResolvedLink {
  title: string;
  href: string | undefined;
  /** the interpolated URL that was refused (shown on hover instead of opening it) */
  blocked?: string | undefined;
  targetBlank: boolean;
}

type Where = 'url' | 'text';
/** A data value, or an already encoded query string (`$__url_time_range`). */
type Found = { text: string; query?: boolean };

/** The range's `from`/`to` parameters: relative expressions as typed, else epoch ms. */
export function timeParams(env: LinkEnv): [string, string][] {
  const pick = (raw: string | undefined, ms: number) =>
    raw !== undefined && /^now/.test(raw.trim()) ? raw.trim() : String(Math.round(ms));
  return [
    ['from', pick(env.rawRange?.from, env.fromMs)],
    ['to', pick(env.rawRange?.to, env.toMs)],
  ];
}

/** `var-NAME=value` parameters of the current selections (`$__all` for All). */
export function variableParams(env: LinkEnv): [string, string][] {
  const names = env.urlVariables ?? Object.keys(env.scope).filter((n) => !n.startsWith('__'));
  const states = names.flatMap((name) => {
    const v = lookupVar(env.scope, name);
    return v ? [{ name, value: v.value, isAll: v.isAll }] : [];
  });
  return variablesToUrlEntries(states);
}

const queryString = (params: readonly (readonly [string, string])[]): string =>
  appendQuery('', params).slice(1);

/** `$__cell`, `$__cell_N`, `$__url_time_range`, `$__all_variables`. */
function special(name: string, env: LinkEnv, data: LinkData | undefined): Found | undefined {
  if (name === '__url_time_range') return { text: queryString(timeParams(env)), query: true };
  if (name === '__all_variables') return { text: queryString(variableParams(env)), query: true };
  if (name === '__cell' && data && 'cell' in data) return { text: cellText(data.cell) };
  const n = /^__cell_(\d+)$/.exec(name);
  if (n && data?.row) return { text: cellText(data.row.values[Number(n[1])]) };
  return undefined;
}

const cellText = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

/** `${__field.labels.x}` and the other dotted data variables; undefined = not known here. */
function dataPath(name: string, path: string, data: LinkData | undefined): Found | undefined {
  if (!data) return undefined;
  if (name === '__field' && data.field) {
    if (path === 'name') return { text: data.field.name };
    const label = /^labels\.(.+)$/.exec(path)?.[1];
    if (label !== undefined) {
      const labels = data.field.labels ?? {};
      return { text: Object.hasOwn(labels, label) ? labels[label]! : '' };
    }
    return undefined;
  }
  if (name === '__value' && data.value) {
    const v = data.value;
    if (path === 'raw') return { text: cellText(v.raw) };
    if (path === 'numeric') return { text: String(Number(v.raw)) };
    if (path === 'text') return { text: v.text ?? cellText(v.raw) };
    if (path === 'time' && v.timeMs !== undefined) return { text: String(v.timeMs) };
    return undefined;
  }
  if (name === '__series' && path === 'name' && data.seriesName !== undefined)
    return { text: data.seriesName };
  if (name === '__data' && data.row) {
    const m = /^fields(?:\[(\d+)\]|\[(["'])(.*)\2\]|\.(.+))$/.exec(path);
    if (!m) return undefined;
    const index = m[1] !== undefined ? Number(m[1]) : data.row.names.indexOf((m[3] ?? m[4])!);
    return index < 0 ? undefined : { text: cellText(data.row.values[index]) };
  }
  return undefined;
}

/** `$__from`/`$__to` as variables, so that `${__from:date:iso}` works as in queries. */
function timeScope(env: LinkEnv): Record<string, VariableValue> {
  return {
    __from: { value: String(Math.round(env.fromMs)), raw: true },
    __to: { value: String(Math.round(env.toMs)), raw: true },
  };
}

/** Interpolates a link's URL (`where = 'url'`) or title (`'text'`). Unknown names stay as typed. */
export function interpolateLink(
  text: string,
  env: LinkEnv,
  data: LinkData | undefined,
  where: Where,
): string {
  if (!text.includes('$') && !text.includes('[[')) return text;
  const times = timeScope(env);
  return text.replace(
    VARIABLE_PATTERN,
    (match, n1?: string, n2?: string, f2?: string, n3?: string, path?: string, f3?: string) => {
      const name = (n1 ?? n2 ?? n3)!;
      const format = f2 ?? f3;
      const found = path !== undefined ? dataPath(name, path, data) : special(name, env, data);
      if (found) {
        if (found.query || where === 'text' || format === 'raw') return found.text;
        return encodeURIComponentStrict(found.text);
      }
      if (path !== undefined) return match;
      const v = lookupVar(times, name) ?? lookupVar(env.scope, name);
      if (!v) return match;
      if (where === 'text') return formatVariable(name, v, format ?? 'glob');
      // the default in a URL: each value percent-encoded (several: Grafana's `{a,b}`)
      return formatVariable(name, v, format ?? 'percentencode');
    },
  );
}

/** A panel or data link, interpolated and checked. Its title defaults to the URL. */
export function resolveLink(link: PanelLink, env: LinkEnv, data?: LinkData): ResolvedLink {
  const url = interpolateLink(link.url.replace(/\n/g, ''), env, data, 'url');
  const title = interpolateLink(link.title, env, data, 'text').trim() || url;
  const href = safeLinkHref(url);
  return {
    title,
    href,
    blocked: href === undefined ? url : undefined,
    targetBlank: link.targetBlank === true,
  };
}

/** The parameters a dashboard link adds: the time range (keepTime), then the variables. */
function carriedParams(link: DashboardLink, env: LinkEnv): [string, string][] {
  return [
    ...(link.keepTime ? timeParams(env) : []),
    ...(link.includeVars ? variableParams(env) : []),
  ];
}

/** A `link` dashboard link: its URL interpolated, then the time range and variables added. */
export function resolveDashboardLink(link: DashboardLink, env: LinkEnv): ResolvedLink {
  const url = interpolateLink(link.url.replace(/\n/g, ''), env, undefined, 'url');
  const full = appendQuery(url, carriedParams(link, env));
  const href = safeLinkHref(full);
  return {
    title: interpolateLink(link.title, env, undefined, 'text').trim() || url,
    href,
    blocked: href === undefined ? full : undefined,
    targetBlank: link.targetBlank,
  };
}

/** The link to one stored dashboard a `dashboards` link lists. */
export function storedDashboardHref(uid: string, link: DashboardLink, env: LinkEnv): string {
  return appendRawQuery(dashboardHref(uid), queryString(carriedParams(link, env)));
}

/**
 * Attributes every link of Scry's gets: the new tab only when asked, never an opener or a
 * referrer, and the target shown on hover (under the title when that says something else). A
 * refused URL gets no `href` and says why.
 */
export function linkAttributes(
  link: Pick<ResolvedLink, 'href' | 'targetBlank' | 'blocked'> & { title?: string },
): { href?: string; target?: string; rel: string; title: string } {
  const { href, title } = link;
  const attrs: { href?: string; target?: string; rel: string; title: string } = {
    rel: 'noopener noreferrer',
    title:
      href === undefined
        ? `Not opened: only http(s) and relative links are (${link.blocked ?? ''})`
        : title && title !== href
          ? `${title}\n${href}`
          : href,
  };
  if (href !== undefined) attrs.href = href;
  if (link.targetBlank) attrs.target = '_blank';
  return attrs;
}

/** One series' data links at one point (the time series tooltip). */
export function seriesTooltipLinks(
  links: readonly PanelLink[],
  env: LinkEnv,
  point: { name: string; labels?: Labels | undefined; value: number; text: string; timeMs: number },
): TooltipLink[] {
  const data: LinkData = {
    field: { name: point.name, labels: point.labels },
    value: { raw: point.value, text: point.text, timeMs: point.timeMs },
    seriesName: point.name,
  };
  return links.map((l) => {
    const r = resolveLink(l, env, data);
    return {
      title: r.title,
      href: r.href,
      targetBlank: r.targetBlank,
      hover: linkAttributes(r).title,
    };
  });
}
