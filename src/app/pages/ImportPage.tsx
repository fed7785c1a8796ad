import { useEffect, useState } from 'react';
import type { Dashboard } from '../../model/dashboard';
import { parseJsonText } from '../../model/validate';
import { useDashboards } from '../../state/dashboards';
import { newUid } from '../../state/storage';
import { readAnyDashboard } from '../readDashboard';
import { navigate, useRoute } from '../router';

type Checked =
  | { ok: true; dashboard: Dashboard; notes: string[]; source: string }
  | { ok: false; errors: string[]; source: string };

/** Validates pasted or fetched text; nothing is stored until the user confirms. */
export function checkDashboardText(text: string, source: string): Checked {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, errors: json.errors, source };
  const r = readAnyDashboard(json.value);
  return r.ok
    ? { ok: true, dashboard: r.dashboard, notes: r.notes, source }
    : { ok: false, errors: r.errors, source };
}

export default function ImportPage() {
  const route = useRoute();
  const url = route.params.get('url');
  const { saved, save } = useDashboards();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);

  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    (async () => {
      let result: Checked;
      try {
        const abs = new URL(url, document.baseURI).toString();
        const res = await fetch(abs);
        result = res.ok
          ? checkDashboardText(await res.text(), url)
          : {
              ok: false,
              errors: [`HTTP ${res.status} ${res.statusText} while fetching ${abs}`],
              source: url,
            };
      } catch (e) {
        result = {
          ok: false,
          errors: [`Could not fetch ${url}: ${e instanceof Error ? e.message : String(e)}`],
          source: url,
        };
      }
      if (!cancelled) setChecked(result);
    })();
    return () => {
      cancelled = true;
    };
  }, [url]);

  const loading = !!url && checked === null;
  const existing = checked?.ok ? saved[checked.dashboard.uid] : undefined;
  const doImport = (asCopy: boolean) => {
    if (!checked?.ok) return;
    const d = asCopy
      ? { ...checked.dashboard, uid: newUid(), title: `${checked.dashboard.title} (imported)` }
      : checked.dashboard;
    const stored = save({ ...d, version: Math.max(0, d.version - 1) });
    navigate(`/d/${stored.uid}`);
  };

  return (
    <div className="page">
      <h1>Import dashboard</h1>
      <p className="hint">
        Paste or upload a Scry or Grafana dashboard JSON. It is checked before anything is saved.
      </p>
      {!url && (
        <div className="card form">
          <label>
            Dashboard JSON
            <textarea
              className="mono"
              data-testid="import-text"
              rows={14}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setChecked(null);
              }}
              placeholder='{ "scry": 1, "uid": "…", "title": "…", "panels": [] }'
            />
          </label>
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={() => setChecked(checkDashboardText(text, 'pasted text'))}
            >
              Check
            </button>
            <label className="button">
              Upload file…
              <input
                type="file"
                accept="application/json,.json"
                data-testid="import-file"
                hidden
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  const content = await file.text();
                  setText(content);
                  setChecked(checkDashboardText(content, file.name));
                }}
              />
            </label>
          </div>
        </div>
      )}
      {loading && <p className="muted">Fetching {url}…</p>}
      {checked && !checked.ok && (
        <div className="card error" role="alert" data-testid="import-errors">
          <strong>Not imported: {checked.source} is not a valid dashboard.</strong>
          <ul>
            {checked.errors.slice(0, 50).map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
          {checked.errors.length > 50 && <p>…and {checked.errors.length - 50} more.</p>}
          <p className="muted">Nothing was changed.</p>
        </div>
      )}
      {checked?.ok && (
        <div className="card" data-testid="import-preview">
          <p>
            <strong>{checked.dashboard.title}</strong> — {checked.dashboard.panels.length} panels,
            uid <code>{checked.dashboard.uid}</code>
          </p>
          {checked.notes.length > 0 && (
            <details open>
              <summary>{checked.notes.length} conversion notes</summary>
              <ul data-testid="import-notes">
                {checked.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </details>
          )}
          <div className="row">
            {existing ? (
              <>
                <span className="warn">
                  A dashboard with this uid exists: “{existing.dashboard.title}”.
                </span>
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    if (
                      confirm(`Replace “${existing.dashboard.title}” with the imported dashboard?`)
                    )
                      doImport(false);
                  }}
                >
                  Replace it
                </button>
                <button type="button" className="primary" onClick={() => doImport(true)}>
                  Import as a copy
                </button>
              </>
            ) : (
              <button type="button" className="primary" onClick={() => doImport(false)}>
                Import
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
