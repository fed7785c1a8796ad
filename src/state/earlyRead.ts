// The start-up read of IndexedDB, begun by the entry script (src/boot.ts) while the app's code is
// still downloading and compiling: opening the database and reading every record takes tens of
// ms (more for a new profile, whose stores are created), which the first render need not wait
// for. Kept light (no zustand, no React, no zod) so that it can live in the entry chunk.

import { onChange } from './channel';
import { loadAll, type Loaded } from './db';

let early: { read: Promise<Loaded>; changed: boolean; stop: () => void } | null = null;

/** Starts reading the stores; another tab's commit seen meanwhile makes the read start over. */
export function startEarlyRead(): void {
  if (early) return;
  const e = { changed: false, stop: () => {}, read: loadAll() };
  // keep the rejection for whoever takes it, without an unhandled-rejection report meanwhile
  e.read.catch(() => {});
  e.stop = onChange(() => (e.changed = true));
  early = e;
}

/**
 * The read started by `startEarlyRead` (once; null if none was started). If another tab
 * committed something while it ran, what it returns is read again, so nothing committed before
 * the caller started following the other tabs is missed.
 */
export function takeEarlyRead(): Promise<Loaded> | null {
  const e = early;
  if (!e) return null;
  early = null;
  return e.read.then(
    (r) => {
      e.stop();
      return e.changed ? loadAll() : r;
    },
    (err: unknown) => {
      e.stop();
      throw err;
    },
  );
}

/** The read in flight, without taking it (the start-up planner looks at what is stored). */
export function peekEarlyRead(): Promise<Loaded> | null {
  return early?.read ?? null;
}
