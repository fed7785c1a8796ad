import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { parseThemeChoice, PREFERENCES_KEY, type ThemeChoice } from '../theme/theme';

/** How many recently viewed dashboards are remembered. */
export const RECENT_MAX = 20;
/** Explore and the panel editor warn before a query touching more series than this (0 = never). */
export const DEFAULT_SERIES_WARN_ABOVE = 10_000;

interface Preferences {
  /** starred dashboard uids */
  starred: string[];
  /** recently viewed, newest first */
  recent: { uid: string; atMs: number }[];
  /** light, dark or system (follows the browser) */
  theme: ThemeChoice;
  setTheme(theme: ThemeChoice): void;
  /** warn before running a query that touches more series than this (0 = never) */
  seriesWarnAbove: number;
  setSeriesWarnAbove(n: number): void;
  toggleStar(uid: string): void;
  recordView(uid: string, atMs?: number): void;
  /** forgets a dashboard (it was deleted) */
  forget(uid: string): void;
}

// Small per-browser preferences, kept apart from the dashboards themselves: losing them costs
// nothing, so a failed write is ignored rather than reported.
const storage = createJSONStorage(() => ({
  getItem: (name: string) => {
    try {
      return localStorage.getItem(name);
    } catch {
      return null;
    }
  },
  setItem: (name: string, value: string) => {
    try {
      localStorage.setItem(name, value);
    } catch {
      // quota or private mode: the preferences stay in memory for this tab
    }
  },
  removeItem: (name: string) => {
    try {
      localStorage.removeItem(name);
    } catch {
      // ignore
    }
  },
}));

/** Starred and recently viewed dashboards and the theme (`scry.preferences` in localStorage). */
export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      starred: [],
      recent: [],
      theme: 'system',
      setTheme: (theme) => set({ theme }),
      seriesWarnAbove: DEFAULT_SERIES_WARN_ABOVE,
      setSeriesWarnAbove: (n) => set({ seriesWarnAbove: Math.max(0, Math.round(n)) }),
      toggleStar: (uid) =>
        set((s) => ({
          starred: s.starred.includes(uid)
            ? s.starred.filter((u) => u !== uid)
            : [...s.starred, uid],
        })),
      recordView: (uid, atMs = Date.now()) =>
        set((s) => ({
          recent: [{ uid, atMs }, ...s.recent.filter((r) => r.uid !== uid)].slice(0, RECENT_MAX),
        })),
      forget: (uid) =>
        set((s) => ({
          starred: s.starred.filter((u) => u !== uid),
          recent: s.recent.filter((r) => r.uid !== uid),
        })),
    }),
    {
      name: PREFERENCES_KEY,
      version: 1,
      storage,
      partialize: (s) => ({
        starred: s.starred,
        recent: s.recent,
        theme: s.theme,
        seriesWarnAbove: s.seriesWarnAbove,
      }),
      // a stored theme that is not one of the three (hand-edited storage) → system
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<Preferences>;
        const warn = p.seriesWarnAbove;
        return {
          ...current,
          ...p,
          theme: parseThemeChoice(p.theme) ?? 'system',
          seriesWarnAbove:
            typeof warn === 'number' && Number.isFinite(warn) && warn >= 0
              ? warn
              : DEFAULT_SERIES_WARN_ABOVE,
        };
      },
    },
  ),
);
