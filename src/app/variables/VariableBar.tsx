import { useEffect, useMemo, useRef, useState } from 'react';
import type { Variable } from '../../model/variable';
import {
  ALL_ALTERNATION_LIMIT,
  ALL_VALUE,
  asArray,
  LARGE_ALL_REGEX,
} from '../../variables/interpolate';
import type { VariableOption } from '../../variables/query';
import type { ResolvedVariable, ResolveResult } from '../../variables/resolve';
import './variables.css';

export interface VariableBarProps {
  variables: readonly Variable[];
  result: ResolveResult | undefined;
  fetching: boolean;
  /** a new selection: a value, several values, or `$__all` */
  onChange(name: string, value: string | string[]): void;
}

/** One picker per visible variable (constants and `hide: 2` variables are not shown). */
export default function VariableBar(props: VariableBarProps) {
  const visible = props.variables.filter((v) => v.hide !== 2 && v.type !== 'constant');
  if (visible.length === 0) return null;
  return (
    <div className="var-bar" data-testid="variable-bar" aria-busy={props.fetching}>
      {visible.map((v) => {
        const r = props.result?.variables[v.name];
        return (
          <VariablePicker
            key={v.name}
            variable={v}
            resolved={r}
            onChange={(value) => props.onChange(v.name, value)}
          />
        );
      })}
    </div>
  );
}

/** What the button shows for a selection. */
export function selectionText(r: ResolvedVariable | undefined): string {
  if (!r) return '…';
  if (r.isAll) return 'All';
  const text = asArray(r.text);
  if (text.length === 0 || (r.options.length === 0 && text.join('') === '')) return 'None';
  return text.join(' + ');
}

/**
 * Whether queries get `.+` for this selection instead of listing every value: All, no custom all
 * value, more than ALL_ALTERNATION_LIMIT options (the rule of interpolate's Prometheus default).
 */
export function sendsAllAsRegex(
  v: Pick<Variable, 'allValue'>,
  r: Pick<ResolvedVariable, 'isAll' | 'options'> | undefined,
): boolean {
  return !!r?.isAll && !v.allValue && r.options.length > ALL_ALTERNATION_LIMIT;
}

function VariablePicker(props: {
  variable: Variable;
  resolved: ResolvedVariable | undefined;
  onChange(value: string | string[]): void;
}) {
  const { variable: v, resolved: r } = props;
  const label = v.hide === 1 ? null : (v.label ?? v.name);
  const id = `var-${v.name}`;
  const hugeAll = sendsAllAsRegex(v, r);
  return (
    <div
      className={r?.error ? 'var-picker has-error' : 'var-picker'}
      data-testid={`variable-${v.name}`}
      data-value={r ? asArray(r.value).join(',') : ''}
    >
      {label !== null && (
        <label className="var-label" htmlFor={id} title={v.description}>
          {label}
        </label>
      )}
      {v.type === 'textbox' ? (
        <TextboxInput
          key={typeof r?.value === 'string' ? r.value : ''}
          id={id}
          value={typeof r?.value === 'string' ? r.value : v.query}
          onCommit={props.onChange}
        />
      ) : (
        <OptionsDropdown id={id} variable={v} resolved={r} onChange={props.onChange} />
      )}
      {hugeAll && r && (
        <span
          className="var-note"
          data-testid="variable-all-note"
          title={`All has ${r.options.length} values (more than ${ALL_ALTERNATION_LIMIT}): queries get the regex ${LARGE_ALL_REGEX} instead of listing them`}
        >
          All = {LARGE_ALL_REGEX}
        </span>
      )}
      {r?.error && (
        <span className="var-error" role="alert" data-testid="variable-error" title={r.error}>
          ⚠ {r.error}
        </span>
      )}
    </div>
  );
}

function TextboxInput(props: { id: string; value: string; onCommit(v: string): void }) {
  const [text, setText] = useState(props.value);
  const commit = () => {
    if (text !== props.value) props.onCommit(text);
  };
  return (
    <input
      id={props.id}
      className="var-textbox"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setText(props.value);
      }}
    />
  );
}

interface Entry {
  value: string;
  text: string;
}

const NO_OPTIONS: VariableOption[] = [];

