/**
 * Grafana's template interpolation for PromQL: `$var`, `${var}`, `${var:format}`, `[[var]]`,
 * `[[var:format]]`, every named format, and the Prometheus datasource's default escaping
 * (grafana-prometheus `interpolateQueryExpr` + `escaping.ts`).
 */
import { VARIABLE_PATTERN } from '../model/templateSyntax';
import { formatPattern } from '../time/format';

/** A variable's current value as interpolation sees it. */
export interface VariableValue {
  value: string | string[];
  /** display text (the `text` format); defaults to the value */
  text?: string | string[];
  /** the user picked "All" */
  isAll?: boolean;
  /** custom all value (inserted unescaped, like Grafana) */
  allValue?: string;
  multi?: boolean;
  includeAll?: boolean;
  /** every option value (what "All" stands for without a custom all value) */
  options?: string[];
  /** built-ins and constants that are never escaped */
  raw?: boolean;
}

export type Scope = Readonly<Record<string, VariableValue>>;

/**
 * The scope's own value for `name`: a name from a dashboard such as `constructor` or `__proto__`
 * must not find `Object.prototype`'s members.
 */
export const lookupVar = (scope: Scope, name: string): VariableValue | undefined =>
  Object.hasOwn(scope, name) ? scope[name] : undefined;

/**
 * Above this many values, "All" without a custom all value is sent as `.+` instead of a giant
 * alternation, so requests stay far below URL/body limits. The picker says so.
 */
export const ALL_ALTERNATION_LIMIT = 200;
export const LARGE_ALL_REGEX = '.+';

export { VARIABLE_PATTERN };

