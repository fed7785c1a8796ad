import type { Dashboard } from '../../model/dashboard';
import { addRow } from '../../model/rows';
import type { TimeRange } from '../time/useTimeRange';
import CancelAll from '../faults/CancelAll';
import RefreshPicker from '../toolbar/RefreshPicker';
import TimePicker from '../toolbar/TimePicker';
import ComparePicker from '../toolbar/ComparePicker';
import type { CompareTo } from '../../query/compare';
import { lazyComponent } from '../../panels/shared/lazy';
import type { VariablesState } from '../variables/useVariables';

// only dashboards with links need them (and the interpolation behind them): their own chunk
const DashboardLinks = lazyComponent('dashboard links', () => import('./DashboardLinks'));
// only dashboards with variables draw the bar: its code (and styles) load with the first of them
const VariableBar = lazyComponent('variables', () => import('../variables/VariableBar'));

/** The sticky bar above the grid: title, time, refresh, edit/save/export, settings, variables. */
export default function DashboardToolbar(props: {
  dashboard: Dashboard;
  time: TimeRange;
  /** compare to the past in force (app/time/compareParam.ts) */
  compare: { compare: CompareTo | null; error?: string };
  vars: VariablesState;
  dirty: boolean;
  editing: boolean;
  readOnly: boolean;
  flash: string | null;
  settingsOpen: boolean;
  onChange(fn: (d: Dashboard) => Dashboard): void;
  onAddPanel(): void;
  onEditing(v: boolean): void;
  /** Save, Discard, History (app/save) */
  saveControls: React.ReactNode;
  /** opens the share dialog */
  onShare(): void;
  onSettings(open: boolean): void;
  costOpen: boolean;
  onCost(open: boolean): void;
}) {
  const { dashboard: d, time, vars, editing, onChange } = props;
  const variableBar = d.variables.length > 0 && (
    <VariableBar
      variables={d.variables}
      result={vars.result}
      fetching={vars.fetching}
      onChange={vars.select}
    />
  );
  const compareProps = {
    dashboard: d,
    compare: props.compare.compare,
    urlError: props.compare.error,
    editing,
    onChange,
  };
  return (
    <div className="dash-toolbar" data-testid="dashboard-toolbar">
      <div className="dash-title">
        {editing ? (
          <input
            aria-label="Dashboard title"
            data-testid="dashboard-title-input"
            value={d.title}
            onChange={(e) => onChange((cur) => ({ ...cur, title: e.target.value }))}
          />
        ) : (
          <span data-testid="dashboard-title">{d.title}</span>
        )}
        {props.dirty && (
          <span className="dirty" title="Unsaved changes" data-testid="dirty">
            <Label wide="● unsaved" narrow="●" />
          </span>
        )}
        {props.readOnly && <span className="badge muted">provisioned</span>}
        {props.flash && (
          <span className="badge" role="status">
            {props.flash}
          </span>
        )}
      </div>
      {time.error !== undefined && (
        <span className="error" role="alert" data-testid="range-error">
          {time.error}
        </span>
      )}
      {editing && (
        <button type="button" onClick={props.onAddPanel} data-testid="add-panel" title="Add panel">
          <Label wide="Add panel" narrow="+ Panel" />
        </button>
      )}
      {editing && (
        <button
          type="button"
          onClick={() => onChange((cur) => ({ ...cur, panels: addRow(cur.panels) }))}
          data-testid="add-row"
          title="Add row"
        >
          <Label wide="Add row" narrow="+ Row" />
        </button>
      )}
      <TimePicker
        from={time.raw.from}
        to={time.raw.to}
        timeZone={time.timeZone}
        nowMs={time.nowMs}
        onChange={time.setRange}
        onTimeZone={time.setTimeZone}
        onZoomOut={time.zoomOut}
        compare={{
          picker: <ComparePicker {...compareProps} placement="time-picker" />,
          badge: props.compare.compare ? `vs ${props.compare.compare.text}` : undefined,
        }}
      />
      <ComparePicker {...compareProps} />
      <RefreshPicker value={time.refresh} onChange={time.setRefresh} onRefresh={time.refreshNow} />
      <CancelAll />
      <button
        type="button"
        aria-pressed={editing}
        onClick={() => props.onEditing(!editing)}
        data-testid="edit-toggle"
      >
        {editing ? <Label wide="Done editing" narrow="Done" /> : 'Edit'}
      </button>
      {props.saveControls}
      <button type="button" onClick={props.onShare} data-testid="share">
        Share
      </button>
      <button
        type="button"
        aria-pressed={props.settingsOpen}
        onClick={() => props.onSettings(!props.settingsOpen)}
        data-testid="dashboard-settings-button"
      >
        Settings
      </button>
      <button
        type="button"
        aria-pressed={props.costOpen}
        onClick={() => props.onCost(!props.costOpen)}
        data-testid="cost-button"
        title="What each panel's queries cost the server"
      >
        Cost
      </button>
      {d.links?.length ? (
        <div className="dash-vars-links">
          {variableBar}
          <DashboardLinks links={d.links} uid={d.uid} />
        </div>
      ) : (
        variableBar
      )}
    </div>
  );
}

/**
 * A button label with a shorter form for narrow windows (the toolbar stays on one line). The
 * short form is drawn by CSS from an attribute, so the button's text (its accessible name, and
 * what tests read) is the full label only.
 */
function Label({ wide, narrow }: { wide: string; narrow: string }) {
  return (
    <>
      <span className="wide-label">{wide}</span>
      <span className="narrow-label" data-narrow={narrow} aria-hidden />
    </>
  );
}
