import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import LazyPromQLEditor, { preloadPromQLEditor } from '../../editor/LazyPromQLEditor';
import { proposeQuery } from '../../editor/proposals';
import type { Panel } from '../../model/dashboard';
import { bottomOf, nextPanelId } from '../../model/rows';
import PanelShell from '../../panels/PanelShell';
import { panelPlugin } from '../../panels/registry';
import type { PanelContext } from '../../panels/types';
import type { PrometheusClient } from '../../prometheus/client';
import { legendNames } from '../../prometheus/legend';
import { QueryEnvContext, type QueryEnv } from '../../query/env';
import type { TargetPlan } from '../../query/plan';
import { fetchTarget, promKeys } from '../../query/usePanelData';
import { useDashboards } from '../../state/dashboards';
import { allDatasources, pickDatasource, useDatasources } from '../../state/datasources';
import { handleFor } from '../datasourceHandles';
import { loadHistory, pushHistory, saveHistory, type HistoryEntry } from '../explore/history';
import MetricBrowser, { MetricLabels, type MetricChoice } from '../explore/MetricBrowser';
import { addFilter, addGroupBy } from '../explore/queryEdit';
import '../explore/explore.css';
import { newDashboard } from '../newDashboard';
import { emptyTarget } from '../PanelEditor';
import { zoomTo } from '../time/rangeParams';
import { useTimeRange } from '../time/useTimeRange';
import { href, navigate, updateParams, useRoute } from '../router';
import TimePicker from '../toolbar/TimePicker';
import { useEditorClient } from '../useEditorClient';

const NO_VARIABLES: readonly string[] = [];
/** Without `from`/`to`/`tz` in the URL: the last hour in the browser's zone, no auto refresh. */
const EXPLORE_TIME = { from: 'now-1h', to: 'now', refresh: '', timeZone: 'browser' };
/** The graph is no dashboard's: no cursor sync; a drag zooms the URL range. */
const EXPLORE_CONTEXT: PanelContext = { onZoom: zoomTo };

/** How the graph shows the query: chosen by a metric proposal, or by hand. */
interface View {
  panelType: 'timeseries' | 'heatmap';
  legendFormat: string;
  unit: string;
  percentiles?: number[];
}

const DEFAULT_VIEW: View = { panelType: 'timeseries', legendFormat: '', unit: 'short' };

