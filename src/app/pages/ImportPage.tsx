import { useEffect, useState } from 'react';
import type { Dashboard } from '../../model/dashboard';
import { parseJsonText } from '../../model/validate';
import { useDashboards } from '../../state/dashboards';
import { newUid } from '../../state/storage';
import { readAnyDashboard } from '../readDashboard';
import { navigate, useRoute } from '../router';
import {
  checkSnapshotText,
  looksLikeSnapshot,
  type SnapshotCheck,
} from '../../snapshot/importCheck';
import { openSnapshot } from '../../snapshot/viewer/opened';

type Checked =
  | { ok: true; dashboard: Dashboard; notes: string[]; source: string }
  | { ok: false; errors: string[]; source: string }
  | SnapshotCheck;

/** Validates pasted or fetched text; nothing is stored until the user confirms. */
export function checkDashboardText(text: string, source: string): Checked {
  if (looksLikeSnapshot(text)) return checkSnapshotText(text, source);
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
  const { saved, provisioned, save } = useDashboards();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    (async () => {
      let result: Checked;
      try {
        const abs = new URL(url, document.baseURI).toString();
        const res = await fetch(abs);
        result = res.ok
          ? checkDashboardText(await res.text(), abs)
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
  const uid = checked?.ok ? checked.dashboard.uid : undefined;
  const existing = uid ? saved[uid] : undefined;
  const existingProvisioned = uid ? provisioned[uid] : undefined;
  /** `replace`: over the saved one (kept in its history); otherwise new, as a copy if the uid is taken */
  const doImport = async (replace: boolean) => {
    if (!checked?.ok || busy) return;
    const taken = !!existing || !!existingProvisioned;
    const d =
      taken && !replace
        ? { ...checked.dashboard, uid: newUid(), title: `${checked.dashboard.title} (imported)` }
        : checked.dashboard;
    setBusy(true);
    const r = await save(d, {
      expected: replace && existing ? existing.revision : 0,
      message: `Imported from ${checked.source}`,
    });
    setBusy(false);
    if (r.status === 'saved') navigate(`/d/${d.uid}`);
    else
      setSaveError(
        r.status === 'error'
          ? r.error
          : 'Not imported: a dashboard with this uid was saved meanwhile (in another tab); check again',
      );
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
          <p data-testid="import-source">
            From {checked.source === 'pasted text' ? '' : url ? 'URL ' : 'file '}
            <code>{checked.source}</code>
          </p>
          <p>
            <strong>{checked.dashboard.title}</strong> — {checked.dashboard.panels.length} panels,
            uid <code>{checked.dashboard.uid}</code>
          </p>
          {'snapshot' in checked && (
            <button
              type="button"
              className="primary"
              data-testid="import-view-snapshot"
              onClick={() => {
                openSnapshot(checked.snapshot);
                navigate('/snapshot');
              }}
            >
              View snapshot
            </button>
          )}
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
          {existingProvisioned ? (
            <p className="warn" data-testid="import-exists">
              A provisioned dashboard has this uid: “{existingProvisioned.dashboard.title}” (from{' '}
              <code>{existingProvisioned.source}</code>). Provisioned dashboards are never replaced
              by an import; it can be imported as a copy.
            </p>
          ) : existing ? (
            <p className="warn" data-testid="import-exists">
              A saved dashboard has this uid: “{existing.dashboard.title}” (saved{' '}
              {new Date(existing.savedAt).toLocaleString()}).
            </p>
          ) : null}
          {saveError && (
            <p className="error" role="alert" data-testid="import-save-error">
              {saveError}
            </p>
          )}
          <div className="row">
            {existing || existingProvisioned ? (
              <>
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => void doImport(false)}
                >
                  Import as a copy
                </button>
                {existing && !existingProvisioned && (
                  <button
                    type="button"
                    className="danger"
                    disabled={busy}
                    onClick={() => {
                      if (
                        confirm(
                          `Replace “${existing.dashboard.title}” with the imported dashboard? Its current version stays in its history.`,
                        )
                      )
                        void doImport(true);
                    }}
                  >
                    Replace
                  </button>
                )}
              </>
            ) : (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void doImport(false)}
              >
                Import
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
