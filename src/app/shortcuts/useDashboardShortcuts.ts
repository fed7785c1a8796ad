import { msRangeToUrl } from '../../time/range';
import { currentRoute, updateParams } from '../router';
import { focusedPanelId, shiftRange, type MsRangeLike } from './actions';
import { useShortcuts } from './useShortcuts';

export interface DashboardShortcutActions {
  range: MsRangeLike;
  zoomOut(): void;
  refresh(): void;
  /** Ctrl/Cmd+S: only when there is something to save */
  save: (() => void) | undefined;
  toggleSettings(): void;
  /** closes the settings drawer; false when it was not open */
  closeSettings(): boolean;
  editPanel(id: number): void;
  duplicatePanel(id: number): void;
  removePanel(id: number): void;
}

function shift(range: MsRangeLike, dir: -1 | 1) {
  updateParams({ ...msRangeToUrl(shiftRange(range, dir, Date.now())) });
}

/** Whether a dialog (panel editor, inspector; not the settings drawer) has the screen: its keys win. */
const dialogOpen = () =>
  !!document.querySelector('[role="dialog"]:not([data-testid="dashboard-settings"])');

/** The dashboard page's shortcuts (see keys.ts for the keys), wired to its actions. */
export function useDashboardShortcuts(a: DashboardShortcutActions): void {
  const onPanel = (fn: (id: number) => void) => () => {
    if (dialogOpen()) return false;
    const id = focusedPanelId(document);
    if (id === null) return false;
    fn(id);
  };
  const unlessDialog = (fn: () => void) => () => {
    if (dialogOpen()) return false;
    fn();
  };
  useShortcuts({
    zoomOut: unlessDialog(a.zoomOut),
    shiftBack: unlessDialog(() => shift(a.range, -1)),
    shiftForward: unlessDialog(() => shift(a.range, 1)),
    refresh: unlessDialog(a.refresh),
    kiosk: unlessDialog(() =>
      updateParams({ kiosk: currentRoute().params.has('kiosk') ? null : '1' }),
    ),
    settings: unlessDialog(a.toggleSettings),
    save: () => {
      // the browser's "save page" is never what is meant on a dashboard
      if (a.save) a.save();
    },
    editPanel: onPanel(a.editPanel),
    viewPanel: () => {
      if (dialogOpen()) return false;
      if (currentRoute().params.has('viewPanel')) return updateParams({ viewPanel: null });
      const id = focusedPanelId(document);
      if (id === null) return false;
      updateParams({ viewPanel: String(id) });
    },
    duplicatePanel: onPanel(a.duplicatePanel),
    removePanel: onPanel(a.removePanel),
    escape: () => {
      if (dialogOpen()) return false;
      if (currentRoute().params.has('kiosk')) return updateParams({ kiosk: null });
      // panel view closes itself on Escape (PanelView)
      if (currentRoute().params.has('viewPanel')) return false;
      return a.closeSettings();
    },
  });
}
