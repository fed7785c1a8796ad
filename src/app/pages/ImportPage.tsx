import { useEffect, useRef, useState } from 'react';
import { BACKGROUND_BYTES, progressText, type CheckRequest } from '../../import/checkText';
import { formatBytes } from '../../model/limits';
import { panelCount, panelCountText } from '../../model/rows';
import { useDashboards } from '../../state/dashboards';
import { allDatasources, useDatasources } from '../../state/datasources';
import { newUid } from '../../state/storage';
import { navigate, useRoute } from '../router';
import { openSnapshot } from '../../snapshot/viewer/opened';
import { useImportCheck } from './importCheck';

/** Big input kept out of the paste box: a file, or pasted text. */
type Aside = { source: string; size: number } & ({ file: Blob } | { text: string });

const asideRequest = (a: Aside): CheckRequest =>
  'file' in a
    ? { file: a.file, source: a.source, opts: importOptions() }
    : { text: a.text, source: a.source, opts: importOptions() };

/** Grafana datasource references resolve against this browser's datasource names. */
const importOptions = () => ({
  datasourceNames: allDatasources(useDatasources.getState()).map((d) => d.name),
});

export default function ImportPage() {
  const route = useRoute();
  const url = route.params.get('url');
  const { saved, provisioned, save } = useDashboards();
  // The paste box is not controlled: a 20 MB paste stays in the DOM only, React does not copy
  // it on every keystroke, and nothing is checked until the user asks (Check).
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [edited, setEdited] = useState(false);
  // A file or paste over BACKGROUND_BYTES is kept aside, never put into the box: a browser
  // textarea holding 20 MB takes seconds per keystroke.
  const [aside, setAside] = useState<Aside | null>(null);
  const { checked, setChecked, progress, start, reset } = useImportCheck();
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    (async () => {
      try {
        const abs = new URL(url, document.baseURI).toString();
        const res = await fetch(abs);
        if (cancelled) return;
        if (res.ok) start({ file: await res.blob(), source: abs, opts: importOptions() });
        else
          setChecked({
            ok: false,
            errors: [`HTTP ${res.status} ${res.statusText} while fetching ${abs}`],
            source: url,
          });
      } catch (e) {
        if (!cancelled)
          setChecked({
            ok: false,
            errors: [`Could not fetch ${url}: ${e instanceof Error ? e.message : String(e)}`],
            source: url,
          });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [url, start, setChecked]);

  const loading = !!url && checked === null && !progress;
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
    // the import link's view parameters (from, to, tz, var-…, theme) carry over to the dashboard
    if (r.status === 'saved')
      navigate(`/d/${d.uid}`, new URLSearchParams([...route.params].filter(([k]) => k !== 'url')));
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
            {aside && (
              <span
                className="mono"
                style={{ display: 'block', margin: '6px 0' }}
                data-testid="import-big-input"
              >
                {aside.source} ({formatBytes(aside.size)}): too big to show here; it is checked as
                it is
              </span>
            )}
            <textarea
              ref={textRef}
              hidden={!!aside}
              className="mono"
              data-testid="import-text"
              rows={14}
              spellCheck={false}
              defaultValue=""
              onPaste={(e) => {
                const pasted = e.clipboardData.getData('text/plain');
                if (pasted.length <= BACKGROUND_BYTES) return;
                e.preventDefault();
                const a: Aside = { source: 'pasted text', size: pasted.length, text: pasted };
                setAside(a);
                setEdited(false);
                start(asideRequest(a));
              }}
              onInput={() => {
                // once per edit after a check, not per keystroke
                if (!edited) setEdited(true);
                if (checked || progress) reset();
              }}
              placeholder='{ "scry": 1, "uid": "…", "title": "…", "panels": [] }'
            />
          </label>
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setEdited(false);
                start(
                  aside
                    ? asideRequest(aside)
                    : {
                        text: textRef.current?.value ?? '',
                        source: 'pasted text',
                        opts: importOptions(),
                      },
                );
              }}
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
                  e.target.value = '';
                  if (!file) return;
                  setEdited(false);
                  if (file.size > BACKGROUND_BYTES) {
                    // read and checked in the worker
                    const a: Aside = { source: file.name, size: file.size, file };
                    setAside(a);
                    start(asideRequest(a));
                    return;
                  }
                  const content = await file.text();
                  setAside(null);
                  if (textRef.current) textRef.current.value = content;
                  start({ text: content, source: file.name, opts: importOptions() });
                }}
              />
            </label>
            {aside && (
              <button
                type="button"
                onClick={() => {
                  setAside(null);
                  reset();
                  if (textRef.current) textRef.current.value = '';
                }}
              >
                Clear
              </button>
            )}
            {edited && !checked && !progress && (
              <span className="muted" data-testid="import-unchecked">
                Not checked yet: press Check
              </span>
            )}
          </div>
        </div>
      )}
      {progress && (
        <p className="muted" role="status" data-testid="import-progress">
          {progressText(progress.source, progress.p)}
          {progress.p.stage === 'reading' && (
            <progress max={progress.p.total} value={progress.p.done} />
          )}
        </p>
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
            <strong>{checked.dashboard.title}</strong> —{' '}
            {panelCountText(panelCount(checked.dashboard.panels))}, uid{' '}
            <code>{checked.dashboard.uid}</code>
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
