import { useEffect, useRef, useState, type ReactNode } from 'react';
import { describeRange, quickRanges, resolveRange } from '../../time/range';
import { formatInputTime } from '../../time/format';
import { compactRangeLabel } from './rangeLabel';
import { browserTimeZone } from '../../time/zone';

export interface TimePickerProps {
  from: string;
  to: string;
  timeZone: string;
  nowMs: number;
  onChange(range: { from: string; to: string }): void;
  onTimeZone(tz: string): void;
  onZoomOut(): void;
  /**
   * compare to the past: its picker, also offered inside the popover (the toolbar's own picker
   * gives way below 1 280 px), and a badge on the button while a comparison is on
   */
  compare?: { picker: ReactNode; badge?: string | undefined } | undefined;
}

/** Grafana-style picker: quick relative ranges, typed expressions (now-6h, now/d), absolute dates. */
export default function TimePicker(props: TimePickerProps) {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(props.from);
  const [to, setTo] = useState(props.to);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);

  const apply = () => {
    const r = resolveRange(
      { from: from.trim(), to: to.trim() },
      { nowMs: Date.now(), timeZone: props.timeZone },
    );
    if (!r.ok) {
      setError(r.error);
      return;
    }
    props.onChange({
      from: toUrlExpr(from.trim(), props.timeZone),
      to: toUrlExpr(to.trim(), props.timeZone),
    });
    setOpen(false);
  };

  const label = describeRange({ from: props.from, to: props.to }, { timeZone: props.timeZone });
  return (
    <div className="time-picker row" ref={ref}>
      <button
        type="button"
        onClick={props.onZoomOut}
        title="Zoom out (Ctrl+Z)"
        aria-label="Zoom out"
      >
        ⊖
      </button>
      <button
        type="button"
        data-testid="time-picker"
        title={label}
        aria-expanded={open}
        onClick={() => {
          if (!open) {
            setFrom(displayExpr(props.from, props.timeZone));
            setTo(displayExpr(props.to, props.timeZone));
            setError(null);
          }
          setOpen(!open);
        }}
      >
        {compactRangeLabel(label)}
        {props.timeZone === 'utc' && <span className="badge muted">UTC</span>}
        {props.compare?.badge && (
          <span className="badge compare-badge" data-testid="compare-badge">
            {props.compare.badge}
          </span>
        )}
      </button>
      {open && (
        <div className="picker-pop" role="dialog" aria-label="Time range">
          <form
            className="abs"
            onSubmit={(e) => {
              e.preventDefault();
              apply();
            }}
          >
            <strong>Time range</strong>
            <label>
              From
              <input
                data-testid="time-from"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
                placeholder="now-6h"
              />
            </label>
            <label>
              To
              <input
                data-testid="time-to"
                value={to}
                onChange={(e) => setTo(e.target.value)}
                placeholder="now"
              />
            </label>
            <span className="muted">
              e.g. <code>now-6h</code>, <code>now/d</code>, <code>now-1d/d</code>,{' '}
              <code>2026-01-01 00:00:00</code>
            </span>
            {error && (
              <span className="error" role="alert" data-testid="time-error">
                {error}
              </span>
            )}
            <button type="submit" className="primary" data-testid="time-apply">
              Apply time range
            </button>
            <label>
              Time zone
              <select
                data-testid="time-zone"
                value={
                  props.timeZone === 'utc'
                    ? 'utc'
                    : props.timeZone === 'browser'
                      ? 'browser'
                      : props.timeZone
                }
                onChange={(e) => props.onTimeZone(e.target.value)}
              >
                <option value="browser">Browser time ({browserTimeZone()})</option>
                <option value="utc">UTC</option>
                {props.timeZone !== 'browser' && props.timeZone !== 'utc' && (
                  <option value={props.timeZone}>{props.timeZone}</option>
                )}
              </select>
            </label>
            {props.compare && (
              <label className="compare-in-picker">
                Compare to the past
                {props.compare.picker}
              </label>
            )}
          </form>
          <div className="quick" aria-label="Quick ranges">
            {quickRanges.map((q) => (
              <button
                key={q.from + q.to}
                type="button"
                aria-pressed={q.from === props.from && q.to === props.to}
                onClick={() => {
                  props.onChange({ from: q.from, to: q.to });
                  setOpen(false);
                }}
              >
                {q.label}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

/** Epoch-ms URL values are shown as readable dates in the inputs. */
function displayExpr(expr: string, timeZone: string): string {
  return /^\d{12,}$/.test(expr) ? formatInputTime(Number(expr), timeZone) : expr;
}

/** Absolute dates typed in the inputs go to the URL as epoch ms; relative expressions as typed. */
function toUrlExpr(expr: string, timeZone: string): string {
  if (expr.startsWith('now') || /^\d{12,}$/.test(expr)) return expr;
  const r = resolveRange({ from: expr, to: expr }, { nowMs: Date.now(), timeZone });
  return r.ok ? String(r.fromMs) : expr;
}