/** `#/explore?ds=<name>&expr=<promql>&from=…&to=…`: one query, graph or table, no dashboard. */
export default function ExplorePage() {
  const route = useRoute();
  const own = useDatasources((s) => s.own);
  const provisioned = useDatasources((s) => s.provisioned);
  const datasources = useMemo(() => allDatasources({ own, provisioned }), [own, provisioned]);
  const dsParam = route.params.get('ds') ?? '';
  const expr = route.params.get('expr') ?? '';
  const time = useTimeRange(EXPLORE_TIME);
  const { fromMs, toMs, timeZone, nowMs, tick } = time;
  const ds = pickDatasource(datasources, dsParam || undefined);
  const handle = useMemo(() => (ds ? handleFor(ds) : undefined), [ds]);

  const [draft, setDraft] = useState(expr);
  const [prevExpr, setPrevExpr] = useState(expr);
  if (expr !== prevExpr) {
    setPrevExpr(expr);
    setDraft(expr);
  }
  const [tab, setTab] = useState<'graph' | 'table'>('graph');
  const [view, setView] = useState<View>(DEFAULT_VIEW);
  const [metric, setMetric] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>(() => loadHistory());

  useEffect(() => preloadPromQLEditor(), []);

  const run = (text: string, extra: Record<string, string | null> = {}) => {
    const e = text.trim();
    tick();
    if (e) {
      const next = pushHistory(loadHistory(), { expr: e, ds: ds?.name ?? '', at: Date.now() });
      saveHistory(next);
      setHistory(next);
    }
    updateParams({ expr: e || null, ...extra });
  };

  const editorClient = useEditorClient(handle, fromMs, nowMs);

  const env: QueryEnv = useMemo(
    () => ({
      fromMs,
      toMs,
      timeZone,
      datasource: () => handle ?? { error: 'No datasource configured: add one under Datasources.' },
      scope: {},
      dashboard: { uid: 'explore', title: 'Explore' },
    }),
    [fromMs, toMs, timeZone, handle],
  );

  const panel: Panel = useMemo(() => {
    const plugin = panelPlugin(view.panelType);
    const defaults = plugin?.defaults().options ?? {};
    return {
      id: 1,
      type: view.panelType,
      title: '',
      description: '',
      gridPos: { x: 0, y: 0, w: 24, h: 10 },
      ...(ds ? { datasource: ds.name } : {}),
      targets: expr ? [{ ...emptyTarget('A'), expr, legendFormat: view.legendFormat }] : [],
      fieldConfig: { unit: view.unit },
      // the heatmap's defaults carry its percentile lines; a proposal may choose others
      options:
        view.panelType === 'heatmap' && view.percentiles
          ? { ...defaults, percentiles: view.percentiles }
          : defaults,
    };
  }, [view, expr, ds]);

  const choose = (c: MetricChoice) => {
    const p = proposeQuery(c.name, c.metadata);
    setMetric(p.metric.base);
    setView({
      panelType: p.panelType,
      legendFormat: p.legendFormat,
      unit: p.unit ?? 'short',
      ...(p.percentiles ? { percentiles: p.percentiles } : {}),
    });
    setTab('graph');
    setDraft(p.expr);
    run(p.expr);
  };

  return (
    <QueryEnvContext.Provider value={env}>
      <div className="explore" data-testid="explore">
        <div className="dash-toolbar">
          <strong className="dash-title">Explore</strong>
          <label className="row">
            Datasource{' '}
            <select
              data-testid="explore-datasource"
              value={ds?.name ?? ''}
              onChange={(e) => updateParams({ ds: e.target.value || null })}
            >
              {!ds && <option value="">None</option>}
              {datasources.map((d) => (
                <option key={d.id} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          {time.error !== undefined && (
            <span className="error" role="alert">
              {time.error}
            </span>
          )}
          <TimePicker
            from={time.raw.from}
            to={time.raw.to}
            timeZone={timeZone}
            nowMs={nowMs}
            onChange={(r) => {
              tick();
              time.setRange(r);
            }}
            onTimeZone={time.setTimeZone}
            onZoomOut={time.zoomOut}
          />
          <button type="button" onClick={time.refreshNow}>
            Refresh
          </button>
        </div>
        {!ds && (
          <p className="page">
            No datasource yet: <a href={href('/datasources')}>add one</a>.
          </p>
        )}
        <div className="explore-main">
          <div className="explore-left">
            <div className="explore-query">
              <LazyPromQLEditor
                data-testid="query-expr"
                aria-label="PromQL expression"
                value={draft}
                onChange={setDraft}
                onRun={() => run(draft)}
                client={editorClient}
                variables={NO_VARIABLES}
                placeholder="Enter a PromQL expression (Ctrl+Enter runs)"
              />
              <div className="row">
                <button
                  type="button"
                  className="primary"
                  data-testid="explore-run"
                  onClick={() => run(draft)}
                >
                  Run query
                </button>
                <label className="row">
                  Legend{' '}
                  <input
                    data-testid="explore-legend"
                    value={view.legendFormat}
                    placeholder="{{job}}"
                    onChange={(e) => setView({ ...view, legendFormat: e.target.value })}
                  />
                </label>
                <label className="row">
                  Graph as{' '}
                  <select
                    data-testid="explore-panel-type"
                    value={view.panelType}
                    onChange={(e) =>
                      setView({
                        ...view,
                        panelType: e.target.value === 'heatmap' ? 'heatmap' : 'timeseries',
                      })
                    }
                  >
                    <option value="timeseries">Time series</option>
                    <option value="heatmap">Heatmap</option>
                  </select>
                </label>
                <AddToDashboard panel={panel} disabled={!expr} />
              </div>
            </div>
            <div className="explore-tabs row" role="tablist">
              <button
                type="button"
                role="tab"
                aria-selected={tab === 'graph'}
                data-testid="explore-tab-graph"
                onClick={() => setTab('graph')}
              >
                Graph
              </button>
              <button
                type="button"
                role="tab"
                aria-selected={tab === 'table'}
                data-testid="explore-tab-table"
                onClick={() => setTab('table')}
              >
                Table
              </button>
            </div>
            {tab === 'graph' ? (
              <div className="explore-graph" data-testid="explore-graph">
                <PanelShell panel={panel} ctx={EXPLORE_CONTEXT} />
              </div>
            ) : (
              <InstantTable
                expr={expr}
                timeSec={toMs / 1000}
                legendFormat={view.legendFormat}
                client={handle?.client}
                cacheKey={handle?.cacheKey ?? ''}
              />
            )}
            {metric && handle && (
              <MetricLabels
                client={handle.client}
                cacheKey={handle.cacheKey}
                metric={metric}
                startSec={fromMs / 1000}
                endSec={toMs / 1000}
                onGroupBy={(label) => {
                  const next = addGroupBy(draft, label);
                  setDraft(next);
                  run(next);
                }}
                onFilter={(label, value) => {
                  const next = addFilter(draft, metric, label, value);
                  setDraft(next);
                  run(next);
                }}
              />
            )}
          </div>
          <div className="explore-side">
            <details open>
              <summary>
                <strong>Metrics</strong>
              </summary>
              {handle && (
                <MetricBrowser
                  client={handle.client}
                  cacheKey={handle.cacheKey}
                  flavour={handle.flavour}
                  startSec={fromMs / 1000}
                  endSec={toMs / 1000}
                  onChoose={choose}
                />
              )}
            </details>
            <details open>
              <summary>
                <strong>History</strong>
              </summary>
              <ul className="explore-history" data-testid="explore-history">
                {history.length === 0 && <li className="muted">No queries run yet.</li>}
                {history.map((h) => (
                  <li key={`${h.ds}\u0000${h.expr}`}>
                    <button
                      type="button"
                      className="mono"
                      data-testid="history-item"
                      title={`${h.ds || 'default'} · ${new Date(h.at).toLocaleString()}`}
                      onClick={() => {
                        setDraft(h.expr);
                        run(h.expr, h.ds && h.ds !== ds?.name ? { ds: h.ds } : {});
                      }}
                    >
                      {h.expr}
                    </button>
                  </li>
                ))}
              </ul>
              {history.length > 0 && (
                <button
                  type="button"
                  onClick={() => {
                    saveHistory([]);
                    setHistory([]);
                  }}
                >
                  Clear history
                </button>
              )}
            </details>
          </div>
        </div>
      </div>
    </QueryEnvContext.Provider>
  );
}

/** The instant answer at the end of the range: one row per series, its labels and value. */
function InstantTable(props: {
  expr: string;
  timeSec: number;
  legendFormat: string;
  client: PrometheusClient | undefined;
  cacheKey: string;
}) {
  const { expr, client } = props;
  const timeSec = Math.round(props.timeSec * 1000) / 1000;
  // the same key and request as an instant panel's (usePanelData): one cache entry shape
  const plan: TargetPlan = {
    refId: 'A',
    expr,
    instant: true,
    startSec: timeSec,
    endSec: timeSec,
    stepSec: 0,
    intervalMs: 0,
    rateIntervalMs: 0,
  };
  const q = useQuery({
    queryKey: promKeys.instant(props.cacheKey, plan),
    queryFn: ({ signal }) => fetchTarget(client!, plan, signal),
    enabled: !!client && expr.trim() !== '',
  });
  if (!expr) return <p className="muted">Run a query to see its values.</p>;
  if (q.error) return <div className="panel-error">{q.error.message}</div>;
  if (!q.data) return <p className="muted">Loading…</p>;
  const rows = q.data.rows ?? [];
  const names = legendNames(
    props.legendFormat,
    rows.slice(0, 2000).map((r) => r.labels),
  );
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.labels)))].sort();
  return (
    <div className="explore-table-wrap">
      <p className="muted">
        {rows.length} series at {new Date(timeSec * 1000).toISOString()}
      </p>
      {q.data.warnings.map((w, i) => (
        <div key={i} className="panel-warning">
          {w}
        </div>
      ))}
      <table className="inspect-table" data-testid="explore-table">
        <thead>
          <tr>
            <th>Series</th>
            {keys.map((k) => (
              <th key={k}>{k}</th>
            ))}
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 2000).map((r, i) => (
            <tr key={i} data-testid="explore-row">
              <td>{names[i]}</td>
              {keys.map((k) => (
                <td key={k} data-label={k}>
                  {r.labels[k] ?? ''}
                </td>
              ))}
              <td data-testid="explore-value" data-value={String(r.value)}>
                {r.value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Adds the query as a panel to a saved dashboard (or a new one) and opens it. */
function AddToDashboard({ panel, disabled }: { panel: Panel; disabled: boolean }) {
  const saved = useDashboards((s) => s.saved);
  const save = useDashboards((s) => s.save);
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState('__new');
  const list = Object.values(saved)
    .map((s) => s.dashboard)
    .sort((a, b) => a.title.localeCompare(b.title));
  const add = () => {
    const base = target === '__new' ? newDashboard('New dashboard') : saved[target]?.dashboard;
    if (!base) return;
    // rows' folded children count too: a reused id would clash when the row is expanded
    const id = nextPanelId(base.panels);
    const y = bottomOf(base.panels);
    const title = panel.targets[0]?.expr.slice(0, 60) ?? 'Explore';
    const stored = save({
      ...base,
      panels: [...base.panels, { ...panel, id, title, gridPos: { x: 0, y, w: 12, h: 8 } }],
    });
    navigate(`/d/${stored.uid}`);
  };
  if (!open)
    return (
      <button
        type="button"
        disabled={disabled}
        data-testid="explore-add-to-dashboard"
        onClick={() => setOpen(true)}
      >
        Add to dashboard
      </button>
    );
  return (
    <span className="row" data-testid="add-to-dashboard-form">
      <select
        aria-label="Dashboard"
        data-testid="add-to-dashboard-target"
        value={target}
        onChange={(e) => setTarget(e.target.value)}
      >
        <option value="__new">New dashboard</option>
        {list.map((d) => (
          <option key={d.uid} value={d.uid}>
            {d.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="primary"
        data-testid="add-to-dashboard-confirm"
        onClick={add}
      >
        Add
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </span>
  );
}
