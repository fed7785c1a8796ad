import { useEffect, useState } from 'react';
import { loadPromQLParser } from '../variables/promql';

/**
 * Loads the PromQL grammar when `needed` (a panel's expression holds a dashboard variable, see
 * `panelNeedsPromQLParser`) and renders again once it is there. `ready` is true when it is not
 * needed (or no longer: once loaded, nothing needs it); a failed download is an error to show.
 */
export function usePromQLParser(needed: boolean): { ready: boolean; error?: string } {
  const [error, setError] = useState<string>();
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (!needed) return;
    let live = true;
    loadPromQLParser().then(
      () => live && setLoaded((n) => n + 1),
      (e: unknown) =>
        live &&
        setError(
          `The PromQL grammar could not be loaded (${e instanceof Error ? e.message : String(e)}); reload the page`,
        ),
    );
    return () => {
      live = false;
    };
  }, [needed]);
  return needed ? { ready: false, ...(error !== undefined && { error }) } : { ready: true };
}