function OptionsDropdown(props: {
  id: string;
  variable: Variable;
  resolved: ResolvedVariable | undefined;
  onChange(value: string | string[]): void;
}) {
  const { variable: v, resolved: r } = props;
  const multi = v.multi && v.type !== 'interval';
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  /** multi-select: the picks while open (committed on close) */
  const [picked, setPicked] = useState<string[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);

  const current: string[] = r ? (r.isAll ? [ALL_VALUE] : asArray(r.value)) : [];
  const options: VariableOption[] = r?.options ?? NO_OPTIONS;
  const needle = search.trim().toLowerCase();
  // options can run into thousands: filter them once per search, not on every hover/arrow key
  const filtered = useMemo(
    () => (needle ? options.filter((o) => o.text.toLowerCase().includes(needle)) : options),
    [options, needle],
  );
  const entries: Entry[] = useMemo(
    () => (v.includeAll && !needle ? [{ value: ALL_VALUE, text: 'All' }, ...filtered] : filtered),
    [v.includeAll, needle, filtered],
  );
  const selected = open && multi ? picked : current;

  const show = () => {
    setOpen(true);
    setSearch('');
    setActive(0);
    setPicked(current);
  };
  const close = (commit: boolean) => {
    setOpen(false);
    if (commit && multi && !sameSet(picked, current)) {
      props.onChange(picked.includes(ALL_VALUE) ? ALL_VALUE : picked);
    }
  };
  const closeRef = useRef(close);
  useEffect(() => {
    closeRef.current = close;
  });

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) closeRef.current(true);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const choose = (value: string) => {
    if (!multi) {
      setOpen(false);
      if (!(current.length === 1 && current[0] === value)) props.onChange(value);
      return;
    }
    setPicked((cur) => {
      if (value === ALL_VALUE) return cur.includes(ALL_VALUE) ? [] : [ALL_VALUE];
      const rest = cur.filter((x) => x !== ALL_VALUE);
      return rest.includes(value) ? rest.filter((x) => x !== value) : [...rest, value];
    });
  };

  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
      return;
    }
    if (e.key === 'Tab') {
      close(true);
      return;
    }
    if (!(e.target instanceof HTMLInputElement) || !e.target.classList.contains('var-search'))
      return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(entries.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const entry = entries[Math.min(active, entries.length - 1)];
      if (entry) choose(entry.value);
    }
  };

  const listId = `${props.id}-list`;
  return (
    <div className="var-dropdown" ref={rootRef}>
      <button
        type="button"
        id={props.id}
        className="var-button"
        aria-haspopup="listbox"
        aria-expanded={open}
        data-testid="variable-button"
        onClick={() => (open ? close(true) : show())}
      >
        {selectionText(r)}
        <span aria-hidden className="var-caret">
          ▾
        </span>
      </button>
      {open && (
        <div className="var-menu" data-testid="variable-menu" onKeyDown={onKey}>
          <input
            className="var-search"
            placeholder="Search"
            aria-label={`Search ${v.label ?? v.name}`}
            aria-controls={listId}
            aria-activedescendant={entries.length ? `${listId}-${active}` : undefined}
            data-testid="variable-search"
            autoFocus
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setActive(0);
            }}
          />
          {multi && (
            <div className="var-bulk">
              <button
                type="button"
                data-testid="variable-select-all"
                onClick={() =>
                  setPicked(
                    needle || !v.includeAll
                      ? [
                          ...new Set([
                            ...picked.filter((x) => x !== ALL_VALUE),
                            ...filtered.map((o) => o.value),
                          ]),
                        ]
                      : [ALL_VALUE],
                  )
                }
              >
                Select all
              </button>
              <button
                type="button"
                data-testid="variable-select-none"
                onClick={() => setPicked([])}
              >
                None
              </button>
              <button type="button" className="primary" onClick={() => close(true)}>
                Apply
              </button>
            </div>
          )}
          <ul className="var-options" role="listbox" id={listId} aria-multiselectable={multi}>
            {entries.map((e, i) => {
              const isSel = selected.includes(e.value);
              return (
                <li
                  key={e.value}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={isSel}
                  data-testid="variable-option"
                  data-value={e.value}
                  className={i === active ? 'active' : undefined}
                  onMouseEnter={() => setActive(i)}
                  onMouseDown={(ev) => ev.preventDefault()}
                  onClick={() => choose(e.value)}
                >
                  {multi && <input type="checkbox" readOnly checked={isSel} tabIndex={-1} />}
                  {e.text}
                </li>
              );
            })}
            {entries.length === 0 && <li className="var-empty">No values</li>}
          </ul>
        </div>
      )}
    </div>
  );
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
