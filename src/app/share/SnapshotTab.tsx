import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dashboard, Panel } from '../../model/dashboard';
import { useQueryEnv } from '../../query/env';
import { allDatasources, useDatasources } from '../../state/datasources';

/** The width PanelShell queries a panel with (its plot width in 10 px buckets), read from the page. */
function widthOf(panel: Panel): number {
  const body = document.querySelector<HTMLElement>(
    `[data-testid="panel"][data-panel-id="${panel.id}"] .panel-body`,
  );
  let px = body?.clientWidth ?? 0;
  if (!px) {
    // not on screen (a lazily drawn grid, one panel viewed): its share of the grid's width
    const grid = document.querySelector<HTMLElement>('.dash-grid')?.clientWidth ?? 1200;
    px = (grid * panel.gridPos.w) / 24 - 20;
  }
  return Math.max(10, Math.round(px / 10) * 10);
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; done: number; total: number }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

/**
 * The share dialog's Snapshot tab: the dashboard with the data of every panel, for the range and
 * variables on screen, as one .html file that opens anywhere without network, or as .json that
 * Scry's import page opens. The snapshot code loads when a button is pressed.
 */
export default function SnapshotTab(props: { dashboard: Dashboard }) {
  const queryClient = useQueryClient();
  const env = useQueryEnv();
  const own = useDatasources((s) => s.own);
  const provisioned = useDatasources((s) => s.provisioned);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const take = async (as: 'html' | 'json') => {
    setStatus({ kind: 'busy', done: 0, total: 0 });
    try {
      const [{ collectSnapshot }, files] = await Promise.all([
        import('../../snapshot/collect'),
        import('../../snapshot/download'),
      ]);
      const snapshot = await collectSnapshot({
        queryClient,
        dashboard: props.dashboard,
        env,
        datasources: allDatasources({ own, provisioned }),
        widthOf,
        onProgress: (done, total) => setStatus({ kind: 'busy', done, total }),
      });
      const file =
        as === 'html' ? await files.snapshotHtmlFile(snapshot) : files.snapshotJsonFile(snapshot);
      const failed = snapshot.answers.filter((a) => 'error' in a).length;
      setStatus({
        kind: 'done',
        text:
          `Downloaded ${files.saveFile(file)}` +
          (failed
            ? ` · ${failed} failed ${failed === 1 ? 'query is' : 'queries are'} kept as errors`
            : ''),
      });
    } catch (e) {
      setStatus({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  const busy = status.kind === 'busy';
  return (
    <div className="share-snapshot" data-testid="snapshot-tab">
      <p className="muted">
        The dashboard and the data of every panel for the range and variables on screen, in one
        file. The <strong>.html</strong> opens in any browser from disk, without network or
        Prometheus: same panels, tooltips, legends and zoom within the range. The{' '}
        <strong>.json</strong> opens in Scry (Dashboards → Import). Datasources appear by name only:
        no URL, no credentials. Panels in collapsed rows are left out.
      </p>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void take('html')}
          data-testid="snapshot-download"
        >
          Download snapshot
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void take('json')}
          data-testid="snapshot-download-json"
        >
          Download .json
        </button>
      </div>
      {status.kind === 'busy' && (
        <p className="muted" role="status">
          Collecting the panels' data{status.total ? ` (${status.done} of ${status.total})` : ''}…
        </p>
      )}
      {status.kind === 'done' && (
        <p role="status" data-testid="snapshot-status">
          {status.text}
        </p>
      )}
      {status.kind === 'error' && (
        <p className="error" role="alert" data-testid="snapshot-error">
          {status.text}
        </p>
      )}
    </div>
  );
}
