import { useState } from 'react';
import type { Panel } from '../../model/dashboard';
import { parseCompare } from '../../query/compare';

/**
 * The panel's own "Compare to": empty = the dashboard's, `off`, or an offset (1h, 1d, 1w, 2d).
 * Only a valid value reaches the panel; a bad one is named under the field.
 */
export default function CompareOption(props: {
  panel: Pick<Panel, 'compare'>;
  onChange(patch: Pick<Panel, 'compare'>): void;
}) {
  const [text, setText] = useState(props.panel.compare ?? '');
  const parsed = parseCompare(text);
  const error = text.trim() !== '' && parsed && 'error' in parsed ? parsed.error : undefined;
  return (
    <label>
      Compare to
      <input
        data-testid="panel-compare"
        list="compare-offsets"
        value={text}
        placeholder="dashboard's"
        aria-invalid={error !== undefined}
        title="Compare this panel to the past: off, 1h, 1d, 1w, 2d… (empty: the dashboard's choice)"
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          const t = v.trim();
          if (t === '') return props.onChange({ compare: undefined });
          const c = parseCompare(t);
          if (c && 'error' in c) return;
          props.onChange({ compare: c ? c.text : 'off' });
        }}
      />
      <datalist id="compare-offsets">
        {['off', '1h', '1d', '1w'].map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      {error && (
        <span className="error" role="alert" data-testid="panel-compare-error">
          {error}
        </span>
      )}
    </label>
  );
}
