import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Dashboard } from '../../model/dashboard';
import { decodeDashboard } from '../../share/payload';
import { useDashboards } from '../../state/dashboards';
import { newUid } from '../../state/storage';
import DashboardView from '../dashboard/DashboardView';
import { sameExceptFolds } from '../../model/rows';
import { usePanelEditing } from '../dashboard/PanelEditorHost';
import { currentRoute, href, navigate } from '../router';
import { useLeaveGuard } from '../useLeaveGuard';
import './share.css';

type Opened =
  | { state: 'loading' }
  | { state: 'error'; errors: string[] }
  | { state: 'ok'; dashboard: Dashboard };

/**
 * `#/s/<payload>`: a dashboard carried by a share link, decoded and validated as an import is.
 * It is shown read-only from the link; nothing is stored in this browser until "Save a copy".
 */
export default function SharedDashboardPage({ payload }: { payload: string }) {
  const [opened, setOpened] = useState<Opened>({ state: 'loading' });
  // the page's working copy: folding rows, or edits, stay here until "Save a copy"
  const [draft, setDraft] = useState<Dashboard | null>(null);
  const [editing, setEditing] = useState(false);
  const changeDraft = (fn: (d: Dashboard) => Dashboard) => setDraft((cur) => (cur ? fn(cur) : cur));
  const panelEditing = usePanelEditing(draft, changeDraft);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const taken = useDashboards((s) =>
    opened.state === 'ok'
      ? !!(s.saved[opened.dashboard.uid] ?? s.provisioned[opened.dashboard.uid])
      : false,
  );

  // edits made here (not folding rows) are asked about before leaving: they live only in this page
  const edited =
    opened.state === 'ok' &&
    draft !== null &&
    draft !== opened.dashboard &&
    !sameExceptFolds(draft, opened.dashboard);
  useLeaveGuard(
    edited && !saving,
    'This shared dashboard has changes that are not saved in this browser. Leave without saving a copy?',
  );

  useEffect(() => {
    let cancelled = false;
    void decodeDashboard(payload).then((r) => {
      if (cancelled) return;
      setOpened(r.ok ? { state: 'ok', dashboard: r.value } : { state: 'error', errors: r.errors });
      if (r.ok) setDraft(r.value);
    });
    return () => {
      cancelled = true;
    };
  }, [payload]);

  if (opened.state === 'loading')
    return <p className="page muted">Opening the shared dashboard…</p>;
  if (opened.state === 'error' || !draft)
    return (
      <div className="page">
        <h1>This link’s dashboard was not opened</h1>
        <div className="card error" role="alert" data-testid="shared-errors">
          <ul>
            {(opened.state === 'error' ? opened.errors : []).slice(0, 50).map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
          <p className="muted">Nothing was stored in this browser.</p>
        </div>
        <p>
          Ask for the dashboard as a file and <a href={href('/import')}>import it</a>, or{' '}
          <a href={href('/')}>see your dashboards</a>.
        </p>
      </div>
    );

  const saveCopy = async () => {
    // the shared uid when it is free here (links to it keep working), else a new one
    const d: Dashboard = taken
      ? { ...draft, uid: newUid(), title: `${draft.title} (shared copy)` }
      : draft;
    // committed at once: the leave question is off before the saved copy is opened
    flushSync(() => setSaving(true));
    const r = await useDashboards
      .getState()
      .save(d, { expected: 0, message: 'Saved from a share link' });
    if (r.status === 'saved') {
      const params = new URLSearchParams(currentRoute().params);
      params.delete('edit');
      navigate(`/d/${d.uid}`, params);
      return;
    }
    setSaving(false);
    setSaveError(
      r.status === 'error'
        ? r.error
        : 'Not saved: a dashboard with this uid was saved meanwhile (in another tab); try again',
    );
  };

  return (
    <DashboardView
      dashboard={draft}
      dirty={false}
      editing={editing}
      readOnly={false}
      flash={null}
      shareOrigin="link"
      banner={
        <div className="banner info shared-banner" role="status" data-testid="shared-banner">
          <span>
            <strong>Shared with you.</strong> This dashboard comes from the link and is not saved in
            this browser{taken ? ' (you have one with the same uid: the copy gets a new one)' : ''}.
          </span>
          {saveError && (
            <span className="error" role="alert" data-testid="save-error">
              {saveError}
            </span>
          )}
        </div>
      }
      saveControls={
        <button
          type="button"
          className="primary"
          disabled={saving}
          onClick={() => void saveCopy()}
          data-testid="save-copy"
        >
          {saving ? 'Saving…' : 'Save a copy'}
        </button>
      }
      onEditing={setEditing}
      onSave={() => undefined}
      onChange={changeDraft}
      onEditPanel={panelEditing.onEditPanel}
      editor={panelEditing.editor}
    />
  );
}
