import { useCallback, useMemo, useState } from 'react';
import type { Dashboard } from '../../model/dashboard';
import { sameExceptFolds } from '../../model/rows';
import { findDashboard, useDashboards } from '../../state/dashboards';
import DashboardView from '../dashboard/DashboardView';
import PanelEditorHost from '../dashboard/PanelEditorHost';
import { copyDashboard, downloadDashboard } from '../exportFile';
import { href, navigate, useRoute } from '../router';
import { useLeaveGuard } from '../useLeaveGuard';

/**
 * `#/d/<uid>`: the stored dashboard and the page's working copy of it (edits, edit mode, the
 * panel being edited, save). Drawing it is DashboardView's (app/dashboard/).
 */
export default function DashboardPage({ uid }: { uid: string }) {
  const stored = useDashboards((s) => findDashboard(s, uid));
  const save = useDashboards((s) => s.save);
  const duplicate = useDashboards((s) => s.duplicate);
  // Local edits over the stored copy; null = none (the stored copy shows, and follows its updates).
  const [edits, setEdits] = useState<Dashboard | null>(null);
  const draft = edits ?? stored?.dashboard;
  // Folding rows is a view choice (Grafana saves it, but never calls it an unsaved change): it is
  // kept in the working copy and saved with the next Save, without "unsaved" or a leave prompt.
  const dirty = useMemo(
    () => edits !== null && !(stored && sameExceptFolds(edits, stored.dashboard)),
    [edits, stored],
  );
  const route = useRoute();
  const [editing, setEditing] = useState(route.params.get('edit') === '1');
  // A link without `edit=1` opens the view: follow the URL when it changes (not on every render).
  const editParam = route.params.get('edit') === '1';
  const [prevEditParam, setPrevEditParam] = useState(editParam);
  if (editParam !== prevEditParam) {
    setPrevEditParam(editParam);
    setEditing(editParam);
  }
  const [editPanelId, setEditPanelId] = useState<number | null>(null);
  // A panel added with "Add panel" and then discarded in the editor goes away again (Grafana).
  const [newPanelId, setNewPanelId] = useState<number | null>(null);
  const [flash, setFlash] = useState<string | null>(null);

  const base = stored?.dashboard;
  const change = useCallback(
    (fn: (d: Dashboard) => Dashboard) =>
      setEdits((cur) => {
        const from = cur ?? base;
        if (!from) return cur;
        const next = fn(from);
        return next === from ? cur : next;
      }),
    [base],
  );

  useLeaveGuard(dirty, 'This dashboard has unsaved changes. Leave without saving?');

  if (!draft) {
    return (
      <div className="page">
        <h1>Dashboard not found</h1>
        <p>
          No dashboard with uid <code>{uid}</code> in this browser.{' '}
          <a href={href('/')}>See all dashboards</a> or <a href={href('/import')}>import one</a>.
        </p>
      </div>
    );
  }

  const readOnly = !!stored?.provisioned;
  const doSave = () => {
    if (stored?.provisioned) {
      const copy = duplicate(draft.uid, `${draft.title} (copy)`);
      if (copy) {
        setEdits(null);
        navigate(`/d/${copy.uid}`);
      }
      return;
    }
    save(draft);
    setEdits(null);
    setFlash('Saved');
    setTimeout(() => setFlash(null), 1500);
  };

  return (
    <DashboardView
      dashboard={draft}
      dirty={dirty}
      saveable={edits !== null}
      editing={editing}
      readOnly={readOnly}
      flash={flash}
      onEditing={setEditing}
      onChange={change}
      onSave={doSave}
      onDiscard={() => {
        if (confirm('Discard all unsaved changes?')) setEdits(null);
      }}
      onEditPanel={(id, isNew) => {
        setEditPanelId(id);
        setNewPanelId(isNew ? id : null);
      }}
      onExport={() => downloadDashboard(draft)}
      onCopy={async () => {
        setFlash(
          (await copyDashboard(draft)) ? 'JSON copied' : 'Copy refused by the browser; use Export',
        );
        setTimeout(() => setFlash(null), 2000);
      }}
      editor={
        <PanelEditorHost
          dashboard={draft}
          panelId={editPanelId}
          newPanelId={newPanelId}
          onChange={change}
          onClose={() => {
            setEditPanelId(null);
            setNewPanelId(null);
          }}
        />
      }
    />
  );
}
