import { useSyncExternalStore } from 'react';

/** The parsed hash route: `#/d/abc?from=now-6h` → path "/d/abc", params. */
export interface Route {
  path: string;
  params: URLSearchParams;
  /** the raw hash, for effects keyed on the whole route */
  hash: string;
  /** when this route was entered (ms): the "now" a newly linked relative range resolves against */
  atMs: number;
}

function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  return { path: path.startsWith('/') ? path : '/' + path, params, hash, atMs: Date.now() };
}

let cached: Route = parseHash(typeof location === 'undefined' ? '' : location.hash);

/** Asked before the route moves to `nextHash`; false keeps the current route (see useLeaveGuard). */
export type LeaveGuard = (nextHash: string, currentHash: string) => boolean;

const subscribers = new Set<() => void>();
const guards = new Set<LeaveGuard>();

/** Registers a guard; returns its removal. */
export function addLeaveGuard(guard: LeaveGuard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

// One listener for the whole app, installed before any page: guards decide before anything
// re-renders (a page's own listener could be gone by then, its page unmounted by the router).
if (typeof window !== 'undefined')
  window.addEventListener('hashchange', () => {
    const next = location.hash;
    if (next === cached.hash) return;
    for (const guard of [...guards])
      if (!guard(next, cached.hash)) {
        history.replaceState(history.state, '', cached.hash || '#/');
        return;
      }
    cached = parseHash(next);
    for (const cb of [...subscribers]) cb();
  });

function subscribe(cb: () => void) {
  subscribers.add(cb);
  return () => subscribers.delete(cb);
}

/** The current route; re-renders on hash changes. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => cached);
}

export function currentRoute(): Route {
  return cached;
}

/** `/d/x` + params → `#/d/x?…` */
export function href(path: string, params?: URLSearchParams | Record<string, string>): string {
  const p = params instanceof URLSearchParams ? params : new URLSearchParams(params);
  const qs = p.toString();
  return '#' + path + (qs ? '?' + qs : '');
}

/** Goes to a route. `replace` keeps the history entry (for state like the time range). */
export function navigate(
  path: string,
  params?: URLSearchParams | Record<string, string>,
  replace = false,
) {
  const target = href(path, params);
  if (target === location.hash) return;
  if (replace) {
    history.replaceState(history.state, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target;
  }
}

/** Sets or deletes search params of the current route (null deletes; arrays repeat the key). */
export function updateParams(update: Record<string, string | string[] | null>, replace = false) {
  const { path, params } = currentRoute();
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(update)) {
    next.delete(k);
    if (v === null) continue;
    for (const one of Array.isArray(v) ? v : [v]) next.append(k, one);
  }
  navigate(path, next, replace);
}
