import { useEffect, useMemo } from 'react';
import { countUndrawable } from '../../charts/gaps';
import TimeSeriesChart from '../../charts/timeseries/TimeSeriesChart';
import type { ChartAnnotation, ChartLegend, ChartStyle } from '../../charts/timeseries/types';
import { seriesColor } from '../../units/colors';
import { formatValueToString } from '../../units/format';
import { useQueryEnv } from '../../query/env';
import { chartTimeProps } from '../shared/chartTime';
import { useLinksModule } from '../shared/useLinks';
import type { PanelViewProps } from '../types';
import {
  ALERT_STATE_COLORS,
  calcLabel,
  legendCalcs,
  thresholdMarks,
  type TimeSeriesOptions,
} from './options';
import { applyOverrides, chartYAxis } from './overrideSeries';
import { buildSeries } from './series';
import { exemplarPoints, queryScales } from './exemplarPoints';
import { useAlertAnnotations } from './useAlertAnnotations';
import { attachPast } from '../shared/compare';

/** Series beyond this are not drawn (the panel says so): thousands of lines freeze a tab. */
export const SERIES_LIMIT = 500;

export default function TimeSeriesPanel({
  panel,
  options: opts,
  data,
  ctx,
}: PanelViewProps<TimeSeriesOptions>) {
  const env = useQueryEnv();
  const unit = panel.fieldConfig.unit;
  const decimals = panel.fieldConfig.decimals;
  const frames = useMemo(
    () => data.results.flatMap((r) => (r.frame ? [r.frame] : [])),
    [data.results],
  );
  const built = useMemo(
    () => buildSeries(frames, panel.targets, seriesColor, SERIES_LIMIT),
    [frames, panel.targets],
  );
  // compare to the past: the same series moved back (query/compare.ts), matched by key
  const pastResults = data.compare?.results;
  const pastBuilt = useMemo(
    () =>
      pastResults &&
      buildSeries(
        pastResults.flatMap((r) => (r.frame ? [r.frame] : [])),
        panel.targets,
        seriesColor,
        SERIES_LIMIT,
      ),
    [pastResults, panel.targets],
  );
  const offsetSec = (data.compare?.to.offsetMs ?? 0) / 1000;
  const calcsKey = opts.legend.calcs.join(',');
  const tableLegend = opts.legend.displayMode === 'table';
  const { min, max, overrides } = panel.fieldConfig;
  const { series, axes } = useMemo(() => {
    const calcs = calcsKey ? calcsKey.split(',') : [];
    const withCalcs = attachPast(built.series, built.times, pastBuilt, offsetSec).map((s) => ({
      ...s,
      ...(tableLegend && calcs.length ? { calcs: legendCalcs(s.values, calcs) } : {}),
      ...(tableLegend && calcs.length && s.past ? { pastCalcs: legendCalcs(s.past, calcs) } : {}),
    }));
    const d = { unit, decimals, min, max, stacking: opts.stacking };
    const r = applyOverrides(withCalcs, overrides, d);
    return { series: r.series, axes: r.axes.map(chartYAxis) };
  }, [
    built.series,
    built.times,
    pastBuilt,
    offsetSec,
    opts.stacking,
    calcsKey,
    tableLegend,
    overrides,
    unit,
    decimals,
    min,
    max,
  ]);
  // the panel editor's Overrides section offers these names (told again only when they change:
  // the editor re-renders this panel when told)
  const onSeries = ctx.onSeries;
  const names = onSeries ? JSON.stringify(built.series.map((s) => [s.label, s.refId])) : '';
  useEffect(() => {
    onSeries?.((JSON.parse(names) as [string, string][]).map(([name, refId]) => ({ name, refId })));
  }, [onSeries, names]);

  const style: ChartStyle = {
    drawStyle: opts.drawStyle,
    lineWidth: opts.lineWidth,
    fillOpacity: opts.fillOpacity,
    pointSize: opts.pointSize,
    stacked: opts.stacking !== 'none',
    logBase: opts.logBase,
  };
  const legend: ChartLegend = {
    mode: opts.legend.displayMode,
    placement: opts.legend.placement,
    calcs: opts.legend.calcs.map((id) => ({ id, label: calcLabel(id) })),
  };
  const thresholds = panel.fieldConfig.thresholds;
  const transitions = useAlertAnnotations(panel, opts.alertAnnotations && data.plans.length > 0);
  const annotations = useMemo<ChartAnnotation[]>(
    () =>
      transitions.map((t) => ({
        timeMs: t.timeMs,
        color: ALERT_STATE_COLORS[t.state],
        text: `${t.alertname}: ${t.state === 'resolved' ? `resolved (was ${t.from ?? '?'})` : t.state}`,
        data: { alertname: t.alertname, state: t.state },
      })),
    [transitions],
  );

  const undrawable = useMemo(() => countUndrawable(series.map((s) => s.values)), [series]);
  const links = panel.fieldConfig.links;
  const linksModule = useLinksModule(!!links?.length);
  const dataLinks = useMemo(
    () =>
      links?.length && linksModule
        ? (i: number, idx: number) => {
            const s = series[i];
            const value = s?.values[idx];
            if (!s || value === undefined) return [];
            return linksModule.seriesTooltipLinks(links, env, {
              name: s.label,
              labels: s.labels,
              value,
              text: formatValueToString(value, unit, decimals),
              timeMs: Math.round(built.times[idx]! * 1000),
            });
          }
        : undefined,
    [links, linksModule, series, env, unit, decimals, built.times],
  );

  // a query's "Exemplars" toggle: dots at their time and value, on its series' axis
  const exemplarData = data.exemplars;
  // (new series values alone keep the dots: a new object would range the axes again)
  const scalesKey = JSON.stringify(queryScales(series));
  const exemplars = useMemo(
    () =>
      exemplarData && exemplarPoints(exemplarData, JSON.parse(scalesKey) as Record<string, string>),
    [exemplarData, scalesKey],
  );

  if (series.length === 0) return null;
  return (
    <div
      className="ts-panel"
      data-draw-style={opts.drawStyle}
      data-stacking={opts.stacking}
      data-y-scale={opts.logBase ? `log${opts.logBase}` : 'linear'}
    >
      {built.total > series.length && (
        <div className="panel-warning" data-testid="series-limit">
          Showing {series.length.toLocaleString('en')} of {built.total.toLocaleString('en')} series
        </div>
      )}
      {undrawable > 0 && (
        <div className="panel-warning" data-testid="out-of-range">
          {undrawable.toLocaleString('en')} value{undrawable === 1 ? '' : 's'} out of range not
          drawn
        </div>
      )}
      {exemplars && (
        <span hidden data-testid="exemplar-count" data-count={exemplars.points.length} />
      )}
      <TimeSeriesChart
        times={built.times}
        series={series}
        formatValue={(v) => formatValueToString(v, unit, decimals)}
        formatTicks={axes[0]!.formatTicks}
        yAxes={axes}
        {...chartTimeProps(env, ctx)}
        sharedTooltip={ctx.sharedTooltip}
        style={style}
        thresholds={
          opts.thresholdsStyle !== 'off' && thresholds
            ? {
                marks: (yMin, yMax) => thresholdMarks(thresholds, yMin, yMax),
                line: opts.thresholdsStyle !== 'area',
                area: opts.thresholdsStyle !== 'line',
              }
            : undefined
        }
        annotations={annotations}
        legend={legend}
        dataLinks={dataLinks}
        compare={data.compare && { offsetSec, label: data.compare.to.label }}
        exemplars={exemplars}
      />
    </div>
  );
}
