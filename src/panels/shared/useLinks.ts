import { useEffect, useState } from 'react';

type LinksModule = typeof import('./links');
let loaded: LinksModule | undefined;

/**
 * The links module (interpolation, checks), loaded on first use: only panels with data links
 * need it, so it stays out of the dashboard view's entry.
 */
export function useLinksModule(enabled: boolean): LinksModule | undefined {
  const [mod, setMod] = useState(loaded);
  useEffect(() => {
    if (!enabled || mod) return;
    let live = true;
    void import('./links').then((m) => {
      loaded = m;
      if (live) setMod(m);
    });
    return () => {
      live = false;
    };
  }, [enabled, mod]);
  return enabled ? mod : undefined;
}
