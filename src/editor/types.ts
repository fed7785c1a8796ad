// Props shared by the CodeMirror editor and its lazy-loading wrapper (types only: importing
// this module loads no code).

import type { PrometheusClient as CompletionClient } from '@prometheus-io/codemirror-promql';

/** What the editor asks for completions and hover metadata (see createEditorClient). */
export type EditorClient = CompletionClient & {
  /** metadata of one metric or of its family (`x_bucket` → `x`); EditorPromClient has it */
  metadataFor?(
    metricName: string,
  ): Promise<{ name: string; type: string; help: string; unit: string }[]>;
  /** the server's query language (VictoriaMetrics: MetricsQL, linted tolerantly) */
  dialect?: 'promql' | 'metricsql';
};

export interface PromQLEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter */
  onRun?: () => void;
  /** when the editor loses focus */
  onBlur?: () => void;
  /** completion and hover source for the panel's datasource; null: offline completion only */
  client: EditorClient | null;
  /** names of the dashboard's template variables (without `$`) */
  variables: readonly string[];
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
  /** focus the editor (cursor at the end) when it mounts */
  autoFocus?: boolean;
  /** show the Format button; default true */
  formatButton?: boolean;
}
