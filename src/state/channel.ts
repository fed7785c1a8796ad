// Tells Scry's other tabs (same origin) what this tab just committed, so they re-read it at once.

export type StoreChange =
  | { kind: 'dashboard'; uid: string; revision: number }
  | { kind: 'dashboard-deleted'; uid: string }
  | { kind: 'datasources' };

const NAME = 'scry.store';

let channel: BroadcastChannel | null | undefined;
const listeners = new Set<(c: StoreChange) => void>();

function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  if (typeof BroadcastChannel === 'undefined') return (channel = null);
  channel = new BroadcastChannel(NAME);
  channel.onmessage = (e: MessageEvent<StoreChange>) => {
    for (const l of [...listeners]) l(e.data);
  };
  return channel;
}

/** Announces a committed change to the other tabs (never to this one). */
export function announce(change: StoreChange): void {
  open()?.postMessage(change);
}

/** Calls `fn` for every change another tab announces; returns the unsubscribe. */
export function onChange(fn: (c: StoreChange) => void): () => void {
  open();
  listeners.add(fn);
  return () => listeners.delete(fn);
}
