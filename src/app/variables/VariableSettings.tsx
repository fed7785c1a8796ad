import { useEffect, useState } from 'react';
import type { Dashboard } from '../../model/dashboard';
import { variableSchema, variableTypes, type Variable } from '../../model/variable';
import type { Datasource } from '../../state/datasources';
import { referencedVariables } from '../../variables/deps';
import type { UrlParamReader } from '../../variables/url';
import { useVariables } from './useVariables';
import './variables.css';

export interface VariableSettingsProps {
  dashboard: Dashboard;
  onChange(fn: (d: Dashboard) => Dashboard): void;
  onClose(): void;
  range: { fromMs: number; toMs: number };
  timeZone: string;
  params: UrlParamReader;
  datasources: Datasource[];
}

const SORTS: [number, string][] = [
  [0, 'Disabled'],
  [1, 'Alphabetical (asc)'],
  [2, 'Alphabetical (desc)'],
  [3, 'Numerical (asc)'],
  [4, 'Numerical (desc)'],
  [5, 'Alphabetical, case-insensitive (asc)'],
  [6, 'Alphabetical, case-insensitive (desc)'],
  [7, 'Natural (asc)'],
  [8, 'Natural (desc)'],
];

const QUERY_LABEL: Record<Variable['type'], string> = {
  query: 'Query',
  custom: 'Values separated by comma',
  constant: 'Value',
  textbox: 'Default value',
  interval: 'Values (e.g. 1m,10m,1h)',
  datasource: 'Datasource type',
};

/** A fresh variable with a name not yet used. */
export function newVariable(existing: readonly Variable[]): Variable {
  let i = existing.length + 1;
  while (existing.some((v) => v.name === `var${i}`)) i++;
  return variableSchema.parse({ name: `var${i}`, type: 'query' });
}

/** Moves item `i` by `delta` places (no-op at the ends). */
export function moveItem<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** Problems with a variable being edited (empty = can be applied). */
export function variableProblems(v: Variable, others: readonly Variable[]): string[] {
  const out: string[] = [];
  const parsed = variableSchema.safeParse(v);
  if (!parsed.success)
    for (const i of parsed.error.issues) out.push(`${i.path.join('.')}: ${i.message}`);
  if (others.some((o) => o.name === v.name)) out.push(`name: "${v.name}" is already used`);
  if (v.name.startsWith('__')) out.push('name: names starting with __ are reserved (built-ins)');
  return out;
}

