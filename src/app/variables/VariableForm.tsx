// The form for one variable in the settings drawer: its fields, problems, preview and Apply.
import { variableTypes, type Variable } from '../../model/variable';
import { variableProblems } from './edit';
import type { VariableSettingsProps } from './VariableSettings';
import VariablePreview from './VariablePreview';

export interface VariableFormProps extends VariableSettingsProps {
  draft: Variable;
  others: Variable[];
  allWithDraft: Variable[];
  onDraft(v: Variable): void;
  onCancel(): void;
  onApply(): void;
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

export default function VariableForm(props: VariableFormProps) {
  const v = props.draft;
  const set = <K extends keyof Variable>(key: K, value: Variable[K]) =>
    props.onDraft({ ...v, [key]: value });
  const unset = (key: keyof Variable) => {
    const { [key]: _drop, ...rest } = v;
    props.onDraft(rest as Variable);
  };
  const problems = variableProblems(v, props.others);
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
      <VariablePreview {...props} broken={problems.length > 0} />
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
