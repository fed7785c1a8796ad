// The PromQL editor, loaded on demand: dashboards never download CodeMirror; a plain textarea
// with the same props stands in until the editor's chunk arrives (or if it fails to load).

import { Component, lazy, Suspense, useState, type ReactNode } from 'react';
import type { PromQLEditorProps } from './types';

export type { EditorClient, PromQLEditorProps } from './types';

const PromQLEditor = lazy(() => import('./PromQLEditor'));

/** Starts downloading the editor's chunk early (e.g. when a panel editor is about to open). */
export function preloadPromQLEditor(): void {
  void import('./PromQLEditor');
}

/** The textarea stand-in: same behaviour (Ctrl/Cmd+Enter runs), no highlighting. */
export function PromQLTextarea(
  props: PromQLEditorProps & { onFocusChange?: (f: boolean) => void },
) {
  return (
    <textarea
      className="mono"
      data-testid={props['data-testid']}
      aria-label={props['aria-label'] ?? 'PromQL expression'}
      rows={Math.min(10, Math.max(2, props.value.split('\n').length))}
      value={props.value}
      placeholder={props.placeholder}
      spellCheck={false}
      onChange={(e) => props.onChange(e.target.value)}
      autoFocus={props.autoFocus}
      onFocus={() => props.onFocusChange?.(true)}
      onBlur={() => {
        props.onFocusChange?.(false);
        props.onBlur?.();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          props.onRun?.();
        }
      }}
    />
  );
}

/** Falls back to the textarea when the chunk cannot load (offline, deploy in between). */
class Fallback extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export default function LazyPromQLEditor(props: PromQLEditorProps) {
  // someone typing in the stand-in keeps the focus when the editor replaces it
  const [focused, setFocused] = useState(false);
  const fallback = <PromQLTextarea {...props} onFocusChange={setFocused} />;
  return (
    <Fallback fallback={fallback}>
      <Suspense fallback={fallback}>
        <PromQLEditor {...props} autoFocus={props.autoFocus || focused} />
      </Suspense>
    </Fallback>
  );
}

export { LazyPromQLEditor };
