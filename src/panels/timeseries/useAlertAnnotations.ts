import { useQuery } from '@tanstack/react-query';
import type { Panel } from '../../model/dashboard';
import { matrixToFrame } from '../../prometheus/frames';
import { useQueryEnv } from '../../query/env';
import type { TargetPlan } from '../../query/plan';
import { alertTransitions, type AlertTransition } from './options';

/**
 * ALERTS state changes over the panel's range, on the panel's own step grid (`grid`: the plan
 * of its first target), from the panel's datasource. Shares the query cache like any target.
 */
export function useAlertAnnotations(
  panel: Pick<Panel, 'datasource'>,
  grid: TargetPlan | undefined,
  enabled: boolean,
): AlertTransition[] {
  const env = useQueryEnv();
  const ds = env.datasource(panel.datasource);
  const handle = 'error' in ds ? undefined : ds;
  const plan: TargetPlan | undefined = grid && { ...grid, refId: 'ALERTS', expr: 'ALERTS' };
  const q = useQuery({
    // Under ['prom', dsKey] (refresh invalidates it) but not a range key: a panel querying
    // `ALERTS` itself caches a TargetResult there, this caches transitions.
    queryKey: [
      'prom',
      handle?.cacheKey ?? '',
      'alert-annotations',
      plan?.startSec,
      plan?.endSec,
      plan?.stepSec,
    ],
    queryFn: async ({ signal }) => {
      const a = await handle!.client.queryRange(
        { expr: 'ALERTS', startSec: plan!.startSec, endSec: plan!.endSec, stepSec: plan!.stepSec },
        { signal },
      );
      if (a.data.resultType !== 'matrix') return [];
      const frame = matrixToFrame(a.data.result, plan!, 'ALERTS');
      return alertTransitions(frame.times, frame.series);
    },
    enabled: enabled && !!plan && !!handle,
  });
  return (enabled && q.data) || NONE;
}

const NONE: AlertTransition[] = [];
