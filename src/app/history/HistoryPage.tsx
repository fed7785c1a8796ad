import { useEffect, useState } from 'react';
import type { Dashboard } from '../../model/dashboard';
import { useDashboards } from '../../state/dashboards';
import { listVersions, readVersion } from '../../state/db';
import { recordDashboard, type VersionInfo } from '../../state/records';
import { dashboardJson } from '../exportFile';
import { href, navigate } from '../router';
import {
  comparePair,
  diffVersions,
  formatSavedAt,
  savedAgo,
  toggleCompare,
  type ChangeGroup,
} from './versions';
import './history.css';

/** One stored version's dashboard, read on demand (undefined while reading, null if gone). */
function useVersion(uid: string, revision: number | null): Dashboard | null | undefined {
  const [got, setGot] = useState<{ key: string; d: Dashboard | null }>();
  const key = `${uid}@${revision}`;
  useEffect(() => {
    if (revision === null) return;
    let live = true;
    void readVersion(uid, revision).then((v) => {
      if (live) setGot({ key, d: v ? recordDashboard(v) : null });
    });
    return () => {
      live = false;
    };
  }, [uid, revision, key]);
  return revision === null ? null : got?.key === key ? got.d : undefined;
}

/**
 * `#/d/<uid>/history`: a saved dashboard's versions, newest first: view one read-only, tick two
 * to see what changed between them, restore one (a new save: the current version stays here).
 */
