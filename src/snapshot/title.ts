import type { Snapshot } from './format';

/** The page title of a snapshot file: "Fixture board · snapshot". */
export function bannerTitle(s: Pick<Snapshot, 'dashboard'>): string {
  return `${s.dashboard.title || 'Dashboard'} · snapshot`;
}
