// What Settings says about this browser's storage for Scry (`navigator.storage.estimate()`).

import { formatBytes } from '../../model/limits';

export interface UsageText {
  used: string;
  available: string;
  /** share of the quota in use, "0.4 %" */
  share: string;
}

/**
 * The estimate as shown: bytes used, bytes still available (quota − usage) and the share in use.
 * Null when the browser gives no figures.
 */
export function describeEstimate(e: { usage?: number; quota?: number }): UsageText | null {
  if (typeof e.usage !== 'number' || typeof e.quota !== 'number' || e.quota <= 0) return null;
  const share = (100 * e.usage) / e.quota;
  return {
    used: formatBytes(e.usage),
    available: formatBytes(Math.max(0, e.quota - e.usage)),
    share: `${share < 0.1 && share > 0 ? '< 0.1' : share.toFixed(1)} %`,
  };
}
