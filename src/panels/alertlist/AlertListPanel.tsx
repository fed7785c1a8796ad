import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { isAbort } from '../../prometheus/errors';
import { notOfferedText, offers } from '../../prometheus/flavour';
import { alertsQuery } from '../../prometheus/queries';
import { useQueryEnv } from '../../query/env';
import { formatTime } from '../../time/format';
import type { PanelViewProps } from '../types';
import { alertListView, formatAge, type AlertItem } from './alerts';
import type { AlertListOptions } from './options';
import './alertlist.css';

/** Re-renders every `ms` so "for 5m" stays current. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/**
 * Firing and pending alerts of the panel's datasource (GET /api/v1/alerts). The shell runs no
 * queries for this panel: an unresolvable datasource and fetch errors are reported to it
 * (ctx.reportError), and it shows them.
 */
export default function AlertListPanel({
  panel,
  options: opts,
  ctx,
}: PanelViewProps<AlertListOptions>) {
  const env = useQueryEnv();
  const ds = env.datasource(panel.datasource);
  const handle = 'error' in ds ? undefined : ds;
  // a flavour without the alerts API (VictoriaMetrics) is never asked: a quiet note instead
  const flavour = handle?.flavour ?? 'prometheus';
  const offered = offers(flavour, 'alerts');
  const q = useQuery({ ...alertsQuery(handle), enabled: !!handle && offered });
  // Auto refresh moves the dashboard's "now": refetch then (manual refresh invalidates ['prom']).
  const { refetch } = q;
  const lastTo = useRef(env.toMs);
  useEffect(() => {
    if (lastTo.current === env.toMs) return;
    lastTo.current = env.toMs;
    if (handle && offered) void refetch();
  }, [env.toMs, handle, offered, refetch]);
  const now = useNow(10_000);
  const view = useMemo(() => alertListView(q.data, opts), [q.data, opts]);

  const error =
    'error' in ds
      ? ds.error
      : q.error && !isAbort(q.error) && offered
        ? q.error.message
        : undefined;
  const reportError = ctx.reportError;
  useEffect(() => {
    reportError?.(error);
    return () => reportError?.(undefined);
  }, [error, reportError]);

  if (!handle) return <div className="alertlist-panel" data-testid="alertlist" />;
  if (!offered)
    return (
      <div className="alertlist-panel" data-testid="alertlist">
        <div className="alertlist-empty not-offered-note" data-testid="alertlist-not-offered">
          {notOfferedText(flavour, 'alerts')}
        </div>
      </div>
    );
  return (
    <div className="alertlist-panel" data-testid="alertlist">
      {q.data && view.shown === 0 && (
        <div className="alertlist-empty" data-testid="alertlist-empty">
          No firing or pending alerts
        </div>
      )}
      {view.groups.map((g) => (
        <section key={g.key} className="alertlist-group">
          {opts.groupBy.length > 0 && (
            <h4 className="alertlist-group-head">
              {Object.entries(g.labels)
                .map(([k, v]) => `${k}=${v || '—'}`)
                .join(', ')}{' '}
              <span className="muted">({g.alerts.length})</span>
            </h4>
          )}
          <ul>
            {g.alerts.map((a) => (
              <AlertRow key={a.key} alert={a} now={now} timeZone={env.timeZone} />
            ))}
          </ul>
        </section>
      ))}
      {view.total > view.shown && (
        <div className="alertlist-more muted" data-testid="alertlist-more">
          {view.total - view.shown} more not shown (max items {opts.maxItems})
        </div>
      )}
    </div>
  );
}

function AlertRow({
  alert: a,
  now,
  timeZone,
}: {
  alert: AlertItem;
  now: number;
  timeZone: string;
}) {
  const since = a.activeAtMs;
  const labels = Object.entries(a.labels).filter(([k]) => k !== 'alertname');
  const summary = a.annotations.summary ?? a.annotations.description;
  return (
    <li
      className={`alert-item alert-${a.state}`}
      data-testid="alert-item"
      data-state={a.state}
      data-alertname={a.name}
    >
      <div className="alert-line">
        <span className="alert-state">{a.state}</span>
        <span className="alert-name">{a.name || '(no alertname)'}</span>
        {since !== undefined && (
          <span className="alert-since" title={new Date(since).toISOString()}>
            for {formatAge(now - since)} · since {formatTime(since, { timeZone })}
          </span>
        )}
      </div>
      {summary && <div className="alert-summary">{summary}</div>}
      {labels.length > 0 && (
        <div className="alert-labels">
          {labels.map(([k, v]) => (
            <span key={k} className="alert-label">
              {k}={v}
            </span>
          ))}
        </div>
      )}
    </li>
  );
}
