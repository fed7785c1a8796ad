import { DATASET } from '../fixture/env';

/** The absolute window of the backfilled fixture data (ms). */
export function fixtureWindow(): { fromMs: number; toMs: number } {
  return { fromMs: DATASET.startMs, toMs: DATASET.endMs };
}
