import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Dashboard, Panel } from '../../model/dashboard';
import PanelView from '../../panels/PanelView';
import { panelPlugin } from '../../panels/registry';
import type { PanelContext } from '../../panels/types';
import { QueryEnvContext, type QueryEnv } from '../../query/env';
import { allDatasources, useDatasources } from '../../state/datasources';
import { findViewedItem } from '../../variables/repeat';
import { resolveDatasource } from '../datasourceHandles';
import { updateParams, useRoute } from '../router';
import { ScopedEnv } from '../rows/grid';
import { isRelative } from '../../time/range';
import { zoomTo } from '../time/rangeParams';
import { useDashboardCompare } from '../time/compareParam';
import { useTimeRange, useZoomOutKey } from '../time/useTimeRange';
import { useDashboardShortcuts } from '../shortcuts/useDashboardShortcuts';
import { datasourceName, useVariables } from '../variables/useVariables';
import DashboardToolbar from './DashboardToolbar';
import {
  applyLayout,
  duplicatePanel,
  newPanel,
  removePanel,
  replacePanel,
  toSource,
} from './edits';
import { linkVariables } from './links';
import PanelGrid from './PanelGrid';
import ChunkLoading from '../ChunkLoading';

// Settings (and the variable schema's validator, zod) load when opened.
const VariableSettings = lazy(() => import('../variables/VariableSettings'));
const CostView = lazy(() => import('../cost/CostView'));
const ShareDialog = lazy(() => import('../share/ShareDialog'));

export interface DashboardViewProps {
  dashboard: Dashboard;
  dirty: boolean;
  /** something to save (changes, or only folded rows) */
  editing: boolean;
  readOnly: boolean;
  flash: string | null;
  /** the panel editor, when one is open */
  editor: ReactNode;
  onEditing(v: boolean): void;
  /** Ctrl/Cmd+S (shortcuts) */
  onSave(): void;
  onChange(fn: (d: Dashboard) => Dashboard): void;
  /** save error / conflict banners (app/save) */
  banner: React.ReactNode;
  /** Save, Discard, History (app/save) */
  saveControls: React.ReactNode;
  onEditPanel(id: number | null, isNew?: boolean): void;
  /** where the dashboard came from, for the share dialog's link (default 'stored') */
  shareOrigin?: 'stored' | 'link';
}

/**
 * A dashboard on screen: its clock (URL range, refresh, zone), its variables, the one QueryEnv
 * its panels query with, and toolbar + grid (or one panel in "View") below.
 */
