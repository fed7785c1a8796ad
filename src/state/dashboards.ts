import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Dashboard } from '../model/dashboard';
import { browserStorage, newUid } from './storage';

export interface SavedDashboard {
  dashboard: Dashboard;
  /** epoch ms of the last save */
  savedAt: number;
  /** from config.json: read-only, "Save as" copies it */
  provisioned?: boolean;
  /** where a provisioned dashboard came from */
  source?: string;
}

interface DashboardState {
  saved: Record<string, SavedDashboard>;
  provisioned: Record<string, SavedDashboard>;
  /** Saves (creating or overwriting by uid); bumps the version. Returns the stored copy. */
  save(d: Dashboard): Dashboard;
  remove(uid: string): void;
  rename(uid: string, title: string): void;
  /** Copies a saved or provisioned dashboard under a new uid. */
  duplicate(uid: string, title?: string): Dashboard | undefined;
  setProvisioned(list: SavedDashboard[]): void;
}

export const useDashboards = create<DashboardState>()(
  persist(
    (set, get) => ({
      saved: {},
      provisioned: {},
      save: (d) => {
        const stored: Dashboard = { ...d, version: d.version + 1 };
        set((s) => ({
          saved: { ...s.saved, [d.uid]: { dashboard: stored, savedAt: Date.now() } },
        }));
        return stored;
      },
      remove: (uid) =>
        set((s) => {
          const { [uid]: _gone, ...rest } = s.saved;
          return { saved: rest };
        }),
      rename: (uid, title) => {
        const cur = get().saved[uid];
        if (!cur || !title.trim()) return;
        get().save({ ...cur.dashboard, title: title.trim() });
      },
      duplicate: (uid, title) => {
        const src = get().saved[uid] ?? get().provisioned[uid];
        if (!src) return undefined;
        const copy: Dashboard = {
          ...structuredClone(src.dashboard),
          uid: newUid(),
          title: title ?? `${src.dashboard.title} (copy)`,
          version: 0,
        };
        return get().save(copy);
      },
      setProvisioned: (list) =>
        set({
          provisioned: Object.fromEntries(
            list.map((p) => [p.dashboard.uid, { ...p, provisioned: true }]),
          ),
        }),
    }),
    {
      name: 'scry.dashboards',
      version: 1,
      storage: browserStorage,
      partialize: (s) => ({ saved: s.saved }),
    },
  ),
);

/** A dashboard by uid: the user's own copy wins over a provisioned one. */
export function findDashboard(
  s: Pick<DashboardState, 'saved' | 'provisioned'>,
  uid: string,
): SavedDashboard | undefined {
  return s.saved[uid] ?? s.provisioned[uid];
}
