import { useState } from 'react';
import { newDashboard } from '../newDashboard';
import { href, navigate } from '../router';
import { copyDashboard, downloadDashboard } from '../exportFile';
import { useDashboards, type SavedDashboard, type SaveResult } from '../../state/dashboards';
import { storageErrorText } from '../../state/idb';
import { allDatasources, useDatasources } from '../../state/datasources';

export default function HomePage() {
  const { saved, provisioned, remove, rename, duplicate, addDraft } = useDashboards();
  const datasources = allDatasources(useDatasources());
  const [renaming, setRenaming] = useState<{ uid: string; title: string } | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const rows: SavedDashboard[] = [
    ...Object.values(saved).sort((a, b) => a.dashboard.title.localeCompare(b.dashboard.title)),
    ...Object.values(provisioned)
      .filter((p) => !saved[p.dashboard.uid])
      .sort((a, b) => a.dashboard.title.localeCompare(b.dashboard.title)),
  ];

  return (
    <div className="page">
      {datasources.length === 0 && <FirstSteps />}
      <div className="page-head">
        <h1>Dashboards</h1>
        <div className="row">
          <button
            type="button"
            className="primary"
            onClick={() => {
              // it exists in this tab only until its first Save (leaving discards it)
              const d = newDashboard();
              addDraft(d);
              navigate(`/d/${d.uid}`, { edit: '1' });
            }}
          >
            New dashboard
          </button>
          <a className="button" href={href('/import')}>
            Import
          </a>
        </div>
      </div>
      {flash && (
        <div className="flash" role="status">
          {flash}
        </div>
      )}
      <table className="list" data-testid="dashboard-list">
        <thead>
          <tr>
            <th>Title</th>
            <th>Panels</th>
            <th>Saved</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const d = r.dashboard;
            return (
              <tr key={d.uid} data-testid="dashboard-row" data-uid={d.uid}>
                <td>
                  {renaming?.uid === d.uid ? (
                    <form
                      className="row"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void rename(d.uid, renaming.title).then((r) => {
                          if (r?.status === 'saved') setRenaming(null);
                          else if (r) setFlash(saveProblem(r));
                        });
                      }}
                    >
                      <input
                        aria-label="New title"
                        autoFocus
                        value={renaming.title}
                        onChange={(e) => setRenaming({ uid: d.uid, title: e.target.value })}
                      />
                      <button type="submit">Rename</button>
                      <button type="button" onClick={() => setRenaming(null)}>
                        Cancel
                      </button>
                    </form>
                  ) : (
                    <a href={href(`/d/${d.uid}`)}>{d.title}</a>
                  )}{' '}
                  {r.provisioned && (
                    <span className="badge muted" title={r.source}>
                      provisioned
                    </span>
                  )}
                </td>
                <td>{d.panels.length}</td>
                <td className="muted">
                  {r.provisioned ? '—' : new Date(r.savedAt).toLocaleString()}
                </td>
                <td className="actions">
                  {!r.provisioned && (
                    <button
                      type="button"
                      onClick={() => setRenaming({ uid: d.uid, title: d.title })}
                    >
                      Rename
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={async () => {
                      const r = await duplicate(d.uid);
                      if (r)
                        setFlash(
                          r.status === 'saved'
                            ? `Duplicated as "${r.dashboard.title}"`
                            : saveProblem(r),
                        );
                    }}
                  >
                    {r.provisioned ? 'Save as copy' : 'Duplicate'}
                  </button>
                  <button type="button" onClick={() => downloadDashboard(d)}>
                    Export
                  </button>
                  <button
                    type="button"
                    onClick={async () =>
                      setFlash(
                        (await copyDashboard(d))
                          ? 'JSON copied to the clipboard'
                          : 'Copying was refused by the browser; use Export',
                      )
                    }
                  >
                    Copy JSON
                  </button>
                  {!r.provisioned && (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => {
                        if (
                          confirm(
                            `Delete dashboard "${d.title}"? This cannot be undone (export it first to keep a copy).`,
                          )
                        )
                          remove(d.uid).catch((e: unknown) =>
                            setFlash(`Not deleted: ${storageErrorText(e)}`),
                          );
                      }}
                    >
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
          {rows.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                No dashboards yet: create one or import a Scry or Grafana JSON file.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function FirstSteps() {
  return (
    <section className="card first-steps" data-testid="first-steps">
      <h2>Connect a Prometheus</h2>
      <p>
        Scry reads from any Prometheus-compatible server (Prometheus, Thanos, Mimir,
        VictoriaMetrics) straight from your browser.{' '}
        <a href={href('/datasources')}>Add a datasource</a> with its URL, e.g.{' '}
        <code>http://127.0.0.1:9090</code>.
      </p>
      <p>
        Want live charts right away? Install Prometheus (
        <code>sudo apt-get install prometheus</code> on Debian) and run <code>npm start</code>{' '}
        again: Scry then starts a demo Prometheus scraping a small demo service and opens with its
        dashboard.
      </p>
    </section>
  );
}

/** Why a list action's save did not happen, in words. */
function saveProblem(r: Exclude<SaveResult, { status: 'saved' }>): string {
  return r.status === 'error'
    ? r.error
    : 'Not saved: the dashboard was changed in another tab; this list now shows that version';
}
