import { useCallback, useEffect, useState } from 'react';
import type { Dashboard } from '../../model/dashboard';
import { findDashboard, useDashboards, type SavedDashboard } from '../../state/dashboards';
import { newUid } from '../../state/storage';
import { askPersistence } from '../../state/start';
import { sameExceptFolds } from '../../model/rows';
import { navigate, updateParams, useRoute } from '../router';
import { useLeaveGuard } from '../useLeaveGuard';

/** Another tab committed this dashboard (or deleted it) after this tab's edits began. */
export type Conflict = { kind: 'changed'; theirs: SavedDashboard } | { kind: 'deleted' };

export interface SaveFlow {
  /** what the page shows: the edits, else the stored (or new, unsaved) dashboard */
  draft: Dashboard | undefined;
  stored: SavedDashboard | undefined;
  /** a "New dashboard" that exists only in this tab until it is saved */
  isNew: boolean;
  /** edits that count as unsaved (folding rows alone does not: it is saved with the next Save) */
  dirty: boolean;
  /** anything to save, fold changes included */
  pending: boolean;
  readOnly: boolean;
  saving: boolean;
  /** why the last save failed (the edits are kept) */
  error: string | null;
  conflict: Conflict | null;
  /** "Saved" and similar, for a moment */
  flash: string | null;
  setFlash(text: string | null): void;
  change(fn: (d: Dashboard) => Dashboard): void;
  /** resolves true once committed */
  save(message?: string): Promise<boolean>;
  discard(): void;
  reloadTheirs(): void;
  overwriteWithMine(): Promise<void>;
  saveMineAsCopy(): Promise<void>;
  dismissError(): void;
}

/**
 * The dashboard page's working copy and its save: edits remember the revision they started
 * from, a save is a compare-and-set against it, "Saved" shows only after the commit, and a
 * failed save keeps the edits and says why. Another tab's commit refreshes an unedited page and
 * turns an edited one into a conflict (see SaveBanner).
 */
export function useSaveFlow(uid: string): SaveFlow {
  const stored = useDashboards((s) => findDashboard(s, uid));
  const saveStored = useDashboards((s) => s.save);
  // A new dashboard lives in the page from the start (the store's draft is dropped on leaving).
  const [newDraft] = useState(() => useDashboards.getState().drafts[uid]);
  const [edit, setEdit] = useState<{ dashboard: Dashboard; from: number } | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [flash, setFlashState] = useState<string | null>(null);
  // a page to open once this render's leave guard is gone (after "save as a copy")
  const [goTo, setGoTo] = useState<string | null>(null);
  useEffect(() => {
    if (goTo) navigate(goTo);
  }, [goTo]);

  const editParam = useRoute().params.has('edit');
  const isNew = !stored && !!newDraft;
  const base = stored?.dashboard ?? newDraft;
  const draft = edit?.dashboard ?? base;
  // Folding rows is a view choice (Grafana saves it, but never calls it an unsaved change): it is
  // kept in the working copy and saved with the next Save, without "unsaved" or a leave prompt.
  const dirty =
    isNew || (edit !== null && !(stored && sameExceptFolds(edit.dashboard, stored.dashboard)));
  const readOnly = !!stored?.provisioned;

  let conflict: Conflict | null = null;
  if (edit && !readOnly && edit.from > 0) {
    if (!stored) conflict = { kind: 'deleted' };
    else if (stored.revision !== edit.from) conflict = { kind: 'changed', theirs: stored };
  }

  useEffect(() => () => useDashboards.getState().dropDraft(uid), [uid]);

  useLeaveGuard(
    dirty,
    isNew
      ? 'This new dashboard has not been saved. Leave and discard it?'
      : 'This dashboard has unsaved changes. Leave without saving?',
  );

  const setFlash = useCallback((text: string | null) => {
    setFlashState(text);
    if (text) setTimeout(() => setFlashState((cur) => (cur === text ? null : cur)), 1500);
  }, []);

  const revision = stored?.revision ?? 0;
  const change = useCallback(
    (fn: (d: Dashboard) => Dashboard) =>
      setEdit((cur) => {
        const from = cur?.dashboard ?? base;
        if (!from) return cur;
        const next = fn(from);
        return next === from ? cur : { dashboard: next, from: cur?.from ?? revision };
      }),
    [base, revision],
  );

  const run = async (
    d: Dashboard,
    expected: number,
    message = '',
    after?: () => void,
  ): Promise<boolean> => {
    setSaving(true);
    try {
      const r = await saveStored(d, { expected, message });
      if (r.status === 'saved') {
        setEdit(null);
        setError(null);
        setFlash('Saved');
        // a reload after saving opens the dashboard, not its editor (a new one comes with edit=1)
        if (editParam) updateParams({ edit: null }, true);
        void askPersistence();
        after?.();
        return true;
      }
      if (r.status === 'error') setError(r.error);
      // a conflict shows itself: the store re-read the record, so `stored` moved on
      else if (r.status === 'conflict' && !edit) setEdit({ dashboard: d, from: expected });
      return false;
    } finally {
      setSaving(false);
    }
  };

  const save = async (message = '') => {
    if (!draft || saving) return false;
    if (readOnly) {
      const copy = { ...draft, uid: newUid(), title: `${draft.title} (copy)`, version: 0 };
      return run(copy, 0, message, () => setGoTo(`/d/${copy.uid}`));
    }
    if (conflict) return false; // the banner decides
    return run(draft, edit?.from ?? revision, message);
  };

  return {
    draft,
    stored,
    isNew,
    dirty,
    pending: edit !== null,
    readOnly,
    saving,
    error,
    conflict,
    flash,
    setFlash,
    change,
    save,
    discard: () => setEdit(null),
    reloadTheirs: () => {
      setEdit(null);
      setError(null);
    },
    overwriteWithMine: async () => {
      if (!draft) return;
      await run(draft, stored?.revision ?? 0, 'Overwrote a change made in another tab');
    },
    saveMineAsCopy: async () => {
      if (!draft) return;
      const copy = { ...draft, uid: newUid(), title: `${draft.title} (copy)`, version: 0 };
      await run(copy, 0, '', () => setGoTo(`/d/${copy.uid}`));
    },
    dismissError: () => setError(null),
  };
}