/** Names referenced by `text`, in order of first use (for dependency ordering). */
export function referencedNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(VARIABLE_PATTERN)) {
    const name = m[1] ?? m[2] ?? m[4];
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * Replaces every known variable in `text`. Unknown names are left as typed (Grafana does the
 * same), so PromQL's own error points at them.
 */
export function interpolate(text: string, scope: Scope, defaultFormat?: string): string {
  if (!text.includes('$') && !text.includes('[[')) return text;
  return text.replace(
    VARIABLE_PATTERN,
    (match, n1?: string, n2?: string, f2?: string, n3?: string, field?: string, f3?: string) => {
      const name = (n1 ?? n2 ?? n3)!;
      const v = lookupVar(scope, name);
      if (!v) return match;
      if (field) return match;
      const format = f2 ?? f3 ?? defaultFormat;
      const value = normalize(v);
      if (value.isAll && value.allValue !== undefined && !formatsCustomAll(format)) {
        // Grafana interpolates a custom all value itself (it may reference other variables);
        // without this variable, so a self-reference cannot loop.
        const { [name]: _self, ...rest } = scope;
        return interpolate(value.allValue, rest);
      }
      return formatVariable(name, value, format);
    },
  );
}

/**
 * Grafana inserts a custom all value as is, except for `text` ("All"), `percentencode`, and
 * `queryparam` (`var-x=$__all`, like the URL).
 */
function formatsCustomAll(format: string | undefined): boolean {
  const fmt = (format ?? '').split(':')[0];
  return fmt === 'text' || fmt === 'percentencode' || fmt === 'queryparam';
}

/** A value of `$__all` (what URLs and saved dashboards hold) means All. */
function normalize(v: VariableValue): VariableValue {
  if (v.isAll || v.raw) return v;
  const isAllToken = Array.isArray(v.value)
    ? v.value.length === 1 && v.value[0] === ALL_VALUE
    : v.value === ALL_VALUE;
  return isAllToken ? { ...v, isAll: true } : v;
}

/** The value Grafana stores and puts in URLs for "All". */
export const ALL_VALUE = '$__all';

/** A single or multi value (or none) as a list. */
export const asArray = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** The values "All" stands for, or the custom all value. */
function effectiveValues(v: VariableValue): string[] {
  if (v.isAll) return v.options ?? [];
  return asArray(v.value);
}

/** One variable's value in a given format (undefined = the Prometheus default). */
export function formatVariable(name: string, variable: VariableValue, format?: string): string {
  const v = normalize(variable);
  const [fmt = '', ...args] = (format ?? '').split(':');
  if (fmt === 'date') {
    const single = Array.isArray(v.value) ? v.value[0] : v.value;
    if (single !== undefined && single.trim() !== '' && !Number.isNaN(Number(single)))
      return formatDate(Number(single), args.join(':') || 'iso');
    return Array.isArray(v.value) ? v.value.join(',') : v.value;
  }
  if (v.raw && !format) return Array.isArray(v.value) ? v.value.join(',') : v.value;

  if (v.isAll && v.allValue !== undefined && !formatsCustomAll(format)) return v.allValue;

  const values = v.isAll && v.allValue !== undefined ? [v.allValue] : effectiveValues(v);
  const many = v.isAll || Array.isArray(v.value);

  switch (fmt) {
    case '':
      return prometheusDefault(v, values);
    case 'raw':
      return values.join(',');
    case 'csv':
      return values.join(',');
    case 'pipe':
      return values.join('|');
    case 'regex':
      if (values.length === 1) return regexEscape(values[0]!);
      return `(${values.map(regexEscape).join('|')})`;
    case 'json':
      return JSON.stringify(many ? values : values[0]);
    case 'doublequote':
      return values.map((s) => `"${s.replace(/"/g, '\\"')}"`).join(',');
    case 'singlequote':
      return values.map((s) => `'${s.replace(/'/g, "\\'")}'`).join(',');
    case 'sqlstring':
      return values.map((s) => `'${s.replace(/'/g, "''")}'`).join(',');
    case 'lucene':
      if (!many) return luceneEscape(values[0] ?? '');
      if (values.length === 0) return '__empty__';
      return `(${values.map((s) => `"${luceneEscape(s)}"`).join(' OR ')})`;
    case 'distributed':
      return values.map((s, i) => (i === 0 ? s : `${name}=${s}`)).join(',');
    case 'text': {
      if (v.isAll) return 'All';
      const text = v.text ?? v.value;
      return Array.isArray(text) ? text.join(' + ') : text;
    }
    case 'queryparam':
      // like the URL: All is `$__all` whatever the all value
      if (v.isAll) return `var-${encodeURIComponentStrict(name)}=$__all`;
      return values
        .map((s) => `var-${encodeURIComponentStrict(name)}=${encodeURIComponentStrict(s)}`)
        .join('&');
    case 'percentencode':
      if (v.isAll && v.allValue !== undefined) return encodeURIComponentStrict(v.allValue);
      return encodeURIComponentStrict(many ? `{${values.join(',')}}` : values[0]!);
    case 'glob':
    default:
      // glob is also Grafana's fallback for an unknown format
      if (!many || values.length <= 1) return values[0] ?? '';
      return `{${values.join(',')}}`;
  }
}

/** grafana-prometheus interpolateQueryExpr. */
function prometheusDefault(v: VariableValue, values: string[]): string {
  if (v.isAll && v.allValue !== undefined) return v.allValue;
  if (!v.multi && !v.includeAll && !Array.isArray(v.value)) return prometheusRegularEscape(v.value);
  if (v.isAll && values.length > ALL_ALTERNATION_LIMIT) return LARGE_ALL_REGEX;
  const escaped = values.map(prometheusSpecialRegexEscape);
  if (escaped.length === 1) return escaped[0]!;
  if (escaped.length === 0) return '';
  return `(${escaped.join('|')})`;
}

/** A single value inside a PromQL string: backslashes doubled, `'` as `\\'` (Grafana classic). */
export function prometheusRegularEscape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/'/g, "\\\\'");
}

/**
 * A value used as a regex inside a PromQL string: `\` becomes `\\\\`, regex specials get `\\`
 * (the backslash itself is escaped once more for the string literal).
 */
export function prometheusSpecialRegexEscape(value: string): string {
  return value.replace(/\\/g, '\\\\\\\\').replace(/[$^*{}[\]+?.()|]/g, '\\\\$&');
}

/** Grafana's kbn.regexEscape (the `regex` format). */
export function regexEscape(value: string): string {
  return value.replace(/[\\^$*+?.()|[\]{}/]/g, '\\$&');
}

function luceneEscape(value: string): string {
  return value.replace(/([!*+\-=<>\s&|()[\]{}^~?:\\/"])/g, '\\$1');
}

/** encodeURIComponent plus the characters RFC 3986 reserves (Grafana's encodeURIComponentStrict). */
export function encodeURIComponentStrict(s: string): string {
  return encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `${__from:date}` formats: `iso` (default), `seconds`, `ms`, or a moment-style pattern with YYYY,
 * MM, DD, HH, mm, ss, SSS (UTC, through the time module's formatPattern).
 */
export function formatDate(ms: number, pattern: string): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (pattern === 'iso') return new Date(ms).toISOString();
  if (pattern === 'seconds') return String(Math.floor(ms / 1000));
  if (pattern === 'ms') return String(ms);
  return formatPattern(ms, pattern, 'utc');
}
