import { useMemo } from 'react';
import type { Panel } from '../../model/dashboard';
import { panelPlugin, panelRegistry } from '../../panels/registry';
import type { SeriesName } from '../../panels/types';
import { allDatasources, useDatasources } from '../../state/datasources';
import { changePanelType } from './edit';
import FieldOptions from './FieldOptions';
import LinkOptions from './LinkOptions';
import RepeatOptions from './RepeatOptions';
import CompareOption from './CompareOption';
import TransformOptions from './TransformOptions';
import type { TransformProblem } from '../../transform/index';

/**
 * The editor's side pane: title, description, visualization, datasource, the type's own options
 * (its plugin's OptionsEditor), the shared field options, query limits and repeat.
 */
export default function PanelOptionsPane({
  panel: p,
  variables,
  series,
  transformProblems = [],
  update,
  changeType,
}: {
  panel: Panel;
  /** the dashboard's template variable names (repeat) */
  variables: readonly string[];
  /** the series the preview draws (the overrides' name picker) */
  series?: readonly SeriesName[];
  /** transformations that did not apply to the preview's data */
  transformProblems?: readonly TransformProblem[];
  update(change: (p: Panel) => Panel): void;
  /** another visualization (default: changePanelType without metadata) */
  changeType?: (type: string) => void;
}) {
  const own = useDatasources((st) => st.own);
  const provisioned = useDatasources((st) => st.provisioned);
  const datasources = useMemo(() => allDatasources({ own, provisioned }), [own, provisioned]);
  const set = (patch: Partial<Panel>) => update((cur) => ({ ...cur, ...patch }));
  const plugin = panelPlugin(p.type);
  const options = useMemo(
    () => plugin?.readOptions({ options: p.options, fieldConfig: p.fieldConfig }),
    [plugin, p.options, p.fieldConfig],
  );
  return (
    <>
      <label>
        Title
        <input
          data-testid="panel-title-input"
          value={p.title}
          onChange={(e) => set({ title: e.target.value })}
        />
      </label>
      <label>
        Description
        <textarea
          rows={2}
          data-testid="panel-description"
          value={p.description}
          onChange={(e) => set({ description: e.target.value })}
        />
      </label>
      <label>
        Visualization
        <select
          data-testid="panel-type"
          value={p.type}
          onChange={(e) =>
            changeType
              ? changeType(e.target.value)
              : update((cur) => changePanelType(cur, e.target.value))
          }
        >
          {panelRegistry.plugins.map((pl) => (
            <option key={pl.type} value={pl.type}>
              {pl.name}
            </option>
          ))}
          {!plugin && <option value={p.type}>{p.type} (unsupported)</option>}
        </select>
      </label>
      <label>
        Datasource
        <select
          data-testid="panel-datasource"
          value={p.datasource ?? ''}
          onChange={(e) => set({ datasource: e.target.value || undefined })}
        >
          <option value="">Default</option>
          {datasources.map((d) => (
            <option key={d.id} value={d.name}>
              {d.name}
            </option>
          ))}
          {p.datasource && !datasources.some((d) => d.name === p.datasource) && (
            <option value={p.datasource}>{p.datasource} (missing)</option>
          )}
        </select>
      </label>
      {plugin && options && (
        <plugin.OptionsEditor
          options={options}
          raw={p.options}
          onChange={(patch) => update((cur) => ({ ...cur, options: { ...cur.options, ...patch } }))}
          fieldConfig={p.fieldConfig}
          onFieldConfigChange={(patch) =>
            update((cur) => ({ ...cur, fieldConfig: { ...cur.fieldConfig, ...patch } }))
          }
          series={series}
          refIds={p.targets.map((t) => t.refId)}
        />
      )}
      <FieldOptions
        fieldConfig={p.fieldConfig}
        onChange={(patch) =>
          update((cur) => ({ ...cur, fieldConfig: { ...cur.fieldConfig, ...patch } }))
        }
      />
      <label>
        Max data points
        <input
          type="number"
          min={1}
          value={p.maxDataPoints ?? ''}
          placeholder="panel width"
          onChange={(e) =>
            set({
              maxDataPoints:
                e.target.value === '' ? undefined : Math.max(1, Math.round(Number(e.target.value))),
            })
          }
        />
      </label>
      <label>
        Min interval
        <input
          value={p.interval ?? ''}
          placeholder="scrape interval"
          onChange={(e) => set({ interval: e.target.value || undefined })}
        />
      </label>
      <label title="This panel's own range: 1h = the last hour (only under a relative dashboard range)">
        Relative time
        <input
          data-testid="panel-time-from"
          value={p.timeFrom ?? ''}
          placeholder="1h"
          onChange={(e) => set({ timeFrom: e.target.value.trim() || undefined })}
        />
      </label>
      <label title="This panel's range moved back: 1d = the same range a day earlier">
        Time shift
        <input
          data-testid="panel-time-shift"
          value={p.timeShift ?? ''}
          placeholder="1d"
          onChange={(e) => set({ timeShift: e.target.value.trim() || undefined })}
        />
      </label>
      {(p.timeFrom || p.timeShift) && (
        <label className="check">
          <input
            type="checkbox"
            checked={p.hideTimeOverride === true}
            onChange={(e) => set({ hideTimeOverride: e.target.checked || undefined })}
          />
          Hide time info in the header
        </label>
      )}
      <TransformOptions
        panel={p}
        problems={transformProblems}
        onChange={(transformations) => set({ transformations })}
      />
      {plugin?.comparesToPast && <CompareOption panel={p} onChange={set} />}
      <RepeatOptions panel={p} variables={variables} onChange={set} />
      <LinkOptions panel={p} dataLinks={plugin?.dataLinks === true} onChange={update} />
    </>
  );
}
