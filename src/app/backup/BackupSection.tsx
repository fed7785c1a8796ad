import { useState } from 'react';
import {
  backupFileName,
  buildBackup,
  planRestore,
  plural,
  readBackup,
  summarise,
  type BackupFile,
  type Current,
  type RestorePlan,
} from '../../state/backup';
import { useDashboards } from '../../state/dashboards';
import { useDatasources } from '../../state/datasources';
import { newUid } from '../../state/storage';
import { downloadText } from '../exportFile';

/** What restoring would meet now (read at the moment of use: another tab may have saved). */
function currentState(): Current {
  const d = useDashboards.getState();
  const ds = useDatasources.getState();
  return {
    saved: new Map(Object.entries(d.saved)),
    provisionedDashboards: new Set(Object.keys(d.provisioned)),
    ownDatasources: ds.own,
    provisionedDatasourceNames: new Set(ds.provisioned.map((p) => p.name)),
  };
}

const ACTION_TEXT = {
  add: 'added',
  unchanged: 'unchanged (same as saved)',
  copy: 'added as a copy',
  replace: 'replaces the saved one (kept in its history)',
} as const;

/** Backup of every dashboard and datasource as one file, and restoring such a file. */
export default function BackupSection() {
  const [credentials, setCredentials] = useState(false);
  const [file, setFile] = useState<
    { name: string; backup: BackupFile } | { name: string; errors: string[] } | null
  >(null);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | null>(null);
  // the preview follows what is saved (another tab, or the restore itself)
  useDashboards((s) => s.saved);
  useDatasources((s) => s.own);

  const download = () => {
    const nowMs = Date.now();
    const backup = buildBackup(
      Object.values(useDashboards.getState().saved).map((s) => s.dashboard),
      useDatasources.getState().own,
      { credentials, nowMs },
    );
    downloadText(backupFileName(nowMs), JSON.stringify(backup, null, 2) + '\n');
  };

  const preview: RestorePlan | null =
    file && 'backup' in file
      ? planRestore(file.backup, currentState(), { replace, newUid: () => '' })
      : null;

  const restore = async () => {
    if (!file || !('backup' in file) || busy) return;
    setBusy(true);
    const plan = planRestore(file.backup, currentState(), { replace, newUid });
    const save = useDashboards.getState().save;
    const failed: string[] = [];
    for (const step of plan.dashboards) {
      if (step.action === 'unchanged') continue;
      const r = await save(step.dashboard, {
        expected: step.action === 'replace' ? step.expected : 0,
        message:
          step.action === 'replace'
            ? `Replaced from the backup ${file.name}`
            : `Restored from the backup ${file.name}`,
      });
      if (r.status === 'error') failed.push(`“${step.dashboard.title}”: ${r.error}`);
      else if (r.status === 'conflict')
        failed.push(`“${step.dashboard.title}”: saved in another tab meanwhile; restore again`);
    }
    useDatasources
      .getState()
      .merge(plan.datasources.filter((s) => s.action !== 'unchanged').map((s) => s.datasource));
    setBusy(false);
    setResult({
      ok: failed.length === 0,
      lines: [
        `Dashboards: ${summarise(plan.dashboards)}.`,
        `Datasources: ${summarise(plan.datasources)}.`,
        ...failed.map((f) => `Not restored: ${f}`),
      ],
    });
    setFile(null);
  };

  return (
    <section className="card" aria-labelledby="backup-h" data-testid="backup">
      <h2 id="backup-h">Backup and restore</h2>
      <p className="muted">
        One JSON file with every dashboard you saved and every datasource you added (provisioned
        ones come from <code>config.json</code> and are not in it). Restoring merges by uid, as an
        import does: nothing saved here is overwritten unless you choose to replace.
      </p>
      <div className="form">
        <label className="check">
          <input
            type="checkbox"
            checked={credentials}
            onChange={(e) => setCredentials(e.target.checked)}
            data-testid="backup-credentials"
          />
          Include credentials (Authorization, tenant, custom headers, user:password in URLs)
        </label>
        {credentials && (
          <p className="warn" role="note" data-testid="backup-credentials-warning">
            The file will hold your datasources’ secrets in plain text: anyone who has it can query
            them as you. Keep it somewhere safe, and do not share it.
          </p>
        )}
        <div className="row">
          <button
            type="button"
            className="primary"
            onClick={download}
            data-testid="backup-download"
          >
            Download backup
          </button>
          <label className="button">
            Restore from a backup file…
            <input
              type="file"
              accept="application/json,.json"
              hidden
              data-testid="backup-file"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (!f) return;
                const r = readBackup(await f.text());
                setResult(null);
                setFile(
                  r.ok ? { name: f.name, backup: r.backup } : { name: f.name, errors: r.errors },
                );
              }}
            />
          </label>
        </div>
      </div>
      {file && 'errors' in file && (
        <div className="card error" role="alert" data-testid="backup-errors">
          <strong>Not restored: {file.name} cannot be read.</strong>
          <ul>
            {file.errors.slice(0, 20).map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
          {file.errors.length > 20 && <p>…and {file.errors.length - 20} more.</p>}
          <p className="muted">Nothing was changed.</p>
        </div>
      )}
      {file && 'backup' in file && preview && (
        <div className="card" data-testid="backup-preview">
          <p>
            From file <code>{file.name}</code>
            {file.backup.exportedAt &&
              `, made ${new Date(file.backup.exportedAt).toLocaleString()}`}
            : {plural(file.backup.dashboards.length, 'dashboard')},{' '}
            {plural(file.backup.datasources.length, 'datasource')},{' '}
            {file.backup.credentials ? 'with credentials' : 'without credentials'}.
          </p>
          <fieldset className="restore-mode">
            <legend>
              Dashboards and datasources that differ from the saved ones with their uid
            </legend>
            <label className="check">
              <input type="radio" checked={!replace} onChange={() => setReplace(false)} />
              Keep mine; add the backup’s as copies
            </label>
            <label className="check">
              <input
                type="radio"
                checked={replace}
                onChange={() => setReplace(true)}
                data-testid="backup-replace"
              />
              Replace mine with the backup’s (each replaced dashboard keeps its current version in
              its history; provisioned ones are never replaced)
            </label>
          </fieldset>
          <ul className="restore-plan" data-testid="backup-plan">
            {preview.dashboards.map((s, i) => (
              <li key={`d${i}`}>
                Dashboard “{s.dashboard.title}”: {ACTION_TEXT[s.action]}
                {s.action === 'copy' &&
                  s.reason === 'provisioned' &&
                  ' (a provisioned one has its uid)'}
              </li>
            ))}
            {preview.datasources.map((s, i) => (
              <li key={`s${i}`}>
                Datasource “{s.datasource.name}”: {ACTION_TEXT[s.action]}
              </li>
            ))}
          </ul>
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void restore()}
              data-testid="backup-restore"
            >
              {busy ? 'Restoring…' : 'Restore'}
            </button>
            <button type="button" onClick={() => setFile(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {result && (
        <div
          className={result.ok ? 'flash' : 'card error'}
          role={result.ok ? 'status' : 'alert'}
          data-testid="backup-result"
        >
          {result.lines.map((l, i) => (
            <div key={i}>{l}</div>
          ))}
        </div>
      )}
    </section>
  );
}
