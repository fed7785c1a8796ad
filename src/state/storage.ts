import { create } from 'zustand';

/** The last failure to write browser storage (quota, private mode), shown as a banner. */
export const useStorageError = create<{ error: string | null; clear(): void }>((set) => ({
  error: null,
  clear: () => set({ error: null }),
}));

/** Shows `message` in the app's storage banner (nothing is thrown away in memory). */
export function reportStorageError(message: string): void {
  useStorageError.setState({ error: message });
}

/** A short random id for uids (letters and digits, URL-safe). */
export function newUid(length = 9): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}
