import { useEffect, useState } from 'react';
import type { Dashboard } from '../../model/dashboard';
import { encodeDashboard } from '../../share/payload';
import { importedFrom, type ShareTarget } from '../../share/link';
import { useDashboards } from '../../state/dashboards';
import { listVersions } from '../../state/db';

export interface TargetState {
  target: ShareTarget | null;
  /** one sentence: how the recipient gets the dashboard */
  why: string;
}

const CARRIED =
  'The link carries the dashboard itself (it is saved only in this browser): whoever opens it sees it read-only, and nothing is stored in their browser until they click “Save a copy”.';

/**
 * How a link reaches the dashboard: by uid when config.json provisions it (every Scry on this
 * host has it), by its import URL when it was imported from one and not changed since, else
 * carried in the link (`#/s/<payload>`).
 */
export function useShareTarget(d: Dashboard, origin: 'stored' | 'link', dirty: boolean) {
  const saved = useDashboards((s) => s.saved[d.uid]);
  const provisioned = useDashboards((s) => s.provisioned[d.uid]);
  const [state, setState] = useState<TargetState>({ target: null, why: '' });
  const carry = origin === 'link' || dirty || (!saved && !provisioned);
  const savedRevision = saved?.revision;
  const byUid = !carry && !saved && !!provisioned;
  useEffect(() => {
    let cancelled = false;
    const set = (s: TargetState) => !cancelled && setState(s);
    (async () => {
      if (byUid) {
        set({
          target: { kind: 'uid', uid: d.uid },
          why: 'Provisioned by this Scry’s config.json: the link names it by uid, and opens it wherever this Scry is served.',
        });
        return;
      }
      if (!carry && savedRevision !== undefined) {
        const newest = (await listVersions(d.uid).catch(() => []))[0];
        const url =
          newest && newest.revision === savedRevision ? importedFrom(newest.message) : null;
        if (url) {
          set({
            target: { kind: 'import', url },
            why: `Imported from ${url} and not changed since: the link imports it from there.`,
          });
          return;
        }
      }
      set({
        target: { kind: 'payload', payload: await encodeDashboard(d) },
        why: dirty ? `${CARRIED} Your unsaved changes are included.` : CARRIED,
      });
    })();
    return () => {
      cancelled = true;
    };
  }, [d, carry, dirty, savedRevision, byUid]);
  return state;
}
