// The PromQL query editor: CodeMirror 6 with codemirror-promql (highlighting, completion through
// the datasource's client, a variable-aware linter), history, Ctrl/Cmd+Enter to run, a Format
// button and metric TYPE/HELP on hover. Default export, meant for React.lazy (LazyPromQLEditor).

import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  autocompletion,
  closeCompletion,
  completionKeymap,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { HighlightStyle, syntaxHighlighting, syntaxTree } from '@codemirror/language';
import { forceLinting, lintKeymap } from '@codemirror/lint';
import { Annotation, Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  hoverTooltip,
  keymap,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
  placeholder as placeholderExt,
  type Tooltip,
} from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { LanguageType, PromQLExtension, promQLLanguage } from '@prometheus-io/codemirror-promql';
import { currentTheme, useTheme } from '../theme/runtime';
import { familyName, registerMatcherOps } from './client';
import { formatPromQL } from './format';
import { promQLVariableLinter } from './lint';
import type { EditorClient, PromQLEditorProps } from './types';
import { VARIABLE_RE, variableCompletionSource } from './variables';

export type { EditorClient, PromQLEditorProps } from './types';

registerMatcherOps(promQLLanguage(LanguageType.PromQL).parser.nodeSet.types);

/** Marks document changes that came from the `value` prop (not reported back). */
const external = Annotation.define<boolean>();

// The theme tokens of src/app/app.css: the editor follows the light and dark themes live.
const C = {
  bg: 'var(--bg)',
  panel: 'var(--panel)',
  panel2: 'var(--panel-2)',
  border: 'var(--border)',
  text: 'var(--text)',
  muted: 'var(--muted)',
  primary: 'var(--primary)',
  onPrimary: 'var(--on-primary)',
  danger: 'var(--danger)',
  variable: 'var(--syn-variable)',
};

const editorTheme = EditorView.theme({
  '&': {
    backgroundColor: C.bg,
    color: C.text,
    border: `1px solid ${C.border}`,
    borderRadius: '4px',
    fontSize: '12.5px',
    maxHeight: '320px',
  },
  '&.cm-focused': { outline: '2px solid var(--focus-ring)', outlineOffset: '0' },
  '.cm-scroller': {
    fontFamily: "'JetBrains Mono', ui-monospace, SFMono-Regular, Menlo, monospace",
    lineHeight: '1.5',
    overflow: 'auto',
  },
  '.cm-content': { padding: '5px 0', minHeight: '2.6em', caretColor: C.text },
  '.cm-line': { padding: '0 8px' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: C.text },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection':
    { backgroundColor: 'var(--selection-bg)' },
  '.cm-placeholder': { color: C.muted },
  '.cm-activeLine': { backgroundColor: 'transparent' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
    backgroundColor: 'var(--match-bg)',
    outline: 'none',
  },
  '.cm-tooltip': {
    backgroundColor: C.panel2,
    color: C.text,
    border: `1px solid ${C.border}`,
    borderRadius: '4px',
    boxShadow: '0 4px 12px var(--shadow)',
  },
  '.cm-tooltip-autocomplete > ul': {
    fontFamily: "'JetBrains Mono', ui-monospace, SFMono-Regular, Menlo, monospace",
    fontSize: '12.5px',
    maxHeight: '16em',
  },
  '.cm-tooltip-autocomplete > ul > li': { padding: '2px 8px' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: C.primary,
    color: C.onPrimary,
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected] .cm-completionDetail': { color: C.onPrimary },
  '.cm-completionDetail': { color: C.muted, fontStyle: 'normal', marginLeft: '1em' },
  '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: 'bold' },
  '.cm-completionInfo': {
    backgroundColor: C.panel2,
    border: `1px solid ${C.border}`,
    maxWidth: '420px',
    padding: '6px 8px',
  },
  '.cm-tooltip-lint': { padding: '0' },
  '.cm-diagnostic': { padding: '4px 8px' },
  '.cm-diagnostic-error': { borderLeft: `4px solid ${C.danger}` },
  '.scry-var, .scry-var span': { color: C.variable },
  '.scry-metric-hover': { padding: '6px 8px', maxWidth: '480px', fontSize: '12.5px' },
  '.scry-metric-hover b': { fontFamily: "'JetBrains Mono', ui-monospace, monospace" },
  '.scry-metric-type': {
    display: 'inline-block',
    marginLeft: '8px',
    padding: '0 5px',
    borderRadius: '3px',
    backgroundColor: C.bg,
    color: C.variable,
    fontSize: '11px',
    textTransform: 'uppercase',
  },
  '.scry-metric-help': { marginTop: '4px', color: C.text, whiteSpace: 'pre-wrap' },
});

