// The values a variable being edited resolves to, fetched like the dashboard would (debounced).
import { useEffect, useState } from 'react';
import type { VariableFormProps } from './VariableForm';
import { useVariables } from './useVariables';

/** `value` after `ms` without changes. */
function useDebounced<T>(value: T, ms: number): T {
  const [out, setOut] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setOut(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return out;
}

export default function VariablePreview(
  props: Pick<
    VariableFormProps,
    | 'draft'
    | 'others'
    | 'allWithDraft'
    | 'dashboard'
    | 'params'
    | 'range'
    | 'timeZone'
    | 'datasources'
  > & {
    /** the draft has problems: preview the variables without it */
    broken: boolean;
  },
) {
  const v = props.draft;
  const previewVars = useDebounced(props.allWithDraft, 400);
  const preview = useVariables({
    dashboardUid: props.dashboard.uid,
    dashboardTitle: props.dashboard.title,
    variables: props.broken ? props.others : previewVars,
    params: props.params,
    range: props.range,
    timeZone: props.timeZone,
    datasources: props.datasources,
    preview: true,
  });
  const resolved = preview.result?.variables[v.name];
  const hasQuery = v.type !== 'constant' && v.type !== 'textbox';
  return (
    <section className="var-preview" data-testid="variable-preview" aria-busy={preview.fetching}>
      <h3>
        Preview of values
        {resolved && hasQuery && ` (${resolved.options.length})`}
      </h3>
      {resolved?.error && (
        <div className="error" role="alert" data-testid="variable-preview-error">
          {resolved.error}
        </div>
      )}
      {resolved && (
        <div className="var-preview-values">
          {resolved.options.slice(0, 100).map((o) => (
            <span key={o.value} className="chip" data-testid="variable-preview-value">
              {o.text}
            </span>
          ))}
          {resolved.options.length > 100 && (
            <span className="muted">… and {resolved.options.length - 100} more</span>
          )}
        </div>
      )}
    </section>
  );
}
