import { useQuery } from '@tanstack/react-query';
import type { Panel } from '../../model/dashboard';
import { targetQuery, type TargetResult } from '../../prometheus/queries';
import { useQueryEnv } from '../../query/env';
import type { TargetPlan } from '../../query/plan';
import { alertTransitions, type AlertTransition } from './options';

/**
 * ALERTS state changes over the panel's range, on the panel's own step grid (`grid`: the plan
 * of its first target), from the panel's datasource: the range query of `ALERTS` (one cache
 * entry with a panel that queries `ALERTS` itself), read as transitions.
 */
export function useAlertAnnotations(
  panel: Pick<Panel, 'datasource'>,
  grid: TargetPlan | undefined,
  enabled: boolean,
): AlertTransition[] {
  const env = useQueryEnv();
  const ds = env.datasource(panel.datasource);
  const handle = 'error' in ds ? undefined : ds;
  const plan: TargetPlan = {
    ...(grid ?? NO_GRID),
    refId: 'ALERTS',
    expr: 'ALERTS',
    instant: false,
  };
  const q = useQuery({
    ...targetQuery(handle, plan),
    select: transitions,
    enabled: enabled && !!grid && !!handle,
  });
  return (enabled && q.data) || NONE;
}

function transitions(r: TargetResult): AlertTransition[] {
  return r.frame ? alertTransitions(r.frame.times, r.frame.series) : NONE;
}

const NO_GRID: TargetPlan = {
  refId: '',
  expr: '',
  instant: false,
  startSec: 0,
  endSec: 0,
  stepSec: 0,
  intervalMs: 0,
  rateIntervalMs: 0,
};
const NONE: AlertTransition[] = [];
