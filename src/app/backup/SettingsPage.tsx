import { useCallback, useEffect, useState } from 'react';
import { changeHistoryLimits, useDashboards } from '../../state/dashboards';
import { storageErrorText } from '../../state/idb';
import { usePreferences } from '../../state/preferences';
import { parseHistoryLimits } from '../../state/records';
import BackupSection from './BackupSection';
import { describeEstimate, type UsageText } from './storageFacts';
import './settings.css';

interface Facts {
  usage: UsageText | null;
  /** undefined: the browser has no persistence API */
  persisted?: boolean;
}

async function readFacts(): Promise<Facts> {
  const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  const estimate = s?.estimate ? await s.estimate().catch(() => ({})) : {};
  const persisted = s?.persisted ? await s.persisted().catch(() => undefined) : undefined;
  return { usage: describeEstimate(estimate), persisted };
}

/** `#/settings`: storage facts, how much history is kept, backup and restore of everything. */
export default function SettingsPage() {
  return (
    <div className="page settings-page" data-testid="settings-page">
      <div className="page-head">
        <h1>Settings</h1>
      </div>
      <StorageFacts />
      <HistorySettings />
      <QuerySettings />
      <BackupSection />
    </div>
  );
}

function StorageFacts() {
  const [facts, setFacts] = useState<Facts | null>(null);
  const [asked, setAsked] = useState<string | null>(null);
  const refresh = useCallback(() => void readFacts().then(setFacts), []);
  useEffect(refresh, [refresh]);
  const ask = async () => {
    let granted = false;
    try {
      granted = await navigator.storage.persist();
    } catch {
      // treated as refused
    }
    setAsked(
      granted
        ? 'Granted.'
        : 'The browser declined for now (browsers grant it to sites used often, bookmarked or installed); ask again later.',
    );
    refresh();
  };
  return (
    <section className="card" aria-labelledby="storage-h" data-testid="storage-facts">
      <h2 id="storage-h">Storage in this browser</h2>
      <p className="muted">
        Your dashboards, their version history and your datasources are kept in this browser only
        (IndexedDB), not on a server. Back them up below.
      </p>
      {!facts ? (
        <p className="muted">Reading…</p>
      ) : (
        <dl className="facts">
          <dt>Used</dt>
          <dd data-testid="storage-used">
            {facts.usage ? `${facts.usage.used} (${facts.usage.share} of the quota)` : 'unknown'}
          </dd>
          <dt>Available</dt>
          <dd data-testid="storage-available">{facts.usage?.available ?? 'unknown'}</dd>
          <dt>Persistent</dt>
          <dd data-testid="storage-persisted">
            {facts.persisted === undefined
              ? 'not supported by this browser'
              : facts.persisted
                ? 'granted: the browser will not clear Scry’s data to free space'
                : 'not granted: the browser may clear Scry’s data when the disk runs low'}
            {facts.persisted === false && (
              <button type="button" onClick={() => void ask()} data-testid="storage-persist">
                Ask for persistent storage
              </button>
            )}
            {asked && <div className="muted">{asked}</div>}
          </dd>
        </dl>
      )}
    </section>
  );
}

function HistorySettings() {
  const limits = useDashboards((s) => s.history);
  const [count, setCount] = useState(String(limits.count));
  const [mb, setMb] = useState(String(+(limits.bytes / 1024 / 1024).toFixed(2)));
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const apply = async () => {
    const r = parseHistoryLimits(count, mb);
    if (!r.ok) return setNote({ error: true, text: r.error });
    try {
      await changeHistoryLimits(r.limits);
      setNote({
        error: false,
        text: 'Saved: each dashboard’s next save keeps at most this much history.',
      });
    } catch (e) {
      setNote({ error: true, text: `Not saved: ${storageErrorText(e)}` });
    }
  };
  return (
    <section className="card" aria-labelledby="history-h">
      <h2 id="history-h">Version history</h2>
      <form
        className="form"
        aria-label="History limits"
        onSubmit={(e) => {
          e.preventDefault();
          void apply();
        }}
      >
        <div className="row">
          <label>
            Versions kept per dashboard
            <input
              inputMode="numeric"
              value={count}
              onChange={(e) => setCount(e.target.value)}
              data-testid="history-count"
            />
          </label>
          <label>
            At most (MB per dashboard)
            <input
              inputMode="decimal"
              value={mb}
              onChange={(e) => setMb(e.target.value)}
              data-testid="history-megabytes"
            />
          </label>
        </div>
        <div className="row">
          <button type="submit">Save</button>
          {note && (
            <span className={note.error ? 'error' : 'muted'} role={note.error ? 'alert' : 'status'}>
              {note.text}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

/** The series count above which Explore and the panel editor ask before running a query. */
function QuerySettings() {
  const limit = usePreferences((s) => s.seriesWarnAbove);
  const [text, setText] = useState(String(limit));
  const n = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(n) && n >= 0;
  return (
    <section className="card" aria-labelledby="queries-h">
      <h2 id="queries-h">Costly queries</h2>
      <form
        className="form"
        aria-label="Costly queries"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) usePreferences.getState().setSeriesWarnAbove(n);
        }}
      >
        <div className="row">
          <label>
            Ask before running a query that touches more series than
            <input
              inputMode="numeric"
              value={text}
              onChange={(e) => setText(e.target.value)}
              data-testid="series-warn-above"
            />
          </label>
        </div>
        <p className="muted">
          Explore and the panel editor count the series of the query’s selectors first (one cheap
          query at the end of the range). 0 never asks.
        </p>
        <div className="row">
          <button type="submit" disabled={!valid || n === limit}>
            Save
          </button>
          {!valid && (
            <span className="error" role="alert">
              A whole number, 0 or more
            </span>
          )}
          {valid && n === limit && (
            <span className="muted" data-testid="series-warn-saved">
              {limit === 0 ? 'Never asks' : `Asks above ${limit.toLocaleString('en')} series`}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
