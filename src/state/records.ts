// Pure parts of the store: the record shapes and which history versions to keep. What validates
// (preparing a dashboard for storage, reading the pre-IndexedDB profile) is in ./prepare.ts, which
// loads the validator. No IndexedDB here, so all of it is unit-tested.

import type { Dashboard } from '../model/dashboard';

/** One saved dashboard: `json` is exactly what was validated, `revision` counts its saves. */
export interface DashboardRecord {
  uid: string;
  revision: number;
  /** epoch ms of the commit */
  savedAt: number;
  json: string;
}

/** One entry of a dashboard's history (the newest is the current version). */
export interface VersionRecord {
  uid: string;
  revision: number;
  savedAt: number;
  /** optional note given when saving ('' = none) */
  message: string;
  json: string;
  bytes: number;
}

export type VersionInfo = Omit<VersionRecord, 'json'>;

/** How much history to keep per dashboard. */
export interface HistoryLimits {
  /** versions kept (newest first), at least 1 */
  count: number;
  /** total bytes of one dashboard's versions; the newest is kept whatever its size */
  bytes: number;
}

export const DEFAULT_HISTORY: HistoryLimits = { count: 20, bytes: 5 * 1024 * 1024 };

/** The dashboard stored in a record (it was validated before it was written). */
export const recordDashboard = (r: Pick<DashboardRecord, 'json'>): Dashboard =>
  JSON.parse(r.json) as Dashboard;

/**
 * The revisions to delete so that the kept ones (newest first) are at most `limits.count` and
 * `limits.bytes` in total; the newest is always kept.
 */
export function versionsToPrune(
  versions: readonly Pick<VersionRecord, 'revision' | 'bytes'>[],
  limits: HistoryLimits,
): number[] {
  const newestFirst = [...versions].sort((a, b) => b.revision - a.revision);
  const drop: number[] = [];
  let total = 0;
  newestFirst.forEach((v, i) => {
    total += v.bytes;
    if (i > 0 && (i >= Math.max(1, limits.count) || total > limits.bytes)) drop.push(v.revision);
  });
  return drop;
}

export const LEGACY_DASHBOARDS_KEY = 'scry.dashboards';
export const LEGACY_DATASOURCES_KEY = 'scry.datasources';

/** Limits the Settings page accepts: 1–100 versions, 1–50 MB per dashboard. */
export const HISTORY_BOUNDS = { count: [1, 100], megabytes: [1, 50] } as const;

/** Reads the history limits typed in Settings (versions, megabytes), or says what is wrong. */
export function parseHistoryLimits(
  countText: string,
  megabytesText: string,
): { ok: true; limits: HistoryLimits } | { ok: false; error: string } {
  const count = Number(countText.trim());
  const mb = Number(megabytesText.trim());
  const [cMin, cMax] = HISTORY_BOUNDS.count;
  const [mMin, mMax] = HISTORY_BOUNDS.megabytes;
  if (!countText.trim() || !Number.isInteger(count) || count < cMin || count > cMax)
    return { ok: false, error: `Versions kept: a whole number from ${cMin} to ${cMax}` };
  if (!megabytesText.trim() || !Number.isFinite(mb) || mb < mMin || mb > mMax)
    return { ok: false, error: `Size per dashboard: a number of MB from ${mMin} to ${mMax}` };
  return { ok: true, limits: { count, bytes: Math.round(mb * 1024 * 1024) } };
}
