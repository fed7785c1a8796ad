import { Fragment, useState } from 'react';
import { usePanelCosts } from '../../query/cost';
import RuleSuggestion from './RuleSuggestion';
import type { TargetCost } from '../../prometheus/stats';
import { formatBytes } from '../../model/limits';
import { costRows, costTotal, formatCount, formatServerTime } from './costTable';
import './cost.css';

/**
 * The dashboard's cost: every visible panel query with what its last fetch cost the server
 * (samples processed, peak samples, server time — Prometheus' `stats=all`) and what travelled
 * (series, points, bytes), costliest first, with the total of one refresh.
 */
export default function CostView(props: { onClose(): void }) {
  const rows = costRows(usePanelCosts());
  const [open, setOpen] = useState<string | null>(null);
  const total = costTotal(rows);
  const noStats = rows.length > 0 && rows.every((r) => r.cost.samples === undefined);
  return (
    <section className="cost-view" data-testid="cost-view" aria-label="Query cost">
      <header>
        <h2>Query cost</h2>
        <span className="muted">
          What each panel&apos;s last fetch cost; off-screen panels and folded rows are not fetched.
        </span>
        <button type="button" onClick={props.onClose} aria-label="Close query cost">
          ✕
        </button>
      </header>
      {rows.length === 0 ? (
        <p className="muted">No panel has fetched data yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Panel</th>
              <th>Query</th>
              <th className="num">Samples processed</th>
              <th className="num">Peak samples</th>
              <th className="num">Server time</th>
              <th className="num">Series</th>
              <th className="num">Points</th>
              <th className="num">Bytes</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const key = `${r.panelId}-${r.refId}`;
              return (
                <Fragment key={key}>
                  <tr data-testid="cost-row" data-panel-title={r.title} data-ref-id={r.refId}>
                    <td>{r.title || `Panel ${r.panelId}`}</td>
                    <td>
                      <code title={r.expr}>{r.expr}</code>
                    </td>
                    <Cells cost={r.cost} />
                    <td>
                      <button
                        type="button"
                        aria-expanded={open === key}
                        onClick={() => setOpen(open === key ? null : key)}
                        data-testid="suggest-rule"
                      >
                        Recording rule
                      </button>
                    </td>
                  </tr>
                  {open === key && (
                    <tr>
                      <td colSpan={9}>
                        <RuleSuggestion template={r.template} cost={r.cost} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
          <tfoot>
            <tr data-testid="cost-total">
              <th colSpan={2}>One refresh (a query shared by panels counts once)</th>
              <Cells cost={total} />
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      {noStats && (
        <p className="muted" data-testid="cost-no-stats">
          This server does not report query statistics (Prometheus does, with <code>stats=all</code>
          ); series, points and bytes are Scry&apos;s own count.
        </p>
      )}
    </section>
  );
}

function Cells({ cost }: { cost: TargetCost }) {
  const n = (v: number | undefined, testId: string) => (
    <td className="num" data-testid={testId} data-value={v ?? ''}>
      {v === undefined ? '—' : formatCount(v)}
    </td>
  );
  return (
    <>
      {n(cost.samples, 'cost-samples')}
      {n(cost.peakSamples, 'cost-peak')}
      <td className="num" data-testid="cost-server-time" data-value={cost.serverSec ?? ''}>
        {cost.serverSec === undefined ? '—' : formatServerTime(cost.serverSec)}
      </td>
      {n(cost.series, 'cost-series')}
      {n(cost.points, 'cost-points')}
      <td className="num" data-testid="cost-bytes" data-value={cost.bytes ?? ''}>
        {cost.bytes === undefined ? '—' : formatBytes(cost.bytes)}
      </td>
    </>
  );
}