/** Dashboard settings: the variables, as a drawer over the dashboard. */
export default function VariableSettings(props: VariableSettingsProps) {
  const vars = props.dashboard.variables;
  /** index being edited; vars.length = a new one */
  const [editing, setEditing] = useState<{ index: number; draft: Variable } | null>(null);
  const setVars = (fn: (list: Variable[]) => Variable[]) =>
    props.onChange((d) => ({ ...d, variables: fn(d.variables) }));

  return (
    <div
      className="settings-drawer"
      role="dialog"
      aria-label="Dashboard settings"
      data-testid="dashboard-settings"
    >
      <div className="settings-head">
        <h2>Settings · Variables</h2>
        <button type="button" onClick={props.onClose} data-testid="settings-close">
          Close
        </button>
      </div>
      <label className="settings-switch">
        <input
          type="checkbox"
          data-testid="external-images"
          checked={props.dashboard.loadExternalImages === true}
          onChange={(e) => {
            const on = e.target.checked;
            props.onChange((d) => ({ ...d, loadExternalImages: on }));
          }}
        />{' '}
        Text panels load images from other sites (they see who views this dashboard)
      </label>
      {editing ? (
        <VariableForm
          {...props}
          draft={editing.draft}
          others={vars.filter((_, i) => i !== editing.index)}
          allWithDraft={
            editing.index >= vars.length
              ? [...vars, editing.draft]
              : vars.map((v, i) => (i === editing.index ? editing.draft : v))
          }
          onDraft={(draft) => setEditing({ ...editing, draft })}
          onCancel={() => setEditing(null)}
          onApply={() => {
            const { index, draft } = editing;
            setVars((list) =>
              index >= list.length
                ? [...list, draft]
                : list.map((v, i) => (i === index ? draft : v)),
            );
            setEditing(null);
          }}
        />
      ) : (
        <div className="settings-body">
          {vars.length === 0 ? (
            <p className="muted">
              No variables yet. Variables make a dashboard reusable: <code>$job</code> in a query
              takes the value picked above the panels.
            </p>
          ) : (
            <table className="var-table" data-testid="variable-list">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Type</th>
                  <th>Definition</th>
                  <th>Uses</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {vars.map((v, i) => (
                  <tr key={v.name + String(i)} data-testid="variable-row" data-name={v.name}>
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={() => setEditing({ index: i, draft: v })}
                      >
                        ${v.name}
                      </button>
                    </td>
                    <td>{v.type}</td>
                    <td className="mono">{v.query}</td>
                    <td>
                      {referencedVariables(v)
                        .map((n) => `$${n}`)
                        .join(' ')}
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        aria-label={`Move ${v.name} up`}
                        disabled={i === 0}
                        onClick={() => setVars((l) => moveItem(l, i, -1))}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        aria-label={`Move ${v.name} down`}
                        disabled={i === vars.length - 1}
                        onClick={() => setVars((l) => moveItem(l, i, 1))}
                      >
                        ↓
                      </button>
                      <button type="button" onClick={() => setEditing({ index: i, draft: v })}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Delete ${v.name}`}
                        onClick={() => {
                          if (confirm(`Delete variable $${v.name}?`))
                            setVars((l) => l.filter((_, j) => j !== i));
                        }}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button
            type="button"
            className="primary"
            data-testid="variable-add"
            onClick={() => setEditing({ index: vars.length, draft: newVariable(vars) })}
          >
            Add variable
          </button>
        </div>
      )}
    </div>
  );
}

/** `value` after `ms` without changes. */
function useDebounced<T>(value: T, ms: number): T {
  const [out, setOut] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setOut(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return out;
}

function VariableForm(
  props: VariableSettingsProps & {
    draft: Variable;
    others: Variable[];
    allWithDraft: Variable[];
    onDraft(v: Variable): void;
    onCancel(): void;
    onApply(): void;
  },
) {
  const v = props.draft;
  const set = <K extends keyof Variable>(key: K, value: Variable[K]) =>
    props.onDraft({ ...v, [key]: value });
  const unset = (key: keyof Variable) => {
    const { [key]: _drop, ...rest } = v;
    props.onDraft(rest as Variable);
  };
  const problems = variableProblems(v, props.others);
  const previewVars = useDebounced(props.allWithDraft, 400);
  const preview = useVariables({
    dashboardUid: props.dashboard.uid,
    dashboardTitle: props.dashboard.title,
    variables: problems.length ? props.others : previewVars,
    params: props.params,
    range: props.range,
    timeZone: props.timeZone,
    datasources: props.datasources,
    preview: true,
  });
  const resolved = preview.result?.variables[v.name];
  const hasQuery = v.type !== 'constant' && v.type !== 'textbox';
  const listy = v.type === 'query' || v.type === 'custom' || v.type === 'datasource';

  return (
    <div className="settings-body var-form" data-testid="variable-form">
      <div className="var-form-fields">
        <label>
          Name
          <input
            data-testid="variable-name"
            value={v.name}
            onChange={(e) => set('name', e.target.value)}
          />
        </label>
        <label>
          Label
          <input
            data-testid="variable-label"
            value={v.label ?? ''}
            onChange={(e) => (e.target.value ? set('label', e.target.value) : unset('label'))}
          />
        </label>
        <label>
          Type
          <select
            data-testid="variable-type"
            value={v.type}
            onChange={(e) => set('type', e.target.value as Variable['type'])}
          >
            {variableTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Hide
          <select
            data-testid="variable-hide"
            value={v.hide}
            onChange={(e) => set('hide', Number(e.target.value) as Variable['hide'])}
          >
            <option value={0}>Show</option>
            <option value={1}>Hide label</option>
            <option value={2}>Hide variable</option>
          </select>
        </label>
        {v.type === 'query' && (
          <label>
            Datasource
            <select
              data-testid="variable-datasource"
              value={v.datasource ?? ''}
              onChange={(e) =>
                e.target.value ? set('datasource', e.target.value) : unset('datasource')
              }
            >
              <option value="">Default</option>
              {props.datasources.map((d) => (
                <option key={d.id} value={d.name}>
                  {d.name}
                </option>
              ))}
              {props.dashboard.variables
                .filter((x) => x.type === 'datasource' && x.name !== v.name)
                .map((x) => (
                  <option key={x.name} value={`$${x.name}`}>
                    ${x.name}
                  </option>
                ))}
              {v.datasource &&
                !props.datasources.some((d) => d.name === v.datasource) &&
                !v.datasource.startsWith('$') && (
                  <option value={v.datasource}>{v.datasource} (missing)</option>
                )}
            </select>
          </label>
        )}
        <label className="wide">
          {QUERY_LABEL[v.type]}
          <textarea
            data-testid="variable-query"
            rows={v.type === 'query' ? 3 : 2}
            className="mono"
            placeholder={
              v.type === 'query'
                ? 'label_values(metric{job="$job"}, instance)'
                : v.type === 'custom'
                  ? 'a, b, c  or  text : value, …'
                  : ''
            }
            value={v.query}
            onChange={(e) => set('query', e.target.value)}
          />
        </label>
        {(v.type === 'query' || v.type === 'datasource') && (
          <label className="wide">
            Regex
            <input
              data-testid="variable-regex"
              className="mono"
              placeholder="/pattern/ (filter; a capture group picks the value)"
              value={v.regex}
              onChange={(e) => set('regex', e.target.value)}
            />
          </label>
        )}
        {v.type === 'query' && (
          <>
            <label>
              Sort
              <select
                data-testid="variable-sort"
                value={v.sort}
                onChange={(e) => set('sort', Number(e.target.value))}
              >
                {SORTS.map(([n, text]) => (
                  <option key={n} value={n}>
                    {text}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Refresh
              <select
                data-testid="variable-refresh"
                value={v.refresh === 2 ? 2 : 1}
                onChange={(e) => set('refresh', Number(e.target.value) as Variable['refresh'])}
              >
                <option value={1}>On dashboard load</option>
                <option value={2}>On time range change</option>
              </select>
            </label>
          </>
        )}
        {v.type === 'interval' && (
          <>
            <label className="check">
              <input
                type="checkbox"
                data-testid="variable-auto"
                checked={!!v.auto}
                onChange={(e) => set('auto', e.target.checked)}
              />
              Auto option
            </label>
            {v.auto && (
              <>
                <label>
                  Auto step count
                  <input
                    type="number"
                    min={1}
                    value={v.auto_count ?? 30}
                    onChange={(e) => set('auto_count', Math.max(1, Number(e.target.value) || 30))}
                  />
                </label>
                <label>
                  Auto min interval
                  <input
                    value={v.auto_min ?? '10s'}
                    onChange={(e) => set('auto_min', e.target.value)}
                  />
                </label>
              </>
            )}
          </>
        )}
        {listy && (
          <>
            <label className="check">
              <input
                type="checkbox"
                data-testid="variable-multi"
                checked={v.multi}
                onChange={(e) => set('multi', e.target.checked)}
              />
              Multi-value
            </label>
            <label className="check">
              <input
                type="checkbox"
                data-testid="variable-include-all"
                checked={v.includeAll}
                onChange={(e) => set('includeAll', e.target.checked)}
              />
              Include All option
            </label>
            {v.includeAll && (
              <label>
                Custom all value
                <input
                  data-testid="variable-all-value"
                  className="mono"
                  placeholder="blank = every value, e.g. .*"
                  value={v.allValue ?? ''}
                  onChange={(e) =>
                    e.target.value ? set('allValue', e.target.value) : unset('allValue')
                  }
                />
              </label>
            )}
          </>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="error" role="alert" data-testid="variable-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
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
      <div className="var-form-actions">
        <button
          type="button"
          className="primary"
          data-testid="variable-apply"
          disabled={problems.length > 0}
          onClick={props.onApply}
        >
          Apply
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
