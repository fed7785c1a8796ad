import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import ReactGridLayout, { useContainerWidth, type Layout } from 'react-grid-layout';
import type { Dashboard, Panel } from '../../model/dashboard';
import PanelShell from '../../panels/PanelShell';
import PanelView from '../../panels/PanelView';
import { panelPlugin } from '../../panels/registry';
import type { PanelContext } from '../../panels/types';
import { QueryEnvContext, type QueryEnv } from '../../query/env';
import { promKeys } from '../../query/usePanelData';
import { allDatasources, useDatasources } from '../../state/datasources';
import { findDashboard, useDashboards } from '../../state/dashboards';
import { parseDuration } from '../../time/duration';
import { resolveRange } from '../../time/range';
import { resolveDatasource } from '../datasourceHandles';
import { copyDashboard, downloadDashboard } from '../exportFile';
import { zoomOutOf, zoomTo } from '../rangeParams';
import { href, navigate, updateParams, useRoute } from '../router';
import PanelEditor, { emptyTarget } from '../PanelEditor';
import { useLeaveGuard } from '../useLeaveGuard';
import QueryInspector from '../inspect/QueryInspector';
import RefreshPicker from '../toolbar/RefreshPicker';
import TimePicker from '../toolbar/TimePicker';
import VariableBar from '../variables/VariableBar';
import { addRow, bottomOf, nextPanelId } from '../../model/rows';
import { findViewedItem } from '../../variables/repeat';
import { RowHeader, ScopedEnv, useDashboardGrid } from '../rows/grid';
import VariableSettings from '../variables/VariableSettings';
import { datasourceName, useVariables } from '../variables/useVariables';

const ROW_HEIGHT_PX = 30;
const MARGIN_PX = 8;

export default function DashboardPage({ uid }: { uid: string }) {
  const stored = useDashboards((s) => findDashboard(s, uid));
  const save = useDashboards((s) => s.save);
  const duplicate = useDashboards((s) => s.duplicate);
  // Local edits over the stored copy; null = none (the stored copy shows, and follows its updates).
  const [edits, setEdits] = useState<Dashboard | null>(null);
  const draft = edits ?? stored?.dashboard;
  const dirty = edits !== null;
  const route = useRoute();
  const [editing, setEditing] = useState(route.params.get('edit') === '1');
  // A link without `edit=1` opens the view: follow the URL when it changes (not on every render).
  const editParam = route.params.get('edit') === '1';
  const [prevEditParam, setPrevEditParam] = useState(editParam);
  if (editParam !== prevEditParam) {
    setPrevEditParam(editParam);
    setEditing(editParam);
  }
  const [editPanelId, setEditPanelId] = useState<number | null>(null);
  // A panel added with "Add panel" and then discarded in the editor goes away again (Grafana).
  const [newPanelId, setNewPanelId] = useState<number | null>(null);
  const [flash, setFlash] = useState<string | null>(null);

  const base = stored?.dashboard;
  const change = useCallback(
    (fn: (d: Dashboard) => Dashboard) =>
      setEdits((cur) => {
        const from = cur ?? base;
        if (!from) return cur;
        const next = fn(from);
        return next === from ? cur : next;
      }),
    [base],
  );

  useLeaveGuard(dirty, 'This dashboard has unsaved changes. Leave without saving?');

  if (!draft) {
    return (
      <div className="page">
        <h1>Dashboard not found</h1>
        <p>
          No dashboard with uid <code>{uid}</code> in this browser.{' '}
          <a href={href('/')}>See all dashboards</a> or <a href={href('/import')}>import one</a>.
        </p>
      </div>
    );
  }

  const readOnly = !!stored?.provisioned;
  const doSave = () => {
    if (stored?.provisioned) {
      const copy = duplicate(draft.uid, `${draft.title} (copy)`);
      if (copy) {
        setEdits(null);
        navigate(`/d/${copy.uid}`);
      }
      return;
    }
    save(draft);
    setEdits(null);
    setFlash('Saved');
    setTimeout(() => setFlash(null), 1500);
  };

  return (
    <DashboardView
      dashboard={draft}
      dirty={dirty}
      editing={editing}
      readOnly={readOnly}
      flash={flash}
      onEditing={setEditing}
      onChange={change}
      onSave={doSave}
      onDiscard={() => {
        if (confirm('Discard all unsaved changes?')) setEdits(null);
      }}
      onEditPanel={(id, isNew) => {
        setEditPanelId(id);
        setNewPanelId(isNew ? id : null);
      }}
      onExport={() => downloadDashboard(draft)}
      onCopy={async () => {
        setFlash(
          (await copyDashboard(draft)) ? 'JSON copied' : 'Copy refused by the browser; use Export',
        );
        setTimeout(() => setFlash(null), 2000);
      }}
      editor={
        editPanelId !== null && draft.panels.some((p) => p.id === editPanelId) ? (
          <PanelEditor
            panel={draft.panels.find((p) => p.id === editPanelId)!}
            variables={draft.variables.map((v) => v.name)}
            onApply={(p) => {
              change((d) => ({ ...d, panels: d.panels.map((x) => (x.id === p.id ? p : x)) }));
              setEditPanelId(null);
              setNewPanelId(null);
            }}
            onDiscard={() => {
              if (newPanelId !== null && newPanelId === editPanelId)
                change((d) => ({ ...d, panels: d.panels.filter((x) => x.id !== newPanelId) }));
              setEditPanelId(null);
              setNewPanelId(null);
            }}
          />
        ) : null
      }
    />
  );
}

