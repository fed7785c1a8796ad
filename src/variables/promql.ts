/**
 * PromQL-aware interpolation: every variable reference is escaped for the place it stands in the
 * parsed expression, instead of Grafana's one-size rule (which regex-escapes a value with one
 * backslash inside a double-quoted string — `search\.v2`, "unknown escape sequence" — and
 * regex-escapes it even in an exact `=` matcher, where it then never matches).
 *
 * - inside `"…"` / `'…'` the inserted text is escaped for that string (`\` and the quote);
 *   inside a `` `…` `` raw string nothing is escaped;
 * - in an `=` / `!=` matcher a single value is inserted as it is (never regex-escaped); several
 *   values (multi-value, All) turn the matcher into `=~` / `!~` with the alternation, when the
 *   reference is the whole string (`job="$job"`);
 * - in an `=~` / `!~` matcher (and `label_replace`'s regex argument) values are regex-escaped,
 *   then string-escaped;
 * - outside strings (metric names, durations, numbers, `by (…)`) a value is inserted as is; several
 *   values inside `by (…)` / `on (…)` become a label list;
 * - explicit formats (`${x:regex}`, `${x:pipe}`, `:raw`, …) keep Grafana's meaning and are then
 *   escaped for the string they stand in;
 * - built-ins, constants and custom "All" values are inserted as typed (as in Grafana).
 *
 * The expression is parsed with the lezer PromQL grammar after replacing each reference by a
 * placeholder that parses in its position (an identifier, or a number inside `[…]` and after
 * `offset` / `@`). If that does not parse (a template that only becomes PromQL after
 * interpolation), Grafana's exact rules apply (`interpolate`).
 *
 * The grammar (~26 KB gzip) loads on demand (`loadPromQLParser`): only a reference whose text
 * depends on where it stands needs it — a dashboard variable. Built-ins (`$__rate_interval`, …),
 * unknown names and `${x.field}` are inserted (or left) as typed wherever they stand, so a
 * dashboard without variables never loads it.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import {
  ALL_ALTERNATION_LIMIT,
  LARGE_ALL_REGEX,
  asArray,
  formatVariable,
  interpolate,
  lookupVar,
  VARIABLE_PATTERN,
  type Scope,
  type VariableValue,
  ALL_VALUE,
} from './interpolate';

type Quote = '"' | "'" | '`';

type PromQLParser = (typeof import('@prometheus-io/lezer-promql'))['parser'];

let parser: PromQLParser | undefined;
let loading: Promise<void> | undefined;

/** Loads the PromQL grammar once (a failed load is retried by the next call). */
export function loadPromQLParser(): Promise<void> {
  loading ??= import('@prometheus-io/lezer-promql').then(
    (m) => {
      parser = m.parser;
    },
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

export const promqlParserLoaded = (): boolean => parser !== undefined;

/** Where a reference stands in the parsed expression. */
export type RefContext =
  | { kind: 'outside'; grouping: boolean }
  | {
      kind: 'string';
      quote: Quote;
      /** the matcher operator when the string is a label matcher's value */
      op?: '=' | '!=' | '=~' | '!~';
      /** the string is a regex (=~, !~, label_replace's regex argument) */
      regex: boolean;
      /** the reference is the whole string (`"$job"`) */
      whole: boolean;
      /** the matcher operator's place in the template, for the `=` → `=~` rewrite */
      opFrom?: number;
      opTo?: number;
    };

interface Ref {
  from: number;
  to: number;
  name: string;
  format?: string;
  /** `${x.field}`: left as typed, like Grafana */
  field: boolean;
}

const PLACEHOLDER = (i: number): string => `__scry_var_${i}__`;

/** The template with placeholders, and where each reference's placeholder starts and ends. */
interface Placeholders {
  text: string;
  at: number[];
  len: number[];
}

/** The references in `expr`, in order. */
function findRefs(expr: string): Ref[] {
  const out: Ref[] = [];
  for (const m of expr.matchAll(VARIABLE_PATTERN)) {
    const name = (m[1] ?? m[2] ?? m[4])!;
    out.push({
      from: m.index,
      to: m.index + m[0].length,
      name,
      format: m[3] ?? m[6],
      field: m[5] !== undefined,
    });
  }
  return out;
}

/**
 * `expr` with each reference replaced by a placeholder that parses where it stands: a number
 * inside `[…]` (durations, subquery steps) and after `offset` / `@`, an identifier elsewhere
 * (metric and label names, `by (…)`, and any place inside a string).
 */
function withPlaceholders(expr: string, refs: readonly Ref[]): Placeholders {
  let text = '';
  const at: number[] = [];
  const len: number[] = [];
  let quote: Quote | '#' | null = null;
  let depth = 0;
  let r = 0;
  for (let i = 0; i < expr.length;) {
    const ref = refs[r];
    if (ref && ref.from === i) {
      const before = text.trimEnd();
      const numeric =
        quote === null &&
        (depth > 0 || /(?:^|[^\w:])offset$/i.test(before) || before.endsWith('@'));
      const ph = numeric ? '1' : PLACEHOLDER(r);
      at.push(text.length);
      len.push(ph.length);
      text += ph;
      i = ref.to;
      r++;
      continue;
    }
    const ch = expr[i]!;
    text += ch;
    i++;
    if (quote === '#') {
      if (ch === '\n') quote = null;
    } else if (quote !== null) {
      if (ch === '\\' && quote !== '`' && i < expr.length && refs[r]?.from !== i) {
        text += expr[i]!;
        i++;
      } else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === '`' || ch === '#') quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth = Math.max(0, depth - 1);
  }
  return { text, at, len };
}

function hasError(tree: Tree): boolean {
  let bad = false;
  tree.iterate({
    enter: (n) => {
      if (n.type.isError) bad = true;
      return !bad;
    },
  });
  return bad;
}

const MATCH_OPS: Record<string, '=' | '!=' | '=~' | '!~'> = {
  EqlSingle: '=',
  Neq: '!=',
  EqlRegex: '=~',
  NeqRegex: '!~',
};

/** The context of the node at `pos` of the parsed placeholder text. */
function contextAt(tree: Tree, text: string, pos: number, len: number): RefContext {
  let node: SyntaxNode | null = tree.resolveInner(pos, 1);
  let grouping = false;
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    if (n.name === 'StringLiteral') {
      node = n;
      const quote = text[n.from] as Quote;
      const whole = n.from === pos - 1 && n.to === pos + len + 1;
      const parent = n.parent;
      if (
        parent &&
        (parent.name === 'UnquotedLabelMatcher' || parent.name === 'QuotedLabelMatcher')
      ) {
        const opNode = n.prevSibling;
        const op =
          opNode?.name === 'MatchOp' ? MATCH_OPS[opNode.firstChild?.name ?? ''] : undefined;
        if (op && opNode)
          return {
            kind: 'string',
            quote,
            op,
            regex: op === '=~' || op === '!~',
            whole,
            opFrom: opNode.from,
            opTo: opNode.to,
          };
      }
      return { kind: 'string', quote, regex: isLabelReplaceRegex(n), whole };
    }
    if (n.name === 'GroupingLabels') grouping = true;
  }
  return { kind: 'outside', grouping };
}

/** `label_replace(v, dst, replacement, src, regex)`: the fifth argument is a regex. */
function isLabelReplaceRegex(str: SyntaxNode): boolean {
  const body = str.parent;
  const call = body?.parent;
  if (body?.name !== 'FunctionCallBody' || call?.name !== 'FunctionCall') return false;
  if (call.firstChild?.firstChild?.name !== 'LabelReplace') return false;
  let index = 0;
  for (let s = str.prevSibling; s; s = s.prevSibling) index++;
  return index === 4;
}

/** Escapes text for a PromQL string literal opened with `quote`. */
export function stringEscape(text: string, quote: Quote): string {
  if (quote === '`') return text;
  const q = quote === '"' ? /["\\\n\r]/g : /['\\\n\r]/g;
  return text.replace(q, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\${c}`));
}

/** RE2 (Prometheus) regex escape of a literal value. */
export function promRegexEscape(value: string): string {
  return value.replace(/[\\^$*+?.()|[\]{}]/g, '\\$&');
}

function isAll(v: VariableValue): boolean {
  if (v.isAll) return true;
  const values = asArray(v.value);
  return !v.raw && values.length === 1 && values[0] === ALL_VALUE;
}

/** Grafana inserts a custom all value as is, except for these formats. */
const CUSTOM_ALL_FORMATS = new Set(['text', 'percentencode', 'queryparam']);

interface Replacement {
  text: string;
  /** turn the matcher into its regex form (`=` → `=~`, `!=` → `!~`) */
  toRegex?: boolean;
}

/** One reference's replacement in its context. */
export function replaceRef(
  name: string,
  v: VariableValue,
  format: string | undefined,
  ctx: RefContext,
  scope: Scope,
): Replacement {
  const inString = ctx.kind === 'string';
  const esc = (s: string) => (ctx.kind === 'string' ? stringEscape(s, ctx.quote) : s);
  const all = isAll(v);
  const fmt = (format ?? '').split(':')[0]!;
  const wholeEq = ctx.kind === 'string' && ctx.whole && (ctx.op === '=' || ctx.op === '!=');

  if (all && v.allValue !== undefined && !CUSTOM_ALL_FORMATS.has(fmt)) {
    // as typed (it may reference other variables; without this one, so it cannot loop)
    const { [name]: _self, ...rest } = scope;
    return { text: interpolate(v.allValue, rest), toRegex: wholeEq };
  }
  if (format !== undefined) return { text: esc(formatVariable(name, v, format)) };
  if (v.raw) return { text: formatVariable(name, v) };

  const values = all ? (v.options ?? []) : asArray(v.value);
  if (!inString) {
    if (values.length === 1) return { text: values[0]! };
    if (ctx.grouping) return { text: values.join(', ') };
    return { text: formatVariable(name, v) };
  }
  const regexText = (): string => {
    if (all && values.length > ALL_ALTERNATION_LIMIT) return LARGE_ALL_REGEX;
    const escaped = values.map(promRegexEscape);
    return escaped.length === 1 ? escaped[0]! : escaped.length ? `(${escaped.join('|')})` : '';
  };
  if (ctx.regex) return { text: esc(regexText()) };
  if (values.length === 1) return { text: esc(values[0]!) };
  if (values.length === 0) return { text: '' };
  // several values where one string is expected: an alternation, as a regex matcher when the
  // reference is the whole matcher value
  return { text: esc(regexText()), toRegex: wholeEq };
}

/**
 * A reference that becomes the same text wherever it stands: unknown (left as typed), a field
 * path (left as typed), or a raw value (built-ins, constants) without a format — `replaceRef`
 * and Grafana's `interpolate` both insert these as typed.
 */
function contextFree(ref: Ref, scope: Scope): boolean {
  const v = lookupVar(scope, ref.name);
  return !v || ref.field || (v.raw === true && !v.isAll && ref.format === undefined);
}

/**
 * Whether interpolating `expr` in `scope` needs the grammar that is not loaded yet (some
 * reference's text depends on where it stands). Callers load it first (`loadPromQLParser`).
 */
export function needsPromQLParser(expr: string, scope: Scope): boolean {
  if (parser || (!expr.includes('$') && !expr.includes('[['))) return false;
  return findRefs(expr).some((r) => !contextFree(r, scope));
}

/** The contexts of `expr`'s references, or undefined when the template does not parse. */
export function referenceContexts(
  expr: string,
  refs: Ref[] = findRefs(expr),
): ({ refs: Ref[]; contexts: RefContext[] } & Placeholders) | undefined {
  if (!parser) throw new Error('The PromQL grammar is not loaded (loadPromQLParser)');
  const ph = withPlaceholders(expr, refs);
  const tree = parser.parse(ph.text);
  if (hasError(tree)) return undefined;
  const contexts = refs.map((_, i) => contextAt(tree, ph.text, ph.at[i]!, ph.len[i]!));
  return { refs, contexts, ...ph };
}

/**
 * Interpolates a PromQL expression, escaping each variable for where it stands (see the module
 * comment). Unknown variables and `${x.field}` are left as typed. Needs the grammar loaded when
 * `needsPromQLParser` says so (else it throws).
 */
export function interpolatePromQL(expr: string, scope: Scope): string {
  if (!expr.includes('$') && !expr.includes('[[')) return expr;
  const found = findRefs(expr);
  // every reference is inserted as typed: the same text with or without the parse
  if (found.every((r) => contextFree(r, scope))) return interpolate(expr, scope);
  const parsed = referenceContexts(expr, found);
  if (!parsed) return interpolate(expr, scope);
  const { refs, contexts, at, len } = parsed;
  // placeholder-text offset → template offset (for the matcher operators, which precede refs)
  const toTemplate = (pos: number): number => {
    let delta = 0;
    for (let i = 0; i < refs.length && at[i]! < pos; i++)
      delta += refs[i]!.to - refs[i]!.from - len[i]!;
    return pos + delta;
  };
  const edits: { from: number; to: number; text: string }[] = [];
  refs.forEach((ref, i) => {
    const v = lookupVar(scope, ref.name);
    if (!v || ref.field) return;
    const ctx = contexts[i]!;
    const r = replaceRef(ref.name, v, ref.format, ctx, scope);
    edits.push({ from: ref.from, to: ref.to, text: r.text });
    if (r.toRegex && ctx.kind === 'string' && ctx.opFrom !== undefined && ctx.op) {
      edits.push({
        from: toTemplate(ctx.opFrom),
        to: toTemplate(ctx.opTo!),
        text: ctx.op === '=' ? '=~' : '!~',
      });
    }
  });
  edits.sort((a, b) => a.from - b.from);
  let out = '';
  let last = 0;
  for (const e of edits) {
    out += expr.slice(last, e.from) + e.text;
    last = e.to;
  }
  return out + expr.slice(last);
}
