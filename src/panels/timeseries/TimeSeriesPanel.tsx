import { useMemo } from 'react';
import TimeSeriesChart from '../../charts/TimeSeriesChart';
import { formatAxisTicks, formatTime } from '../../time/format';
import { seriesColor } from '../../units/colors';
import { formattedToString, formatValue } from '../../units/format';
import { formatTicks } from '../../units/ticks';
import type { PanelViewProps } from '../types';
import { buildSeries } from './series';

/** Series beyond this are not drawn (the panel says so): thousands of lines freeze a tab. */
export const SERIES_LIMIT = 500;

export default function TimeSeriesPanel({ panel, data, ctx }: PanelViewProps) {
  const unit = panel.fieldConfig.unit;
  const decimals = panel.fieldConfig.decimals;
  const frames = useMemo(
    () => data.results.flatMap((r) => (r.frame ? [r.frame] : [])),
    [data.results],
  );
  const { times, series, total } = useMemo(
    () => buildSeries(frames, panel.targets, seriesColor, SERIES_LIMIT),
    [frames, panel.targets],
  );
  if (series.length === 0) return null;
  const tz =
    ctx.timeZone === 'browser' ? undefined : ctx.timeZone === 'utc' ? 'Etc/UTC' : ctx.timeZone;
  return (
    <div className="ts-panel">
      {total > series.length && (
        <div className="panel-warning" data-testid="series-limit">
          Showing {series.length.toLocaleString('en')} of {total.toLocaleString('en')} series
        </div>
      )}
      <TimeSeriesChart
        times={times}
        series={series}
        formatValue={(v) => formattedToString(formatValue(v, unit, decimals))}
        formatTicks={(ticks) => formatTicks(ticks, unit, decimals)}
        formatTime={(ms) => formatTime(ms, { timeZone: ctx.timeZone })}
        formatTimeTicks={(ticksMs, spacingMs) =>
          formatAxisTicks(ticksMs, {
            timeZone: ctx.timeZone,
            spacingMs,
            rangeMs: ctx.toMs - ctx.fromMs,
          })
        }
        timeZone={tz}
        syncKey={ctx.syncKey}
        sharedTooltip={ctx.sharedTooltip}
        min={panel.fieldConfig.min}
        max={panel.fieldConfig.max}
        onZoom={ctx.onZoom}
        xRangeMs={[ctx.fromMs, ctx.toMs]}
      />
    </div>
  );
}