/** CodeMirror's own dark/light defaults (what our theme does not set), switched with the theme. */
const darkness = new Compartment();

const highlight = HighlightStyle.define([
  { tag: t.comment, color: 'var(--syn-comment)', fontStyle: 'italic' },
  { tag: t.string, color: 'var(--syn-string)' },
  { tag: t.number, color: 'var(--syn-number)' },
  { tag: t.labelName, color: 'var(--syn-label)' },
  { tag: t.variableName, color: 'var(--syn-name)' },
  { tag: t.function(t.variableName), color: 'var(--syn-function)' },
  { tag: t.operatorKeyword, color: 'var(--syn-keyword)' },
  { tag: t.modifier, color: 'var(--syn-keyword)' },
  { tag: t.logicOperator, color: 'var(--syn-keyword)' },
  { tag: [t.operator, t.arithmeticOperator], color: 'var(--syn-operator)' },
  { tag: [t.paren, t.squareBracket, t.brace], color: 'var(--syn-punct)' },
  { tag: t.invalid, color: 'var(--syn-invalid)' },
]);

async function metadataOf(client: EditorClient, name: string) {
  if (client.metadataFor) return client.metadataFor(name);
  const md = await client.metricMetadata();
  const own = md[name];
  if (own?.length) return own.map((e) => ({ name, ...e, unit: '' }));
  const base = familyName(name);
  return (md[base] ?? []).map((e) => ({ name: base, ...e, unit: '' }));
}

/** The TYPE/HELP tooltip for the metric name at `pos`, if it is one and has metadata. */
export async function metricTooltipAt(
  state: EditorState,
  pos: number,
  side: -1 | 1,
  client: EditorClient | null,
): Promise<Tooltip | null> {
  if (!client) return null;
  const node = syntaxTree(state).resolveInner(pos, side);
  if (node.name !== 'Identifier' || node.parent?.name !== 'VectorSelector') return null;
  const name = state.sliceDoc(node.from, node.to);
  let entries: Awaited<ReturnType<typeof metadataOf>>;
  try {
    entries = await metadataOf(client, name);
  } catch {
    return null;
  }
  const first = entries[0];
  if (!first) return null;
  return {
    pos: node.from,
    end: node.to,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'scry-metric-hover';
      dom.setAttribute('data-testid', 'metric-hover');
      const head = dom.appendChild(document.createElement('div'));
      // the name hovered (an OpenMetrics counter's metadata is under its family name, without
      // `_total`)
      head.appendChild(document.createElement('b')).textContent = name;
      const type = head.appendChild(document.createElement('span'));
      type.className = 'scry-metric-type';
      type.textContent = [...new Set(entries.map((e) => e.type))].join(' / ');
      if (first.unit) {
        const unit = head.appendChild(document.createElement('span'));
        unit.className = 'scry-metric-type';
        unit.textContent = first.unit;
      }
      for (const help of new Set(entries.map((e) => e.help).filter(Boolean))) {
        const h = dom.appendChild(document.createElement('div'));
        h.className = 'scry-metric-help';
        h.textContent = help;
      }
      return { dom };
    },
  };
}

/** TYPE and HELP of the metric under the pointer. */
function metricHover(client: () => EditorClient | null): Extension {
  return hoverTooltip((view, pos, side) => metricTooltipAt(view.state, pos, side, client()));
}

const variableMark = Decoration.mark({ class: 'scry-var' });
const variableMatcher = new MatchDecorator({
  // the syntaxes findVariableRefs knows, anywhere in the text
  regexp: new RegExp(VARIABLE_RE.source, 'g'),
  decoration: () => variableMark,
});

/** Template variable references drawn as such (the PromQL grammar sees them as errors). */
const variableHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = variableMatcher.createDeco(view);
    }
    update(u: ViewUpdate) {
      this.decorations = variableMatcher.updateDeco(u, this.decorations);
    }
  },
  { decorations: (v) => v.decorations },
);

