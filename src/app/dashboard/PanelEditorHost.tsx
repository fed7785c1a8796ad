import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { Dashboard, Panel } from '../../model/dashboard';
import ChunkLoading from '../ChunkLoading';
import { removePanel, replacePanel } from './edits';

// The editor (and the query inspector inside it) loads when a panel is first edited.
const PanelEditor = lazy(() => import('../PanelEditor'));
/**
 * The panel editor over the dashboard, for panel `panelId` of the working copy. Apply writes the
 * panel back; Discard of a panel just added with "Add panel" removes it again (Grafana).
 */
export default function PanelEditorHost(props: {
  dashboard: Dashboard;
  panelId: number | null;
  /** the panel "Add panel" created, if that is the one being edited */
  newPanelId: number | null;
  onChange(fn: (d: Dashboard) => Dashboard): void;
  onClose(): void;
}) {
  const { dashboard: d, panelId, newPanelId, onChange, onClose } = props;
  const panel = panelId === null ? undefined : d.panels.find((p) => p.id === panelId);
  if (!panel) return null;
  return (
    <Suspense fallback={<ChunkLoading what="panel editor" />}>
      <PanelEditor
        panel={panel}
        variables={d.variables.map((v) => v.name)}
        onApply={(p: Panel) => {
          onChange((cur) => replacePanel(cur, p));
          onClose();
        }}
        onDiscard={() => {
          if (newPanelId !== null && newPanelId === panelId)
            onChange((cur) => removePanel(cur, newPanelId));
          onClose();
        }}
      />
    </Suspense>
  );
}

/**
 * The page's "which panel is being edited" state and the editor element for it: `onEditPanel`
 * goes to DashboardView, `editor` into its `editor` slot. Shared by the stored and the shared
 * dashboard pages.
 */
export function usePanelEditing(
  dashboard: Dashboard | null | undefined,
  onChange: (fn: (d: Dashboard) => Dashboard) => void,
): { onEditPanel(id: number, isNew: boolean): void; editor: ReactNode } {
  const [panelId, setPanelId] = useState<number | null>(null);
  // A panel added with "Add panel" and then discarded in the editor goes away again (Grafana).
  const [newPanelId, setNewPanelId] = useState<number | null>(null);
  return {
    onEditPanel(id, isNew) {
      setPanelId(id);
      setNewPanelId(isNew ? id : null);
    },
    editor: dashboard && (
      <PanelEditorHost
        dashboard={dashboard}
        panelId={panelId}
        newPanelId={newPanelId}
        onChange={onChange}
        onClose={() => {
          setPanelId(null);
          setNewPanelId(null);
        }}
      />
    ),
  };
}
