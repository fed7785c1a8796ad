import { useMemo, useSyncExternalStore } from 'react';
import { PromError } from '../prometheus/errors';
import { MAX_RETRIES, type RetryNotice } from '../prometheus/client';

/**
 * Panel requests in flight that the user can stop: one panel's (its Cancel button) or all of them
 * (the toolbar's "Cancel all"), plus what each is waiting for ("retrying in 3 s"). A plain module
 * store, read with useSyncExternalStore.
 */
interface Entry {
  ctl: AbortController;
  retry: RetryNotice | undefined;
}

const entries = new Map<string, Set<Entry>>();
const listeners = new Set<() => void>();
let version = 0;

function changed() {
  version++;
  for (const l of listeners) l();
}

/** The reason a request stopped by the user carries (shown on the panel). */
export function cancelledByUser(): PromError {
  return new PromError('cancelled', 'Cancelled: you stopped this query before the server answered');
}

/**
 * Runs `fn` with a signal that aborts when `signal` does or when the user cancels `key`, and with
 * a retry callback that is shown on the panel until the request ends.
 */
export async function trackRequest<T>(
  key: string,
  signal: AbortSignal,
  fn: (signal: AbortSignal, onRetry: (r: RetryNotice) => void) => Promise<T>,
): Promise<T> {
  const ctl = new AbortController();
  const entry: Entry = { ctl, retry: undefined };
  const forward = () => ctl.abort(signal.reason);
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  let set = entries.get(key);
  if (!set) entries.set(key, (set = new Set()));
  set.add(entry);
  changed();
  try {
    return await fn(ctl.signal, (r) => {
      entry.retry = r;
      changed();
    });
  } finally {
    signal.removeEventListener('abort', forward);
    set.delete(entry);
    if (!set.size) entries.delete(key);
    changed();
  }
}

/** Stops the requests of these keys (one panel's Cancel). */
export function cancelRequests(keys: readonly string[]): void {
  for (const k of keys) for (const e of entries.get(k) ?? []) e.ctl.abort(cancelledByUser());
}

/** Stops every panel request in flight ("Cancel all"). */
export function cancelAllRequests(): void {
  cancelRequests([...entries.keys()]);
}

/** How many requests are in flight (for the toolbar's "Cancel all"). */
export function inflightCount(): number {
  let n = 0;
  for (const s of entries.values()) n += s.size;
  return n;
}

/** The retry notices of these keys, in words: "HTTP 429: retrying in 3 s (1 of 2)". */
export function retryNotices(keys: readonly string[]): string[] {
  const out: string[] = [];
  for (const k of keys)
    for (const e of entries.get(k) ?? [])
      if (e.retry)
        out.push(
          `Server busy (HTTP ${e.retry.status}): retrying in ${Math.round(e.retry.delayMs / 1000)} s (retry ${e.retry.attempt} of ${MAX_RETRIES})`,
        );
  return out;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Re-renders the caller whenever requests start, end or wait to retry. */
export function useInflightVersion(): number {
  return useSyncExternalStore(
    subscribe,
    () => version,
    () => version,
  );
}

/**
 * The retry notices of these keys (a panel's), re-rendering the caller only when they change:
 * not on every request that starts or ends elsewhere on the dashboard (with ten panels, that
 * re-rendered — and redrew — every panel twenty times during a load).
 */
export function useRetryNotices(keys: readonly string[]): string[] {
  const text = useSyncExternalStore(
    subscribe,
    () => retryNotices(keys).join('\n'),
    () => '',
  );
  return useMemo(() => (text ? text.split('\n') : []), [text]);
}