/** Changes only the part of the document that differs, so the cursor stays where it was. */
function minimalChange(from: string, to: string): { from: number; to: number; insert: string } {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)
  )
    end++;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

export default function PromQLEditor(props: PromQLEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const promqlRef = useRef<PromQLExtension | null>(null);
  const latest = useRef(props);
  const [formatError, setFormatError] = useState<string | null>(null);
  const theme = useTheme();

  useLayoutEffect(() => {
    latest.current = props;
  });

  // one EditorView for the component's lifetime
  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const promql = new PromQLExtension().activateLinter(false);
    const c = latest.current.client;
    promql.setComplete(c ? { remote: c } : undefined);
    promqlRef.current = promql;
    const variables = variableCompletionSource(() => latest.current.variables);
    const complete = (
      ctx: CompletionContext,
    ): Promise<CompletionResult | null> | CompletionResult | null =>
      // a `)` just typed ends an expression: the operators that may follow are not worth a
      // popup over the query (Ctrl+Space still lists them)
      !ctx.explicit && ctx.matchBefore(/\)\s*$/)
        ? null
        : (variables(ctx) ?? promql.getComplete().promQL(ctx));

    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                preventDefault: true,
                run: (v) => {
                  closeCompletion(v);
                  latest.current.onRun?.();
                  return true;
                },
              },
            ]),
          ),
          history(),
          keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
          promql.asExtension(),
          autocompletion({ override: [complete], activateOnTyping: true, maxRenderedOptions: 200 }),
          promQLVariableLinter(250, () => latest.current.client?.dialect ?? 'promql'),
          metricHover(() => latest.current.client),
          syntaxHighlighting(highlight),
          variableHighlight,
          editorTheme,
          darkness.of(EditorView.darkTheme.of(currentTheme() === 'dark')),
          EditorView.lineWrapping,
          placeholderExt(latest.current.placeholder ?? ''),
          EditorView.contentAttributes.of({
            'aria-label': latest.current['aria-label'] ?? 'PromQL expression',
            spellcheck: 'false',
          }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !u.transactions.some((tr) => tr.annotation(external))) {
              latest.current.onChange(u.state.doc.toString());
            }
          }),
          EditorView.domEventHandlers({
            blur: () => {
              latest.current.onBlur?.();
            },
          }),
        ],
      }),
    });
    viewRef.current = view;
    if (latest.current.autoFocus) {
      view.dispatch({ selection: { anchor: view.state.doc.length } });
      view.focus();
    }
    return () => {
      view.destroy();
      promql.destroy();
      viewRef.current = null;
      promqlRef.current = null;
    };
  }, []);

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: darkness.reconfigure(EditorView.darkTheme.of(theme === 'dark')),
    });
  }, [theme]);

  // the value changed from outside (undo in the panel editor, a proposal, a reset …)
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const doc = view.state.doc.toString();
    if (doc === props.value) return;
    view.dispatch({ changes: minimalChange(doc, props.value), annotations: external.of(true) });
  }, [props.value]);

  // another datasource: completion through its client, linted in its dialect
  useEffect(() => {
    promqlRef.current?.setComplete(props.client ? { remote: props.client } : undefined);
    if (viewRef.current) forceLinting(viewRef.current);
  }, [props.client]);

  const format = () => {
    const view = viewRef.current;
    if (!view) return;
    const doc = view.state.doc.toString();
    const r = formatPromQL(doc);
    if (!r.ok) {
      setFormatError(`Cannot format: ${r.error}`);
      return;
    }
    setFormatError(null);
    if (r.text !== doc) view.dispatch({ changes: minimalChange(doc, r.text) });
    view.focus();
  };

  return (
    <div
      className="scry-promql-editor"
      data-testid={props['data-testid']}
      style={{ display: 'flex', flexDirection: 'column', gap: 4, width: '100%', minWidth: 0 }}
    >
      <div ref={host} style={{ minWidth: 0 }} />
      {props.formatButton !== false && (
        <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <button
            type="button"
            data-testid="query-format"
            title="Pretty-print the expression"
            onClick={format}
            style={{ padding: '2px 8px', fontSize: 12 }}
          >
            Format
          </button>
          {formatError && (
            <span role="status" style={{ color: C.muted, fontSize: 12 }}>
              {formatError}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
