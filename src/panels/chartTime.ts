import type { TimeChartProps } from '../charts/plotLifecycle';
import { formatAxisTicks, formatTime } from '../time/format';
import type { PanelContext } from './types';

/**
 * The time side of a chart for a panel: tooltip and axis labels in the dashboard's zone, the
 * zone uPlot lays ticks out in (undefined = the browser's), the shared crosshair, drag-to-zoom
 * and the dashboard's range as the x range.
 */
export function chartTimeProps(ctx: PanelContext): TimeChartProps {
  return {
    formatTime: (ms) => formatTime(ms, { timeZone: ctx.timeZone }),
    formatTimeTicks: (ticksMs, spacingMs) =>
      formatAxisTicks(ticksMs, {
        timeZone: ctx.timeZone,
        spacingMs,
        rangeMs: ctx.toMs - ctx.fromMs,
      }),
    timeZone:
      ctx.timeZone === 'browser' ? undefined : ctx.timeZone === 'utc' ? 'Etc/UTC' : ctx.timeZone,
    syncKey: ctx.syncKey,
    onZoom: ctx.onZoom,
    xRangeMs: [ctx.fromMs, ctx.toMs],
  };
}
