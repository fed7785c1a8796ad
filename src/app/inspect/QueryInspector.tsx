import { useEffect, useMemo, useState } from 'react';
import type { Panel } from '../../model/dashboard';
import { panelPlugin } from '../../panels/registry';
import { legendNames } from '../../prometheus/legend';
import { useQueryEnv } from '../../query/env';
import { panelCompare, pastRequests } from '../../query/compare';
import { panelNeedsPromQLParser, planPanel, type TargetPlan } from '../../query/plan';
import { usePromQLParser } from '../../query/usePromQLParser';
import {
  describeRequest,
  inspectPlan,
  MAX_RAW_CHARS,
  offGridNote,
  targetTable,
  toCsv,
  type InspectedTarget,
} from './capture';
import CostFigures from '../cost/CostFigures';
import { downloadText } from '../exportFile';
import './inspect.css';

type Tab = 'query' | 'data' | 'json' | 'panel';

/** Rows of the data table drawn in the page (the CSV has them all). */
const MAX_TABLE_ROWS = 1000;

/** The panel body's width as the panel queried with (10 px buckets, as PanelShell does). */
function panelWidth(panelId: number): number {
  const bodies = document.querySelectorAll<HTMLElement>(
    `[data-testid="panel"][data-panel-id="${panelId}"] .panel-body`,
  );
  const el = bodies[bodies.length - 1];
  const w = el?.clientWidth ?? 800;
  return Math.max(10, Math.round(w / 10) * 10);
}

/**
 * Query inspector: re-runs the panel's queries exactly as the panel does and shows each
 * request (method, URL, form body), its timing and size, the raw JSON, the data as a table (CSV
 * download) and the panel JSON.
 */