interface ViewProps {
  dashboard: Dashboard;
  dirty: boolean;
  editing: boolean;
  readOnly: boolean;
  flash: string | null;
  editor: React.ReactNode;
  onEditing(v: boolean): void;
  onChange(fn: (d: Dashboard) => Dashboard): void;
  onSave(): void;
  onDiscard(): void;
  onEditPanel(id: number | null, isNew?: boolean): void;
  onExport(): void;
  onCopy(): void;
}

function DashboardView(props: ViewProps) {
  const { dashboard: d, editing, onChange } = props;
  const route = useRoute();
  const queryClient = useQueryClient();
  const own = useDatasources((s) => s.own);
  const provisioned = useDatasources((s) => s.provisioned);
  const datasources = useMemo(() => allDatasources({ own, provisioned }), [own, provisioned]);
  const from = route.params.get('from') ?? d.time.from;
  const to = route.params.get('to') ?? d.time.to;
  const refresh = route.params.get('refresh') ?? d.refresh;
  const timeZone = route.params.get('tz') ?? route.params.get('timezone') ?? d.timezone;
  const [nowMs, setNowMs] = useState(() => Date.now());
  const [settingsOpen, setSettingsOpen] = useState(false);
  // A new range (picker, link, zoom) is resolved against the present, as in Grafana: "now" is
  // taken again whenever from/to change, not only when the page mounts.
  const rangeKey = `${from}\u0000${to}`;
  const [prevRangeKey, setPrevRangeKey] = useState(rangeKey);
  if (rangeKey !== prevRangeKey) {
    setPrevRangeKey(rangeKey);
    setNowMs(route.atMs);
  }

  // Auto refresh: move "now" forward; new keys fetch, identical ones (same aligned step) hit cache.
  useEffect(() => {
    const ms = refresh ? parseDuration(refresh) : undefined;
    if (!ms) return;
    const id = setInterval(() => setNowMs(Date.now()), Math.max(ms, 1000));
    return () => clearInterval(id);
  }, [refresh]);

  const resolved = resolveRange({ from, to }, { nowMs, timeZone });
  const fallback = resolveRange(d.time, { nowMs, timeZone });
  const range = resolved.ok
    ? resolved
    : fallback.ok
      ? fallback
      : { ok: true as const, fromMs: nowMs - 3_600_000, toMs: nowMs };

  const vars = useVariables({
    dashboardUid: d.uid,
    dashboardTitle: d.title,
    variables: d.variables,
    params: route.params,
    range,
    timeZone,
    datasources,
  });
  const scope = vars.scope;
  const env: QueryEnv = useMemo(
    () => ({
      fromMs: range.fromMs,
      toMs: range.toMs,
      timeZone,
      datasource: (name) => resolveDatasource(datasources, datasourceName(name, scope)),
      scope,
      dashboard: { uid: d.uid, title: d.title },
    }),
    [range.fromMs, range.toMs, timeZone, datasources, d.uid, d.title, scope],
  );

  const ctx: PanelContext = useMemo(
    () => ({
      fromMs: range.fromMs,
      toMs: range.toMs,
      timeZone,
      syncKey: d.graphTooltip > 0 ? `dash-${d.uid}` : undefined,
      sharedTooltip: d.graphTooltip === 2,
      onZoom: zoomTo,
    }),
    [range.fromMs, range.toMs, timeZone, d.graphTooltip, d.uid],
  );

  const doZoomOut = useCallback(
    () => zoomOutOf({ fromMs: range.fromMs, toMs: range.toMs }),
    [range.fromMs, range.toMs],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if ((e.ctrlKey || e.metaKey) && e.key === 'z') {
        e.preventDefault();
        doZoomOut();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doZoomOut]);

  const onPanelChange = (p: Panel) =>
    onChange((cur) => ({ ...cur, panels: cur.panels.map((x) => (x.id === p.id ? p : x)) }));
  // "View": one panel full screen while `viewPanel=<key>` names one of ours (Grafana's parameter):
  // the panel id, or a repeat copy's grid key (`id~value`) so the copy keeps its own value.
  const viewKey = route.params.get('viewPanel');
  const viewed = useMemo(
    () => findViewedItem(d.panels, scope, viewKey),
    [d.panels, scope, viewKey],
  );
  const closeView = useCallback(() => updateParams({ viewPanel: null }), []);

  const addPanel = () => {
    const id = nextPanelId(d.panels);
    const y = bottomOf(d.panels);
    const plugin = panelPlugin('timeseries')!;
    const panel: Panel = {
      id,
      type: 'timeseries',
      title: 'New panel',
      description: '',
      gridPos: { x: 0, y, w: 12, h: 8 },
      targets: [emptyTarget('A')],
      ...plugin.defaults(),
    };
    onChange((cur) => ({ ...cur, panels: [...cur.panels, panel] }));
    props.onEditPanel(id, true);
  };

  return (
    <QueryEnvContext.Provider value={env}>
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
          {props.dirty && <span className="dirty">● unsaved</span>}
          {props.readOnly && <span className="badge muted">provisioned</span>}
          {props.flash && (
            <span className="badge" role="status">
              {props.flash}
            </span>
          )}
        </div>
        {!resolved.ok && (
          <span className="error" role="alert" data-testid="range-error">
            {resolved.error}
          </span>
        )}
        {editing && (
          <button type="button" onClick={addPanel} data-testid="add-panel">
            Add panel
          </button>
        )}
        {editing && (
          <button
            type="button"
            onClick={() => onChange((cur) => ({ ...cur, panels: addRow(cur.panels) }))}
            data-testid="add-row"
          >
            Add row
          </button>
        )}
        <TimePicker
          from={from}
          to={to}
          timeZone={timeZone}
          nowMs={nowMs}
          onChange={(r) => updateParams({ from: r.from, to: r.to })}
          onTimeZone={(tz) => updateParams({ tz: tz === d.timezone ? null : tz, timezone: null })}
          onZoomOut={doZoomOut}
        />
        <RefreshPicker
          value={refresh}
          onChange={(v) =>
            updateParams({ refresh: v === d.refresh ? null : v || (d.refresh ? '' : null) })
          }
          onRefresh={() => {
            setNowMs(Date.now());
            void queryClient.invalidateQueries({ queryKey: promKeys.all });
          }}
        />
        <button
          type="button"
          aria-pressed={editing}
          onClick={() => props.onEditing(!editing)}
          data-testid="edit-toggle"
        >
          {editing ? 'Done editing' : 'Edit'}
        </button>
        {(props.dirty || props.readOnly) && (
          <button
            type="button"
            className="primary"
            onClick={props.onSave}
            data-testid="save-dashboard"
          >
            {props.readOnly ? 'Save as copy' : 'Save'}
          </button>
        )}
        {props.dirty && !props.readOnly && (
          <button type="button" onClick={props.onDiscard}>
            Discard
          </button>
        )}
        <button type="button" onClick={props.onExport} data-testid="export-dashboard">
          Export
        </button>
        <button type="button" onClick={props.onCopy}>
          Copy JSON
        </button>
        <button
          type="button"
          aria-pressed={settingsOpen}
          onClick={() => setSettingsOpen(!settingsOpen)}
          data-testid="dashboard-settings-button"
        >
          Settings
        </button>
        <VariableBar
          variables={d.variables}
          result={vars.result}
          fetching={vars.fetching}
          onChange={vars.select}
        />
      </div>
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
          onLayout={(layout) =>
            onChange((cur) => {
              let changed = false;
              const panels = cur.panels.map((p) => {
                const l = layout.find((x) => x.i === String(p.id));
                if (!l) return p;
                const g = { x: l.x, y: l.y, w: l.w, h: l.h };
                if (
                  g.x === p.gridPos.x &&
                  g.y === p.gridPos.y &&
                  g.w === p.gridPos.w &&
                  g.h === p.gridPos.h
                )
                  return p;
                changed = true;
                return { ...p, gridPos: g };
              });
              return changed ? { ...cur, panels } : cur;
            })
          }
          onEditPanel={props.onEditPanel}
          onDuplicate={(p) =>
            onChange((cur) => {
              const id = nextPanelId(cur.panels);
              const copy = {
                ...structuredClone(p),
                id,
                gridPos: { ...p.gridPos, y: p.gridPos.y + p.gridPos.h },
              };
              return { ...cur, panels: [...cur.panels, copy] };
            })
          }
          onRemove={(p) => {
            if (confirm(`Remove panel "${p.title || 'untitled'}"?`))
              onChange((cur) => ({ ...cur, panels: cur.panels.filter((x) => x.id !== p.id) }));
          }}
          onPanelChange={onPanelChange}
          onChange={onChange}
        />
      )}
      {props.editor}
      {settingsOpen && (
        <VariableSettings
          dashboard={d}
          onChange={onChange}
          onClose={() => setSettingsOpen(false)}
          range={range}
          timeZone={timeZone}
          params={route.params}
          datasources={datasources}
        />
      )}
    </QueryEnvContext.Provider>
  );
}

