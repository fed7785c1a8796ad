import { useState } from 'react';
import type { Dashboard } from '../../model/dashboard';
import type { Variable } from '../../model/variable';
import type { Datasource } from '../../state/datasources';
import { referencedVariables } from '../../variables/deps';
import type { UrlParamReader } from '../../variables/url';
import { moveItem, newVariable } from './edit';
import VariableForm from './VariableForm';
import LinkSettings from '../dashboard/LinkSettings';
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
          <LinkSettings dashboard={props.dashboard} onChange={props.onChange} />
        </div>
      )}
    </div>
  );
}