export default function HistoryPage({ uid }: { uid: string }) {
  const stored = useDashboards((s) => s.saved[uid]);
  const limits = useDashboards((s) => s.history);
  const save = useDashboards((s) => s.save);
  // the list and when it was read (the "5 minutes ago" is relative to that)
  const [listed, setListed] = useState<{ versions: VersionInfo[]; atMs: number } | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [viewing, setViewing] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revision = stored?.revision;
  useEffect(() => {
    let live = true;
    void listVersions(uid).then((versions) => live && setListed({ versions, atMs: Date.now() }));
    return () => {
      live = false;
    };
  }, [uid, revision]);

  const pair = comparePair(selected);
  const older = useVersion(uid, pair?.[0] ?? null);
  const newer = useVersion(uid, pair?.[1] ?? null);
  const viewed = useVersion(uid, viewing);

  if (!stored)
    return (
      <div className="page">
        <h1>No history</h1>
        <p>
          There is no saved dashboard <code>{uid}</code> in this browser (provisioned dashboards
          have no history here). <a href={href('/')}>See all dashboards</a>.
        </p>
      </div>
    );

  const restore = async (rev: number) => {
    const v = await readVersion(uid, rev);
    if (!v) return setError(`Version ${rev} is no longer stored.`);
    if (!confirm(`Restore version ${rev}? The current version stays in the history.`)) return;
    const r = await save(recordDashboard(v), {
      expected: stored.revision,
      message: `Restored version ${rev}`,
    });
    if (r.status === 'saved') navigate(`/d/${uid}`);
    else if (r.status === 'error') setError(r.error);
    else setError('The dashboard was saved in another tab meanwhile; look at the list again.');
  };

  return (
    <div className="page history-page" data-testid="history-page">
      <div className="page-head">
        <div>
          <a href={href(`/d/${uid}`)}>← {stored.dashboard.title}</a>
          <h1>Version history</h1>
        </div>
      </div>
      <p className="muted">
        The last {limits.count} versions of each dashboard are kept (at most{' '}
        {Math.round(limits.bytes / 1024 / 1024)} MB each; change it in{' '}
        <a href={href('/settings')}>Settings</a>). Tick two versions to see what changed.
      </p>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {listed === null ? (
        <p className="muted">Reading the history…</p>
      ) : (
        <table className="list history-list" data-testid="history-list">
          <thead>
            <tr>
              <th className="narrow">Compare</th>
              <th>Version</th>
              <th>Saved</th>
              <th>Note</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {listed.versions.map((v) => {
              const current = v.revision === stored.revision;
              return (
                <tr
                  key={v.revision}
                  data-testid="history-version"
                  data-revision={v.revision}
                  className={viewing === v.revision ? 'selected' : undefined}
                >
                  <td className="narrow">
                    <input
                      type="checkbox"
                      aria-label={`Compare version ${v.revision}`}
                      checked={selected.includes(v.revision)}
                      onChange={() => setSelected((s) => toggleCompare(s, v.revision))}
                    />
                  </td>
                  <td>
                    Version {v.revision}
                    {current && <span className="badge">current</span>}
                  </td>
                  <td title={new Date(v.savedAt).toString()}>
                    {formatSavedAt(v.savedAt)}{' '}
                    <span className="muted">({savedAgo(v.savedAt, listed.atMs)})</span>
                  </td>
                  <td>{v.message || <span className="muted">—</span>}</td>
                  <td className="actions">
                    <button
                      type="button"
                      aria-pressed={viewing === v.revision}
                      onClick={() => setViewing(viewing === v.revision ? null : v.revision)}
                    >
                      View
                    </button>
                    {!current && (
                      <button type="button" onClick={() => void restore(v.revision)}>
                        Restore
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pair && (
        <section className="card" data-testid="history-diff">
          <h2>
            Changes from version {pair[0]} to version {pair[1]}
          </h2>
          {older && newer ? (
            <Changes groups={diffVersions(older, newer)} />
          ) : (
            <p className="muted">{older === null || newer === null ? 'Not stored.' : 'Reading…'}</p>
          )}
        </section>
      )}
      {viewing !== null && (
        <section className="card" data-testid="history-view">
          <div className="page-head">
            <h2>Version {viewing} (read-only)</h2>
            <span className="row">
              {viewing !== stored.revision && (
                <button type="button" onClick={() => void restore(viewing)}>
                  Restore this version
                </button>
              )}
              <button type="button" onClick={() => setViewing(null)}>
                Close
              </button>
            </span>
          </div>
          {viewed ? <VersionSummary d={viewed} /> : <p className="muted">Reading…</p>}
        </section>
      )}
    </div>
  );
}

function Changes({ groups }: { groups: ChangeGroup[] }) {
  if (!groups.length) return <p className="muted">The two versions are the same.</p>;
  return (
    <>
      {groups.map((g) => (
        <div key={g.title} className="diff-group">
          <h3>{g.title}</h3>
          {g.changes.map((c, i) => (
            <div key={i} className={`diff-change ${c.kind}`} data-testid="diff-change">
              <div className="diff-label">
                {c.label}
                {c.kind !== 'changed' && <span className="muted"> ({c.kind})</span>}
              </div>
              {c.kind !== 'added' && (
                <pre className="diff-before" data-testid="diff-before">
                  <span aria-hidden>− </span>
                  {c.before}
                </pre>
              )}
              {c.kind !== 'removed' && (
                <pre className="diff-after" data-testid="diff-after">
                  <span aria-hidden>+ </span>
                  {c.after}
                </pre>
              )}
            </div>
          ))}
        </div>
      ))}
    </>
  );
}

/** A version as text: title, its panels with their queries, and the whole JSON. */
function VersionSummary({ d }: { d: Dashboard }) {
  return (
    <>
      <p>
        <strong data-testid="history-view-title">{d.title}</strong>{' '}
        <span className="muted">
          {d.panels.length} panel{d.panels.length === 1 ? '' : 's'}
        </span>
      </p>
      <ul className="version-panels">
        {d.panels.map((p) => (
          <li key={p.id}>
            {p.title || <span className="muted">untitled</span>}{' '}
            <span className="muted">({p.type})</span>
            {p.targets.map((t) => (
              <div key={t.refId} className="mono">
                {t.refId}: {t.expr}
              </div>
            ))}
          </li>
        ))}
      </ul>
      <details>
        <summary>JSON</summary>
        <pre className="version-json">{dashboardJson(d)}</pre>
      </details>
    </>
  );
}
