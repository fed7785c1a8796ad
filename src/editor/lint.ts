// The PromQL linter, variable-aware: codemirror-promql's own analysis runs on the query with
// template variables replaced by same-length placeholders, and diagnostics the variables
// caused are dropped. Positions stay those of the original text.

import { ensureSyntaxTree } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { LanguageType, PromQLExtension, promQLLanguage } from '@prometheus-io/codemirror-promql';
import { filterVariableDiagnostics, findVariableRefs, substituteVariables } from './variables';

const language = promQLLanguage(LanguageType.PromQL);
const strategy = new PromQLExtension().getLinter();

/** The query language a server speaks: PromQL, or VictoriaMetrics' MetricsQL (a superset). */
export type Dialect = 'promql' | 'metricsql';

/**
 * Diagnostics for one expression that may hold template variables. MetricsQL accepts what
 * PromQL rejects (`rate(x)` without a window, `histogram_quantiles(…)`, `WITH` templates, …), so
 * for it only what is wrong in both languages is reported: unbalanced brackets and unterminated
 * strings.
 */
export function lintPromQL(text: string, dialect: Dialect = 'promql'): Diagnostic[] {
  if (!text.trim()) return [];
  if (dialect === 'metricsql') return lintBrackets(text);
  const refs = findVariableRefs(text);
  const doc = substituteVariables(text, refs);
  const initial = EditorState.create({ doc, extensions: language });
  // A new state parses for a few ms only and keeps what it got: on a busy CPU a tree cut short,
  // which gives bogus diagnostics ("expected 1 argument(s), got 0"). Finish the parse, then let a
  // transaction move the finished tree into the state the linter reads (syntaxTree).
  ensureSyntaxTree(initial, doc.length, 10_000);
  const state = initial.update({}).state;
  // codemirror-promql's linter only reads `view.state`
  const found = strategy.promQL()({ state } as EditorView);
  if (!Array.isArray(found)) return [];
  return filterVariableDiagnostics(found as Diagnostic[], refs).map((d) => ({
    ...d,
    from: Math.min(d.from, text.length),
    to: Math.min(d.to, text.length),
  }));
}

const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const OPEN: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Unbalanced (), [], {} and unterminated '…', "…", `…` strings; `#` comments skipped. */
export function lintBrackets(text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: { ch: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      const start = i;
      for (i++; i < text.length && text[i] !== ch; i++) if (ch !== '`' && text[i] === '\\') i++;
      if (i >= text.length)
        out.push({
          from: start,
          to: text.length,
          severity: 'error',
          message: `unterminated string ${ch}`,
        });
    } else if (CLOSE[ch]) {
      stack.push({ ch, at: i });
    } else if (OPEN[ch]) {
      const top = stack.pop();
      if (!top || top.ch !== OPEN[ch]) {
        out.push({ from: i, to: i + 1, severity: 'error', message: `unexpected ${ch}` });
        if (top) stack.push(top);
      }
    }
  }
  for (const open of stack)
    out.push({
      from: open.at,
      to: open.at + 1,
      severity: 'error',
      message: `unclosed ${open.ch}: expected ${CLOSE[open.ch]}`,
    });
  return out.sort((a, b) => a.from - b.from);
}

/**
 * The linter extension for the editor (use with PromQLExtension's own linter turned off);
 * `dialect` is read at each run, so a datasource switch applies at the next lint.
 */
export function promQLVariableLinter(
  delay = 250,
  dialect: () => Dialect = () => 'promql',
): Extension {
  return linter((view) => lintPromQL(view.state.doc.toString(), dialect()), { delay });
}
