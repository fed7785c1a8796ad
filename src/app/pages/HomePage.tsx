import { useEffect, useMemo, useRef, useState } from 'react';
import { newDashboard } from '../newDashboard';
import { href, navigate, useRoute } from '../router';
import { copyDashboard, downloadDashboard } from '../exportFile';
import { SORTS, searchDashboards, tagCounts, type ListQuery, type SortKey } from '../dashboardList';
import { useDashboards, type SavedDashboard, type SaveResult } from '../../state/dashboards';
import { storageErrorText } from '../../state/idb';
import { allDatasources, useDatasources } from '../../state/datasources';
import { usePreferences } from '../../state/preferences';
import { panelCount } from '../../model/rows';

export default function HomePage() {
  const { saved, provisioned, remove, rename, duplicate, addDraft } = useDashboards();
  const datasources = allDatasources(useDatasources());
  const prefs = usePreferences();
  const [renaming, setRenaming] = useState<{ uid: string; title: string } | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [query, setQuery] = useState<ListQuery>({
    text: '',
    tags: [],
    starredOnly: false,
    sort: 'title',
  });
  const [selected, setSelected] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const route = useRoute();
  // Ctrl/Cmd+K from another page lands here with `search=1`
  const focusSearch = route.params.has('search');
  useEffect(() => {
    if (focusSearch) searchRef.current?.focus();
  }, [focusSearch]);

  const all: SavedDashboard[] = useMemo(
    () => [
      ...Object.values(saved),
      ...Object.values(provisioned).filter((p) => !saved[p.dashboard.uid]),
    ],
    [saved, provisioned],
  );
  const listPrefs = useMemo(
    () => ({
      starred: new Set(prefs.starred),
      viewedAt: new Map(prefs.recent.map((r) => [r.uid, r.atMs])),
    }),
    [prefs.starred, prefs.recent],
  );
  const hits = useMemo(() => searchDashboards(all, query, listPrefs), [all, query, listPrefs]);
  const tags = useMemo(() => tagCounts(all), [all]);
  const byUid = new Map(all.map((r) => [r.dashboard.uid, r]));
  const recent = prefs.recent.filter((r) => byUid.has(r.uid)).slice(0, 6);
  const searching = query.text.trim() !== '' || query.tags.length > 0 || query.starredOnly;
  const current = Math.min(selected, hits.length - 1);
  const setSearch = (next: Partial<ListQuery>) => {
    setQuery((q) => ({ ...q, ...next }));
    setSelected(0);
  };
  const toggleTag = (tag: string) =>
    setSearch({
      tags: query.tags.includes(tag) ? query.tags.filter((t) => t !== tag) : [...query.tags, tag],
    });

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
      {!searching && recent.length > 0 && (
        <nav className="recent" aria-label="Recently viewed" data-testid="recent-dashboards">
          <span className="muted">Recently viewed:</span>
          {recent.map((r) => (
            <a key={r.uid} href={href(`/d/${r.uid}`)} data-uid={r.uid}>
              {byUid.get(r.uid)!.dashboard.title}
            </a>
          ))}
        </nav>
      )}
      <div className="list-search">
        <input
          ref={searchRef}
          type="search"
          placeholder="Search dashboards by title, tag or panel title (Ctrl+K)"
          aria-label="Search dashboards"
          data-testid="dashboard-search"
          value={query.text}
          onChange={(e) => setSearch({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const step = e.key === 'ArrowDown' ? 1 : -1;
              setSelected(Math.max(0, Math.min(hits.length - 1, current + step)));
            } else if (e.key === 'Enter' && hits[current]) {
              navigate(`/d/${hits[current].entry.dashboard.uid}`);
            } else if (e.key === 'Escape' && query.text) {
              e.preventDefault();
              setSearch({ text: '' });
            }
          }}
        />
        <label className="row">
          <span className="muted">Sort</span>
          <select
            aria-label="Sort dashboards"
            data-testid="dashboard-sort"
            value={query.sort}
            onChange={(e) => setSearch({ sort: e.target.value as SortKey })}
          >
            {SORTS.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="chip"
          aria-pressed={query.starredOnly}
          data-testid="starred-filter"
          onClick={() => setSearch({ starredOnly: !query.starredOnly })}
        >
          ★ Starred
        </button>
      </div>
      {tags.length > 0 && (
        <div className="tag-chips" aria-label="Filter by tag" data-testid="tag-filter">
          {tags.map(({ tag, count }) => (
            <button
              key={tag}
              type="button"
              className="chip"
              aria-pressed={query.tags.includes(tag)}
              data-tag={tag}
              onClick={() => toggleTag(tag)}
            >
              {tag} <span className="muted">{count}</span>
            </button>
          ))}
          {query.tags.length > 0 && (
            <button type="button" className="link" onClick={() => setSearch({ tags: [] })}>
              Clear tags
            </button>
          )}
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
          {hits.map((hit, i) => {
            const r = hit.entry;
            const d = r.dashboard;
            return (
              <tr
                key={d.uid}
                data-testid="dashboard-row"
                data-uid={d.uid}
                aria-selected={searching && i === current ? true : undefined}
                className={searching && i === current ? 'selected' : undefined}
              >
                <td>
                  <button
                    type="button"
                    className="icon star"
                    aria-pressed={hit.starred}
                    aria-label={hit.starred ? 'Unstar' : 'Star'}
                    title={hit.starred ? 'Unstar' : 'Star'}
                    data-testid="star"
                    onClick={() => prefs.toggleStar(d.uid)}
                  >
                    {hit.starred ? '★' : '☆'}
                  </button>{' '}
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
                  {d.tags.map((t) => (
                    <button
                      key={t}
                      type="button"
                      className="chip small"
                      aria-pressed={query.tags.includes(t)}
                      data-testid="row-tag"
                      onClick={() => toggleTag(t)}
                    >
                      {t}
                    </button>
                  ))}
                  {hit.panelMatches.length > 0 && (
                    <div className="muted panel-matches" data-testid="panel-matches">
                      Panels: {hit.panelMatches.join(', ')}
                    </div>
                  )}
                </td>
                <td>{panelCount(d.panels).panels}</td>
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
                          remove(d.uid).then(
                            () => prefs.forget(d.uid),
                            (e: unknown) => setFlash(`Not deleted: ${storageErrorText(e)}`),
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
          {hits.length === 0 && (
            <tr>
              <td colSpan={4} className="muted" data-testid="no-dashboards">
                {all.length === 0
                  ? 'No dashboards yet: create one or import a Scry or Grafana JSON file.'
                  : 'No dashboard matches: try fewer words, or clear the tag and starred filters.'}
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
