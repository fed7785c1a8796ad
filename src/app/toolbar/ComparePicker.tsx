import { useState } from 'react';
import './compare.css';
import type { Dashboard } from '../../model/dashboard';
import { COMPARE_CHOICES, parseCompare, type CompareTo } from '../../query/compare';
import { chooseCompare } from '../time/compareParam';

const CUSTOM = 'custom';

/**
 * The toolbar's "Compare to" picker: Off, 1 h, 1 d, 1 w ago, or a custom offset typed in
 * ("2d", "1h30m"). In edit mode the choice is saved with the dashboard; otherwise it lives in
 * the URL (`&compare=`).
 */
export default function ComparePicker(props: {
  dashboard: Dashboard;
  compare: CompareTo | null;
  /** why the URL's `compare` was not used */
  urlError?: string | undefined;
  editing: boolean;
  onChange(fn: (d: Dashboard) => Dashboard): void;
  /** the toolbar's own picker (gives way below 1 280 px), or the one in the time picker */
  placement?: 'toolbar' | 'time-picker';
}) {
  const { compare } = props;
  const [custom, setCustom] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const value = compare ? compare.text : 'off';
  const choose = (v: string) => chooseCompare(v, props.dashboard, props.editing, props.onChange);
  const apply = () => {
    const text = (custom ?? '').trim();
    const parsed = parseCompare(text);
    if (parsed && 'error' in parsed) return setError(parsed.error);
    choose(text || 'off');
    setCustom(null);
    setError(undefined);
  };
  const shownError = error ?? props.urlError;
  const inPicker = props.placement === 'time-picker';
  const cls = inPicker ? 'compare-picker' : 'compare-picker compare-standalone';
  if (custom !== null)
    return (
      <span className={cls} data-testid="compare-picker">
        <input
          aria-label="Compare to (offset)"
          data-testid="compare-custom"
          placeholder="e.g. 2d"
          size={6}
          autoFocus
          value={custom}
          aria-invalid={error !== undefined}
          title={error ?? 'How far back: 1h, 2d, 1w, 1h30m… (Enter to apply, Esc to cancel)'}
          onChange={(e) => {
            setCustom(e.target.value);
            setError(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              // not the time picker's form
              e.preventDefault();
              apply();
            }
            if (e.key === 'Escape') {
              e.stopPropagation();
              setCustom(null);
              setError(undefined);
            }
          }}
          onBlur={() => {
            if (!error) setCustom(null);
          }}
        />
        {error && (
          <span className="error compare-error" role="alert" data-testid="compare-error">
            {error}
          </span>
        )}
      </span>
    );
  const choices = COMPARE_CHOICES.some((c) => c.value === value)
    ? COMPARE_CHOICES
    : [...COMPARE_CHOICES, { value, label: compare?.label ?? value }];
  return (
    <span className={cls} data-testid="compare-picker">
      <select
        aria-label="Compare to"
        data-testid={inPicker ? 'compare-select-in-picker' : 'compare-select'}
        title={shownError ?? 'Compare to the past: the same queries, moved back, dashed'}
        className={compare ? 'compare-on' : undefined}
        value={value}
        onChange={(e) => {
          if (e.target.value === CUSTOM) setCustom(compare?.text ?? '');
          else choose(e.target.value);
        }}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.value === 'off' ? 'Compare: off' : `vs ${c.label}`}
          </option>
        ))}
        <option value={CUSTOM}>Custom…</option>
      </select>
      {props.urlError && !inPicker && (
        <span className="error compare-error" role="alert" data-testid="compare-error">
          {props.urlError}
        </span>
      )}
    </span>
  );
}
