// /api/v1/alerts as the API writes it → AlertFrame (model/alertFrame.ts), the shape panels see.
// Pure.

import type { AlertFrame } from '../model/alertFrame';
import { parseSampleValue } from './frames';
import type { AlertsResult } from './types';

/** The alerts answer → an AlertFrame: active times parsed, missing labels/annotations empty. */
export function alertsToFrame(result: AlertsResult): AlertFrame {
  return {
    alerts: (result.alerts ?? []).map((a) => {
      const t = a.activeAt ? Date.parse(a.activeAt) : NaN;
      return {
        labels: a.labels ?? {},
        annotations: a.annotations ?? {},
        state: a.state,
        // Prometheus reports never-active alerts as 0001-01-01
        activeAtMs: Number.isFinite(t) && t > 0 ? t : undefined,
        value: parseSampleValue(a.value),
      };
    }),
  };
}
