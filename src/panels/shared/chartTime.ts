import type { TimeChartProps } from '../../charts/plotLifecycle';
import type { QueryEnv } from '../../query/env';
import { formatAxisTicks, formatTime } from '../../time/format';
import { explicitTimeZone } from '../../time/zone';
import type { PanelContext } from '../types';

/**
 * The time side of a chart for a panel: tooltip and axis labels in the dashboard's zone, the
 * zone uPlot lays ticks out in (undefined = the browser's), the shared crosshair, drag-to-zoom
 * and the dashboard's range as the x range.
 */
export function chartTimeProps(
  time: Pick<QueryEnv, 'fromMs' | 'toMs' | 'timeZone'>,
  ctx: PanelContext,
): TimeChartProps {
  return {
    formatTime: (ms) => formatTime(ms, { timeZone: time.timeZone }),
    formatTimeTicks: (ticksMs, spacingMs) =>
      formatAxisTicks(ticksMs, {
        timeZone: time.timeZone,
        spacingMs,
        rangeMs: time.toMs - time.fromMs,
      }),
    timeZone: explicitTimeZone(time.timeZone),
    syncKey: ctx.syncKey,
    onZoom: ctx.onZoom,
    xRangeMs: [time.fromMs, time.toMs],
  };
}
