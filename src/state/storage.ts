import { createJSONStorage, type StateStorage } from 'zustand/middleware';
import { create } from 'zustand';

/** The last failure to write browser storage (quota, private mode), shown as a banner. */
export const useStorageError = create<{ error: string | null; clear(): void }>((set) => ({
  error: null,
  clear: () => set({ error: null }),
}));

const guarded: StateStorage = {
  getItem: (name) => {
    try {
      return localStorage.getItem(name);
    } catch {
      return null;
    }
  },
  setItem: (name, value) => {
    try {
      localStorage.setItem(name, value);
      if (useStorageError.getState().error) useStorageError.setState({ error: null });
    } catch (e) {
      // NOTE: the in-memory state stays as it is, so nothing is lost while the tab is open.
      const why = e instanceof Error ? e.message : String(e);
      useStorageError.setState({
        error: `Could not save to this browser's storage (${why}). Your changes are kept in this tab only: export them as JSON before closing it.`,
      });
    }
  },
  removeItem: (name) => {
    try {
      localStorage.removeItem(name);
    } catch {
      // ignore
    }
  },
};

/** localStorage behind a guard that reports failures instead of throwing. */
export const browserStorage = createJSONStorage(() => guarded);

/** A short random id for uids (letters and digits, URL-safe). */
export function newUid(length = 9): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}
