import { useEffect, useState } from 'react';
import { usePreferences } from '../../state/preferences';
import DashboardView from '../dashboard/DashboardView';
import { usePanelEditing } from '../dashboard/PanelEditorHost';
import { href, navigate, useRoute } from '../router';
import { SaveBanner, SaveControls } from '../save/SaveBanner';
import { useSaveFlow } from '../save/useSaveFlow';

/**
 * `#/d/<uid>`: the stored dashboard and the page's working copy of it (edits, edit mode, the
 * panel being edited, save). Drawing it is DashboardView's (app/dashboard/).
 */
export default function DashboardPage({ uid }: { uid: string }) {
  // the working copy, its save (compare-and-set) and conflicts with other tabs: save/useSaveFlow
  const flow = useSaveFlow(uid);
  const { draft, change, flash } = flow;
  const route = useRoute();
  const [editing, setEditing] = useState(route.params.get('edit') === '1');
  // A link without `edit=1` opens the view: follow the URL when it changes (not on every render).
  const editParam = route.params.get('edit') === '1';
  const [prevEditParam, setPrevEditParam] = useState(editParam);
  if (editParam !== prevEditParam) {
    setPrevEditParam(editParam);
    setEditing(editParam);
  }
  const panelEditing = usePanelEditing(draft, change);
  const found = !!flow.stored;
  useEffect(() => {
    if (found) usePreferences.getState().recordView(uid);
  }, [uid, found]);

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

  return (
    <DashboardView
      dashboard={draft}
      dirty={flow.dirty}
      editing={editing}
      readOnly={flow.readOnly}
      flash={flash}
      banner={<SaveBanner flow={flow} />}
      saveControls={
        <SaveControls
          flow={flow}
          onHistory={() => navigate(`/d/${encodeURIComponent(uid)}/history`)}
        />
      }
      onEditing={setEditing}
      onSave={() => void flow.save()}
      onChange={change}
      onEditPanel={panelEditing.onEditPanel}
      editor={panelEditing.editor}
    />
  );
}
