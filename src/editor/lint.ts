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

/** Diagnostics for one PromQL expression that may hold template variables. */
export function lintPromQL(text: string): Diagnostic[] {
  if (!text.trim()) return [];
  const refs = findVariableRefs(text);
  const doc = substituteVariables(text, refs);
  const state = EditorState.create({ doc, extensions: language });
  ensureSyntaxTree(state, doc.length, 1000);
  // codemirror-promql's linter only reads `view.state`
  const found = strategy.promQL()({ state } as EditorView);
  if (!Array.isArray(found)) return [];
  return filterVariableDiagnostics(found as Diagnostic[], refs).map((d) => ({
    ...d,
    from: Math.min(d.from, text.length),
    to: Math.min(d.to, text.length),
  }));
}

/** The linter extension for the editor (use with PromQLExtension's own linter turned off). */
export function promQLVariableLinter(delay = 250): Extension {
  return linter((view) => lintPromQL(view.state.doc.toString()), { delay });
}
