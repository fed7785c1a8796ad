import { useEffect, useMemo, useState } from 'react';
import LazyPromQLEditor, { preloadPromQLEditor } from '../../editor/LazyPromQLEditor';
import { proposeQuery } from '../../editor/proposals';
import type { Panel } from '../../model/dashboard';
import PanelShell from '../../panels/PanelShell';
import { panelPlugin } from '../../panels/registry';
import type { PanelContext } from '../../panels/types';
import { QueryEnvContext, type QueryEnv } from '../../query/env';
import { allDatasources, pickDatasource, useDatasources } from '../../state/datasources';
import { handleFor } from '../datasourceHandles';
import { loadHistory, pushHistory, saveHistory, type HistoryEntry } from '../explore/history';
import MetricBrowser, { MetricLabels, type MetricChoice } from '../explore/MetricBrowser';
import { addFilter, addGroupBy } from '../explore/queryEdit';
import AddToDashboard from '../explore/AddToDashboard';
import '../explore/explore.css';
import InstantTable from '../explore/InstantTable';
import { emptyTarget } from '../PanelEditor';
import { zoomTo } from '../time/rangeParams';
import { SeriesGateNotice, useSeriesGate } from '../cost/seriesGate';
import { useTimeRange } from '../time/useTimeRange';
import { href, updateParams, useRoute } from '../router';
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

  // a query touching more series than the user's limit asks first (app/cost/seriesGate.tsx)
  const gate = useSeriesGate(handle?.client, Math.floor(toMs / 1000));
  const run = (text: string, extra: Record<string, string | null> = {}) =>
    gate.guard(text, () => runNow(text, extra));
  const runNow = (text: string, extra: Record<string, string | null>) => {
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
              <div className="row explore-run-row">
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
              <SeriesGateNotice gate={gate} />
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
                <PanelShell
                  panel={panel}
                  ctx={EXPLORE_CONTEXT}
                  noQueryText="Type a PromQL query above and press Run query (Ctrl/Cmd+Enter), or pick one under Metrics"
                />
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
