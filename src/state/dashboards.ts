import { create } from 'zustand';
import type { Dashboard } from '../model/dashboard';
import { announce } from './channel';
import {
  deleteDashboard,
  readDashboard,
  saveDashboard,
  writeHistoryLimits,
  type SaveResult,
} from './db';
import {
  DEFAULT_HISTORY,
  recordDashboard,
  type DashboardRecord,
  type HistoryLimits,
} from './records';
import { newUid } from './storage';

export type { SaveResult } from './db';

export interface SavedDashboard {
  dashboard: Dashboard;
  /** epoch ms of the last save */
  savedAt: number;
  /** the stored record's revision (1 = first save); 0 for provisioned ones */
  revision: number;
  /** from config.json: read-only, "Save as" copies it */
  provisioned?: boolean;
  /** where a provisioned dashboard came from */
  source?: string;
}

/** Where the store reads and writes (IndexedDB; tests give an in-memory one). */
export interface DashboardBackend {
  save: typeof saveDashboard;
  remove: typeof deleteDashboard;
  read: typeof readDashboard;
}

let backend: DashboardBackend = {
  save: saveDashboard,
  remove: deleteDashboard,
  read: readDashboard,
};

/** Replaces the storage behind the store (unit tests). */
export function setDashboardBackend(b: DashboardBackend) {
  backend = b;
}

export interface SaveOptions {
  /** the revision the edit started from (default: the one this tab knows; 0 = must be new) */
  expected?: number;
  /** optional note kept in the history */
  message?: string;
}

interface DashboardState {
  /** the user's dashboards as last committed (this tab's view of IndexedDB) */
  saved: Record<string, SavedDashboard>;
  provisioned: Record<string, SavedDashboard>;
  /** "New dashboard"s not saved yet: they exist in this tab only until their first save */
  drafts: Record<string, Dashboard>;
  history: HistoryLimits;
  load(records: DashboardRecord[], history?: HistoryLimits): void;
  /**
   * Saves (compare-and-set on the revision) and resolves after the commit; the in-memory view
   * changes only then. Other tabs are told.
   */
  save(d: Dashboard, opts?: SaveOptions): Promise<SaveResult>;
  remove(uid: string): Promise<void>;
  rename(uid: string, title: string): Promise<SaveResult | undefined>;
  /** Copies a saved or provisioned dashboard under a new uid (and saves the copy). */
  duplicate(uid: string, title?: string): Promise<SaveResult | undefined>;
  setProvisioned(list: Omit<SavedDashboard, 'revision'>[]): void;
  /** Adds an unsaved new dashboard (see `drafts`). */
  addDraft(d: Dashboard): void;
  dropDraft(uid: string): void;
  /** Re-reads one dashboard from storage (another tab changed it). */
  refresh(uid: string): Promise<void>;
  setHistory(limits: HistoryLimits): void;
}

const fromRecord = (r: DashboardRecord): SavedDashboard => ({
  dashboard: recordDashboard(r),
  savedAt: r.savedAt,
  revision: r.revision,
});

export const useDashboards = create<DashboardState>()((set, get) => ({
  saved: {},
  provisioned: {},
  drafts: {},
  history: DEFAULT_HISTORY,
  load: (records, history) =>
    set({
      saved: Object.fromEntries(records.map((r) => [r.uid, fromRecord(r)])),
      ...(history ? { history } : {}),
    }),
  save: async (d, opts = {}) => {
    const expected = opts.expected ?? get().saved[d.uid]?.revision ?? 0;
    const r = await backend.save(d, expected, opts.message ?? '', get().history);
    if (r.status === 'saved') {
      set((s) => {
        const { [d.uid]: _draft, ...drafts } = s.drafts;
        return {
          saved: {
            ...s.saved,
            [d.uid]: {
              dashboard: r.dashboard,
              savedAt: r.record.savedAt,
              revision: r.record.revision,
            },
          },
          drafts,
        };
      });
      announce({ kind: 'dashboard', uid: d.uid, revision: r.record.revision });
    } else if (r.status === 'conflict') {
      // this tab was behind: take in what is stored now
      void get().refresh(d.uid);
    }
    return r;
  },
  remove: async (uid) => {
    await backend.remove(uid);
    set((s) => {
      const { [uid]: _gone, ...rest } = s.saved;
      return { saved: rest };
    });
    announce({ kind: 'dashboard-deleted', uid });
  },
  rename: async (uid, title) => {
    const cur = get().saved[uid];
    if (!cur || !title.trim()) return undefined;
    return get().save({ ...cur.dashboard, title: title.trim() }, { expected: cur.revision });
  },
  duplicate: async (uid, title) => {
    const src = get().saved[uid] ?? get().provisioned[uid];
    if (!src) return undefined;
    const copy: Dashboard = {
      ...structuredClone(src.dashboard),
      uid: newUid(),
      title: title ?? `${src.dashboard.title} (copy)`,
      version: 0,
    };
    return get().save(copy, { expected: 0 });
  },
  setProvisioned: (list) =>
    set({
      provisioned: Object.fromEntries(
        list.map((p) => [p.dashboard.uid, { ...p, revision: 0, provisioned: true }]),
      ),
    }),
  addDraft: (d) => set((s) => ({ drafts: { ...s.drafts, [d.uid]: d } })),
  dropDraft: (uid) =>
    set((s) => {
      if (!s.drafts[uid]) return s;
      const { [uid]: _gone, ...drafts } = s.drafts;
      return { drafts };
    }),
  refresh: async (uid) => {
    const r = await backend.read(uid);
    set((s) => {
      const cur = s.saved[uid];
      if (!r) {
        if (!cur) return s;
        const { [uid]: _gone, ...rest } = s.saved;
        return { saved: rest };
      }
      if (cur?.revision === r.revision) return s;
      return { saved: { ...s.saved, [uid]: fromRecord(r) } };
    });
  },
  setHistory: (history) => set({ history }),
}));

/** A dashboard by uid: the user's own copy wins over a provisioned one. */
export function findDashboard(
  s: Pick<DashboardState, 'saved' | 'provisioned'>,
  uid: string,
): SavedDashboard | undefined {
  return s.saved[uid] ?? s.provisioned[uid];
}

/** Stores new history limits: every later save (in any tab) prunes to them. */
export async function changeHistoryLimits(limits: HistoryLimits): Promise<void> {
  await writeHistoryLimits(limits);
  useDashboards.getState().setHistory(limits);
}
