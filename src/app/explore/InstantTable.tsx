import { useQuery } from '@tanstack/react-query';
import type { PrometheusClient } from '../../prometheus/client';
import { legendNames } from '../../prometheus/legend';
import { targetQuery } from '../../prometheus/queries';
import type { TargetPlan } from '../../query/plan';

/** The instant answer at the end of the range: one row per series, its labels and value. */
export default function InstantTable(props: {
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
    ...targetQuery(client && { client, cacheKey: props.cacheKey }, plan),
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