export default function QueryInspector(props: { panel: Panel; onClose(): void }) {
  const { panel, onClose } = props;
  const env = useQueryEnv();
  const [tab, setTab] = useState<Tab>('query');
  const [runId, setRunId] = useState(0);
  const [results, setResults] = useState<InspectedTarget[] | null>(null);
  const [width] = useState(() => panelWidth(panel.id));
  const forceInstant = panelPlugin(panel.type)?.queryMode === 'instant';
  const grammar = usePromQLParser(panelNeedsPromQLParser(panel, env));
  const planned = useMemo(
    () =>
      grammar.ready
        ? planPanel(panel, env, width, forceInstant)
        : { plans: [], targetCount: 0, error: grammar.error },
    [panel, env, width, forceInstant, grammar.ready, grammar.error],
  );

  // compare to the past: the same requests moved back, as the panel sends them (usePanelData)
  const compared = panelPlugin(panel.type)?.comparesToPast
    ? panelCompare(panel.compare, env.compare)
    : null;
  const pastLabel = compared && !('error' in compared) ? compared.label : '';
  const pastPlans = useMemo(
    () =>
      pastRequests(
        planned.plans.filter((p): p is TargetPlan => !('error' in p)),
        compared,
      ).map((p) => ({ ...p, refId: `${p.refId} (${pastLabel})` })),
    // compared is a new object each render: its label stands for it (offset and words)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [planned, pastLabel],
  );

  useEffect(() => {
    const ctl = new AbortController();
    const ds = env.datasource(panel.datasource);
    if ('error' in ds) return;
    void Promise.all(
      [...planned.plans, ...pastPlans].map((p) =>
        'error' in p
          ? Promise.resolve<InspectedTarget>({
              refId: p.refId,
              error: p.error,
              warnings: [],
              seriesCount: 0,
              pointCount: 0,
            })
          : inspectPlan(ds.client, p, ctl.signal),
      ),
    ).then((r) => {
      if (!ctl.signal.aborted) setResults(r);
    });
    return () => ctl.abort();
  }, [planned, pastPlans, env, panel.datasource, runId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  // a past request's refId is its target's with the offset: "A (1 w ago)"
  const legendOf = (refId: string) =>
    panel.targets.find((t) => t.refId === refId || refId.startsWith(`${t.refId} (`))
      ?.legendFormat ?? '';
  const title = panel.title || 'Untitled panel';
  const fileBase = title.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'panel';

  return (
    <div
      className="inspect-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        className="inspect"
        role="dialog"
        aria-label="Query inspector"
        data-testid="query-inspector"
      >
        <div className="row inspect-head">
          <strong>Inspect: {title}</strong>
          <div className="inspect-tabs" role="tablist">
            {(
              [
                ['query', 'Query'],
                ['data', 'Data'],
                ['json', 'Response JSON'],
                ['panel', 'Panel JSON'],
              ] as [Tab, string][]
            ).map(([id, label]) => (
              <button
                key={id}
                type="button"
                role="tab"
                aria-selected={tab === id}
                data-testid={`inspect-tab-${id}`}
                onClick={() => setTab(id)}
              >
                {label}
              </button>
            ))}
          </div>
          <button
            type="button"
            onClick={() => setRunId((n) => n + 1)}
            data-testid="inspect-refresh"
          >
            Refresh
          </button>
          <button type="button" className="icon" aria-label="Close inspector" onClick={onClose}>
            ✕
          </button>
        </div>
        <div className="inspect-body">
          {planned.error && <div className="panel-error">{planned.error}</div>}
          {grammar.ready && !planned.error && planned.plans.length === 0 && tab !== 'panel' && (
            <p className="muted">No query to inspect.</p>
          )}
          {tab !== 'panel' &&
            !planned.error &&
            (!grammar.ready || (!results && planned.plans.length > 0)) && (
              <p className="muted">Running…</p>
            )}
          {tab === 'query' &&
            results?.map((r) => (
              <section
                key={r.refId}
                className="inspect-target"
                data-testid="inspect-target"
                data-ref-id={r.refId}
              >
                <h3>{r.refId}</h3>
                <dl>
                  <dt>Expression</dt>
                  <dd>
                    <code data-testid="inspect-expr">{r.plan?.expr ?? ''}</code>
                  </dd>
                  {r.plan && (
                    <>
                      <dt>{r.plan.instant ? 'Time' : 'Range, step'}</dt>
                      <dd data-testid="inspect-step">
                        {r.plan.instant
                          ? new Date(r.plan.endSec * 1000).toISOString()
                          : `${new Date(r.plan.startSec * 1000).toISOString()} → ${new Date(r.plan.endSec * 1000).toISOString()}, step ${r.plan.stepSec}s`}
                      </dd>
                    </>
                  )}
                  {r.request && (
                    <>
                      <dt>Request</dt>
                      <dd>
                        <pre data-testid="inspect-request" data-method={r.request.method}>
                          {describeRequest(r.request)}
                        </pre>
                        <div className="muted">
                          <code data-testid="inspect-url">{r.request.url}</code>
                        </div>
                        {r.request.body && (
                          <div className="muted">
                            Body: <code data-testid="inspect-body">{r.request.body}</code>
                          </div>
                        )}
                      </dd>
                      <dt>Answer</dt>
                      <dd data-testid="inspect-stats">
                        HTTP {r.request.status ?? '—'} in{' '}
                        <span data-testid="inspect-took">{Math.round(r.tookMs ?? 0)}</span> ms,{' '}
                        {(r.request.responseBytes ?? 0).toLocaleString('en')} bytes,{' '}
                        <span data-testid="inspect-series">{r.seriesCount}</span> series,{' '}
                        <span data-testid="inspect-points">{r.pointCount}</span> points
                      </dd>
                      {r.stats && (
                        <>
                          <dt>Server cost</dt>
                          <dd data-testid="inspect-cost">
                            <CostFigures cost={r.stats} />
                          </dd>
                        </>
                      )}
                    </>
                  )}
                  {r.frame?.offGrid && r.plan && (
                    <>
                      <dt>Grid</dt>
                      <dd className="warn" data-testid="inspect-off-grid">
                        {offGridNote(r.frame, r.plan)}
                      </dd>
                    </>
                  )}
                  {r.warnings.length > 0 && (
                    <>
                      <dt>Warnings</dt>
                      <dd data-testid="inspect-warnings">
                        {r.warnings.map((w, i) => (
                          <div key={i} className="warn">
                            {w}
                          </div>
                        ))}
                      </dd>
                    </>
                  )}
                  {r.error && (
                    <>
                      <dt>Error</dt>
                      <dd className="panel-error" data-testid="inspect-error">
                        {r.error}
                      </dd>
                    </>
                  )}
                </dl>
              </section>
            ))}
          {tab === 'data' &&
            results?.map((r) => {
              const t = targetTable(r, legendOf(r.refId), legendNames);
              return (
                <section key={r.refId} className="inspect-target">
                  <div className="row">
                    <h3>{r.refId}</h3>
                    <button
                      type="button"
                      data-testid="inspect-csv"
                      onClick={() =>
                        downloadText(
                          `${fileBase}-${r.refId}.csv`,
                          toCsv(t.header, t.rows),
                          'text/csv',
                        )
                      }
                    >
                      Download CSV
                    </button>
                    {t.rows.length > MAX_TABLE_ROWS && (
                      <span className="muted">
                        first {MAX_TABLE_ROWS} of {t.rows.length} rows shown; the CSV has all
                      </span>
                    )}
                  </div>
                  <div className="inspect-table-wrap">
                    <table className="inspect-table" data-testid="inspect-data">
                      <thead>
                        <tr>
                          {t.header.map((h, i) => (
                            <th key={i}>{h}</th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {t.rows.slice(0, MAX_TABLE_ROWS).map((row, i) => (
                          <tr key={i}>
                            {row.map((c, j) => (
                              <td key={j}>
                                {typeof c === 'number' ? (Number.isNaN(c) ? '' : c) : c}
                              </td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </section>
              );
            })}
          {tab === 'json' &&
            results?.map((r) => (
              <section key={r.refId} className="inspect-target">
                <h3>{r.refId}</h3>
                <pre className="inspect-json" data-testid="inspect-json">
                  {prettyJson(r.request?.responseText ?? '')}
                </pre>
                {(r.request?.responseText?.length ?? 0) >= MAX_RAW_CHARS && (
                  <p className="muted">Cut at {MAX_RAW_CHARS.toLocaleString('en')} characters.</p>
                )}
              </section>
            ))}
          {tab === 'panel' && (
            <>
              <button
                type="button"
                onClick={() =>
                  downloadText(
                    `${fileBase}.json`,
                    JSON.stringify(panel, null, 2),
                    'application/json',
                  )
                }
              >
                Download
              </button>
              <pre className="inspect-json" data-testid="inspect-panel-json">
                {JSON.stringify(panel, null, 2)}
              </pre>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function prettyJson(text: string): string {
  if (text.length > 1_000_000) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
