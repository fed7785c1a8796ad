// Template variables in the editor: where they are, how to hide them from the PromQL parser
// (same-length placeholders that parse), which diagnostics they cause, and their completion.
// Pure: no CodeMirror runtime imports.

import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { BUILTIN_VARIABLE_NAMES, VARIABLE_PATTERN } from '../model/templateSyntax';

/** Grafana's variable syntaxes (`$x`, `[[x:fmt]]`, `${x:fmt}` …), sticky for scanning. */
export const VARIABLE_RE = new RegExp(VARIABLE_PATTERN.source, 'y');

/** Where in a query a reference sits, which decides its placeholder. */
export type VariableContext = 'string' | 'duration' | 'number' | 'identifier';

export interface VariableRef {
  from: number;
  to: number;
  /** the whole reference, e.g. `${job:regex}` */
  text: string;
  /** the variable's name, e.g. `job` */
  name: string;
  format?: string;
  context: VariableContext;
}

/** Built-in variables every query may use (the list interpolation substitutes). */
export const BUILTIN_VARIABLES = BUILTIN_VARIABLE_NAMES;

/**
 * Every variable reference in a query, with its context: inside a string (left alone), inside
 * `[...]` or after `offset` (a duration), after `@` (a number), elsewhere (a name).
 * `# comments` are skipped.
 */
export function findVariableRefs(text: string): VariableRef[] {
  const refs: VariableRef[] = [];
  let quote: string | null = null;
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '$' || (ch === '[' && text[i + 1] === '[')) {
      VARIABLE_RE.lastIndex = i;
      const m = VARIABLE_RE.exec(text);
      if (m) {
        const name = (m[1] ?? m[2] ?? m[4])!;
        const format = m[3] ?? m[6];
        let context: VariableContext = 'identifier';
        if (quote) context = 'string';
        else if (depth > 0 || /\boffset\s*-?\s*$/i.test(text.slice(0, i))) context = 'duration';
        else if (/@\s*$/.test(text.slice(0, i))) context = 'number';
        refs.push({
          from: i,
          to: i + m[0].length,
          text: m[0],
          name,
          ...(format !== undefined ? { format } : {}),
          context,
        });
        i += m[0].length;
        continue;
      }
    }
    if (quote) {
      if (ch === '\\' && quote !== '`') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
    } else if (ch === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (ch === '[') {
      depth++;
    } else if (ch === ']') {
      depth = Math.max(0, depth - 1);
    }
    i++;
  }
  return refs;
}

/** A placeholder of exactly `length` characters that parses in `context`. */
export function placeholder(ref: Pick<VariableRef, 'text' | 'context'>): string {
  const n = ref.text.length;
  switch (ref.context) {
    case 'string':
      return ref.text;
    case 'duration':
      return '1s'.padEnd(n, ' ');
    case 'number':
      return '1'.padEnd(n, ' ');
    default:
      // `$job` → `_job`, `${x:regex}` → `__x_regex_`: a valid metric/label name
      return ref.text.replace(/[^A-Za-z0-9_]/g, '_');
  }
}

/**
 * The query with each variable reference replaced by a same-length placeholder that parses, so
 * that the PromQL linter's positions still point into the original text.
 */
export function substituteVariables(
  text: string,
  refs: readonly VariableRef[] = findVariableRefs(text),
): string {
  let out = '';
  let at = 0;
  for (const r of refs) {
    out += text.slice(at, r.from) + placeholder(r);
    at = r.to;
  }
  return out + text.slice(at);
}

export interface RangeLike {
  from: number;
  to: number;
}

/**
 * Drops diagnostics a variable caused: those lying within a reference (e.g. `topk($k, …)`:
 * "expected scalar, got vector" on `_k`), or overlapping one and hardly larger. Errors about
 * larger expressions that merely contain a variable stay. Exact duplicates are dropped too.
 */
export function filterVariableDiagnostics<D extends RangeLike & { message?: string }>(
  diagnostics: readonly D[],
  refs: readonly VariableRef[],
): D[] {
  const live = refs.filter((r) => r.context !== 'string');
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.from}:${d.to}:${d.message ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !live.some((r) => {
      const overlaps =
        d.from === d.to ? d.from >= r.from && d.from <= r.to : d.from < r.to && r.from < d.to;
      if (!overlaps) return false;
      const within = d.from >= r.from && d.to <= r.to;
      return within || d.to - d.from <= r.to - r.from + 2;
    });
  });
}

export interface VariableOption {
  /** what the list shows, e.g. `$job` */
  label: string;
  /** what replaces the typed text from `from` */
  apply: string;
  detail: string;
  type: 'variable';
  boost: number;
}

export interface VariableCompletion {
  from: number;
  options: VariableOption[];
  validFor: RegExp;
}

/**
 * Completion of variable names when the text before the cursor ends in `$`, `$jo`, `${jo` or
 * `[[jo`: the dashboard's variables first, then the built-ins, except inside `[…]` or after
 * `offset`, where the duration built-ins ($__rate_interval, $__interval, $__range) lead.
 * `textBefore` is the query up to the cursor, `pos` the cursor's document position.
 */
export function completeVariables(
  textBefore: string,
  pos: number,
  variables: readonly string[],
): VariableCompletion | null {
  const m = /(\$\{|\[\[|\$)(\w*)$/.exec(textBefore);
  if (!m) return null;
  const open = m[1]!;
  const typed = m[2]!;
  const from = pos - m[0].length;
  const close = open === '${' ? '}' : open === '[[' ? ']]' : '';
  const names = [...new Set(variables)].filter((v) => v && !v.startsWith('__'));
  // the context the reference being typed sits in, as findVariableRefs sees it
  const probe = findVariableRefs(textBefore.slice(0, textBefore.length - m[0].length) + '$_');
  const inDuration = probe[probe.length - 1]?.context === 'duration';
  const durations: readonly string[] = ['__rate_interval', '__interval', '__range'];
  const options: VariableOption[] = [
    ...names.map((v) => ({ name: v, detail: 'variable', boost: 2 })),
    ...BUILTIN_VARIABLES.map((v) => ({
      name: v,
      detail: 'built-in',
      // distinct boosts: CodeMirror orders equal scores alphabetically
      boost: inDuration && durations.includes(v) ? 6 - durations.indexOf(v) : 1,
    })),
  ]
    .sort((a, b) => b.boost - a.boost)
    .filter((o) => !typed || o.name.toLowerCase().includes(typed.toLowerCase()))
    .map((o) => ({
      label: `${open}${o.name}${close}`,
      apply: `${open}${o.name}${close}`,
      detail: o.detail,
      type: 'variable' as const,
      boost: o.boost,
    }));
  if (!options.length) return null;
  return { from, options, validFor: /^(\$\{|\[\[|\$)\w*(\}|\]\])?$/ };
}

/** A CodeMirror completion source for variables; `variables()` is read at each completion. */
export function variableCompletionSource(
  variables: () => readonly string[],
): (ctx: CompletionContext) => CompletionResult | null {
  return (ctx) => {
    return completeVariables(ctx.state.sliceDoc(0, ctx.pos), ctx.pos, variables());
  };
}