/** A change made on a drawn panel (title with values, repeat copy position) applies to its source. */
const toSource = (drawn: Panel, source: Panel): Panel => ({
  ...drawn,
  title: source.title,
  gridPos: source.gridPos,
});

function PanelGrid(props: {
  dashboard: Dashboard;
  editing: boolean;
  ctx: PanelContext;
  onLayout(l: Layout): void;
  onEditPanel(id: number): void;
  onDuplicate(p: Panel): void;
  onRemove(p: Panel): void;
  onPanelChange(p: Panel): void;
  onChange(fn: (d: Dashboard) => Dashboard): void;
}) {
  const { width, containerRef, mounted } = useContainerWidth();
  // rows, repeats and collapsed rows' panels left out (src/variables/repeat.ts)
  const grid = useDashboardGrid(props.dashboard.panels);
  // by grid key: a repeat copy is inspected with its own value
  const [inspectKey, setInspectKey] = useState<string | null>(null);
  const inspected = grid.items.find((it) => it.key === inspectKey && it.source.type !== 'row');
  const layout: Layout = grid.layout;
  return (
    <div className={props.editing ? 'dash-grid edit-mode' : 'dash-grid'} ref={containerRef}>
      {mounted && (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: 24, rowHeight: ROW_HEIGHT_PX, margin: [MARGIN_PX, MARGIN_PX] }}
          dragConfig={{ enabled: props.editing, handle: '.panel-head', cancel: '.panel-menu' }}
          resizeConfig={{ enabled: props.editing }}
          onLayoutChange={(l) => props.editing && props.onLayout(grid.toModel(l))}
        >
          {grid.items.map((item) => {
            const p = item.source;
            if (p.type === 'row')
              return (
                <div key={item.key}>
                  <RowHeader item={item} editing={props.editing} onChange={props.onChange} />
                </div>
              );
            return (
              <div key={item.key}>
                <ScopedEnv scope={item.scope}>
                  <PanelShell
                    panel={item.panel}
                    ctx={props.ctx}
                    actions={{
                      onView: () => updateParams({ viewPanel: item.key }),
                      onEdit: () => props.onEditPanel(p.id),
                      onChange: (np: Panel) => props.onPanelChange(toSource(np, p)),
                      onInspect: () => setInspectKey(item.key),
                      // the menu's order is PanelShell's; these two only while editing
                      ...(props.editing
                        ? {
                            onDuplicate: () => props.onDuplicate(p),
                            onRemove: () => props.onRemove(p),
                          }
                        : {}),
                    }}
                  />
                </ScopedEnv>
              </div>
            );
          })}
        </ReactGridLayout>
      )}
      {inspected && (
        <ScopedEnv scope={inspected.scope}>
          <QueryInspector panel={inspected.source} onClose={() => setInspectKey(null)} />
        </ScopedEnv>
      )}
    </div>
  );
}
