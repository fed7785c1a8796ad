import { useQuery } from '@tanstack/react-query';
import type { Panel } from '../../model/dashboard';
import { targetQuery, type TargetResult } from '../../prometheus/queries';
import { useQueryEnv } from '../../query/env';
import { alertAnnotationPlan } from '../../query/plan';
import { alertTransitions, type AlertTransition } from './options';

/**
 * ALERTS state changes over the dashboard's range from the panel's datasource, read as
 * transitions. The request is the datasource's one annotation query (`alertAnnotationPlan`: its
 * own grid, not the panel's), so all panels with annotations on share one request.
 */
export function useAlertAnnotations(
  panel: Pick<Panel, 'datasource'>,
  enabled: boolean,
): AlertTransition[] {
  const env = useQueryEnv();
  const ds = env.datasource(panel.datasource);
  const handle = 'error' in ds ? undefined : ds;
  const plan = alertAnnotationPlan(env, handle?.scrapeIntervalMs ?? 0);
  const q = useQuery({
    ...targetQuery(handle, plan),
    select: transitions,
    enabled: enabled && !!handle,
  });
  return (enabled && q.data) || NONE;
}

function transitions(r: TargetResult): AlertTransition[] {
  return r.frame ? alertTransitions(r.frame.times, r.frame.series) : NONE;
}

const NONE: AlertTransition[] = [];
