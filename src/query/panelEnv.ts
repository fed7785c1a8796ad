import { useMemo } from 'react';
import type { Panel } from '../model/dashboard';
import { panelTime } from '../time/panelTime';
import { interpolate } from '../variables/interpolate';
import type { QueryEnv } from './env';

/** A panel's environment: the page's, with the panel's own range when it has one. */
export interface PanelEnv {
  env: QueryEnv;
  /** the header's time text ("Last 1 hour", "timeshift -1d"); '' = none */
  timeInfo: string;
  /** a relative time or time shift that does not parse (the page's range is used) */
  timeError?: string;
}

/**
 * The env a panel queries and draws with: Grafana's "Relative time" and "Time shift" (variables
 * interpolated first) replace the page's range for this panel only (time/panelTime.ts).
 */
export function panelEnv(
  panel: Pick<Panel, 'timeFrom' | 'timeShift' | 'hideTimeOverride'>,
  env: QueryEnv,
): PanelEnv {
  if (!panel.timeFrom?.trim() && !panel.timeShift?.trim()) return { env, timeInfo: '' };
  const t = panelTime(
    {
      timeFrom: panel.timeFrom && interpolate(panel.timeFrom, env.scope),
      timeShift: panel.timeShift && interpolate(panel.timeShift, env.scope),
      hideTimeOverride: panel.hideTimeOverride,
    },
    {
      range: { fromMs: env.fromMs, toMs: env.toMs },
      relative: env.nowMs !== undefined,
      nowMs: env.nowMs ?? env.toMs,
      timeZone: env.timeZone,
    },
  );
  const same = t.range.fromMs === env.fromMs && t.range.toMs === env.toMs;
  return {
    // links then carry the panel's own range, in ms (not the page's `now-6h`)
    env: same ? env : { ...env, fromMs: t.range.fromMs, toMs: t.range.toMs, rawRange: undefined },
    timeInfo: t.info,
    ...(t.error !== undefined ? { timeError: t.error } : {}),
  };
}

/** panelEnv, memoised per panel override and page env. */
export function usePanelEnv(panel: Panel, env: QueryEnv): PanelEnv {
  const { timeFrom, timeShift, hideTimeOverride } = panel;
  return useMemo(
    () => panelEnv({ timeFrom, timeShift, hideTimeOverride }, env),
    [timeFrom, timeShift, hideTimeOverride, env],
  );
}
