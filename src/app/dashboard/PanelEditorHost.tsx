import { lazy, Suspense } from 'react';
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