export default function DashboardView(props: DashboardViewProps) {
  const { dashboard: d, editing, onChange } = props;
  const route = useRoute();
  const own = useDatasources((s) => s.own);
  const provisioned = useDatasources((s) => s.provisioned);
  const datasources = useMemo(() => allDatasources({ own, provisioned }), [own, provisioned]);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [costOpen, setCostOpen] = useState(false);
  // the share dialog: for the dashboard, or for one panel (its grid key)
  const [sharing, setSharing] = useState<{ panelKey?: string } | null>(null);
  const time = useTimeRange({
    from: d.time.from,
    to: d.time.to,
    refresh: d.refresh,
    timeZone: d.timezone,
  });
  const { fromMs, toMs, timeZone } = time;

  const vars = useVariables({
    dashboardUid: d.uid,
    dashboardTitle: d.title,
    variables: d.variables,
    params: route.params,
    range: time,
    timeZone,
    datasources,
  });
  const scope = vars.scope;
  const nowMs = isRelative(time.raw.from) ? time.nowMs : undefined;
  const { from: rawFrom, to: rawTo } = time.raw;
  const urlVariables = useMemo(() => linkVariables(d.variables), [d.variables]);
  const compare = useDashboardCompare(d.compare);
  const env: QueryEnv = useMemo(
    () => ({
      fromMs,
      toMs,
      nowMs,
      timeZone,
      datasource: (name) => resolveDatasource(datasources, datasourceName(name, scope)),
      scope,
      dashboard: { uid: d.uid, title: d.title },
      rawRange: { from: rawFrom, to: rawTo },
      urlVariables,
      compare: compare.compare,
    }),
    [
      fromMs,
      toMs,
      nowMs,
      timeZone,
      datasources,
      d.uid,
      d.title,
      scope,
      rawFrom,
      rawTo,
      urlVariables,
      compare.compare,
    ],
  );
  const ctx: PanelContext = useMemo(
    () => ({
      syncKey: d.graphTooltip > 0 ? `dash-${d.uid}` : undefined,
      sharedTooltip: d.graphTooltip === 2,
      onZoom: zoomTo,
      externalImages: d.loadExternalImages === true,
      onAllowExternalImages: () => onChange((x) => ({ ...x, loadExternalImages: true })),
    }),
    [d.graphTooltip, d.uid, d.loadExternalImages, onChange],
  );
  useZoomOutKey(time.zoomOut);
  const removeAsking = (p: Panel) => {
    if (confirm(`Remove panel "${p.title || 'untitled'}"?`))
      onChange((cur) => removePanel(cur, p.id));
  };
  const withPanel = (fn: (p: Panel) => void) => (id: number) => {
    const p = d.panels.find((x) => x.id === id);
    if (p) fn(p);
  };
  useDashboardShortcuts({
    range: time,
    zoomOut: time.zoomOut,
    refresh: time.refreshNow,
    save: props.dirty ? props.onSave : undefined,
    toggleSettings: () => setSettingsOpen((open) => !open),
    closeSettings: () => settingsOpen && (setSettingsOpen(false), true),
    editPanel: (id) => props.onEditPanel(id),
    duplicatePanel: withPanel((p) => onChange((cur) => duplicatePanel(cur, p))),
    removePanel: withPanel(removeAsking),
  });

  const onPanelChange = (p: Panel) => onChange((cur) => replacePanel(cur, p));
  // "View": one panel full screen while `viewPanel=<key>` names one of ours (Grafana's parameter):
  // the panel id, or a repeat copy's grid key (`id~value`) so the copy keeps its own value.
  const viewKey = route.params.get('viewPanel');
  const viewed = useMemo(
    () => findViewedItem(d.panels, scope, viewKey),
    [d.panels, scope, viewKey],
  );
  const closeView = useCallback(() => updateParams({ viewPanel: null }), []);

  const addPanel = () => {
    const panel = newPanel(d.panels, 'timeseries', panelPlugin('timeseries')!.defaults());
    onChange((cur) => ({ ...cur, panels: [...cur.panels, panel] }));
    props.onEditPanel(panel.id, true);
  };

  return (
    <QueryEnvContext.Provider value={env}>
      {props.banner}
      <DashboardToolbar
        dashboard={d}
        time={time}
        compare={compare}
        vars={vars}
        dirty={props.dirty}
        editing={editing}
        readOnly={props.readOnly}
        flash={props.flash}
        settingsOpen={settingsOpen}
        onChange={onChange}
        onAddPanel={addPanel}
        onEditing={props.onEditing}
        saveControls={props.saveControls}
        onShare={() => setSharing({})}
        onSettings={setSettingsOpen}
        costOpen={costOpen}
        onCost={setCostOpen}
      />
      {costOpen && (
        <Suspense fallback={<ChunkLoading what="query cost" />}>
          <CostView onClose={() => setCostOpen(false)} />
        </Suspense>
      )}
      {!vars.ready ? (
        <div className="empty-dash" data-testid="variables-loading">
          Loading variables…
        </div>
      ) : d.panels.length === 0 ? (
        <div className="empty-dash">
          <p>This dashboard has no panels yet.</p>
          {!editing && (
            <button type="button" className="primary" onClick={() => props.onEditing(true)}>
              Start editing
            </button>
          )}
          {editing && (
            <button type="button" className="primary" onClick={addPanel}>
              Add a panel
            </button>
          )}
        </div>
      ) : viewed ? (
        <ScopedEnv scope={viewed.scope}>
          <PanelView
            panel={viewed.panel}
            ctx={ctx}
            actions={{
              onEdit: () => props.onEditPanel(viewed.source.id),
              onShare: () => setSharing({ panelKey: viewKey ?? String(viewed.source.id) }),
              onChange: (np: Panel) => onPanelChange(toSource(np, viewed.source)),
            }}
            onClose={closeView}
          />
        </ScopedEnv>
      ) : (
        <PanelGrid
          dashboard={d}
          editing={editing}
          ctx={ctx}
          onLayout={(layout) => onChange((cur) => applyLayout(cur, layout))}
          onEditPanel={props.onEditPanel}
          onDuplicate={(p) => onChange((cur) => duplicatePanel(cur, p))}
          onRemove={removeAsking}
          onShare={(key) => setSharing({ panelKey: key })}
          onPanelChange={onPanelChange}
          onChange={onChange}
        />
      )}
      {props.editor}
      {sharing && (
        <Suspense fallback={<ChunkLoading what="share dialog" />}>
          <ShareDialog
            dashboard={d}
            panelKey={sharing.panelKey}
            panelId={
              sharing.panelKey === undefined ? undefined : Number.parseInt(sharing.panelKey, 10)
            }
            time={time}
            params={route.params}
            origin={props.shareOrigin ?? 'stored'}
            dirty={props.dirty}
            onClose={() => setSharing(null)}
          />
        </Suspense>
      )}
      {settingsOpen && (
        <Suspense fallback={<ChunkLoading what="dashboard settings" />}>
          <VariableSettings
            dashboard={d}
            onChange={onChange}
            onClose={() => setSettingsOpen(false)}
            range={time}
            timeZone={timeZone}
            params={route.params}
            datasources={datasources}
          />
        </Suspense>
      )}
    </QueryEnvContext.Provider>
  );
}
