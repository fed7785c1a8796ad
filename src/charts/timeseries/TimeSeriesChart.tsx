import { useEffect, useMemo, useRef } from 'react';
import { useRemembered } from '../remembered';
import type uPlot from 'uplot';
import { basePlotOptions, selectToZoom, timeAxis, useLatest, usePlot } from '../plotLifecycle';
import 'uplot/dist/uPlot.min.css';
import '../chart.css';
import { logColumn, toUPlotColumn } from '../gaps';
import {
  chartAxes,
  layoutSignature,
  markAxes,
  stackGroupBands,
  yAxisOptions,
  yScales,
} from './axes';
import Legend, { nextHidden } from './Legend';
import { drawAnnotations, drawThresholds } from './overlays';
import { seriesOptions } from './seriesOptions';
import { pinTooltipOnClick, renderTooltip, type TooltipState } from './tooltip';
import { drawnPast, pastColumns, pastLayoutKey, pastSeriesOptions } from './compareSeries';
import { DEFAULT_STYLE, type ChartSeries, type TimeSeriesChartProps } from './types';
import type { ExemplarDots } from '../exemplarLayer';
import { drawTimeSeriesExemplars, exemplarsKey, type TimeSeriesExemplarPoint } from './exemplars';

/**
 * uPlot, tamed: created once per series layout, then updated surgically (setData, setSize,
 * setSeries). The tooltip is written straight into the DOM by a cursor hook (`tooltip.ts`): no
 * React render per mouse move. Thresholds and annotations are drawn by hooks (`overlays.ts`);
 * the y range is Scry's own (`yRange.ts`); the legend is React (`Legend.tsx`).
 */
export default function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { times, series } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const markersRef = useRef<HTMLDivElement>(null);
  const exemplarsRef = useRef<ExemplarDots<TimeSeriesExemplarPoint> | undefined>(undefined);
  useEffect(() => () => exemplarsRef.current?.layer.destroy(), []);
  const propsRef = useLatest(props);
  // series hidden from the plot by an override start hidden (a legend click shows them)
  const hiddenByDefault = series.flatMap((s) => (s.hideFrom?.viz ? [s.key] : [])).join('\u0001');
  // the legend's toggles outlive a rebuild of the chart (charts/remembered.ts)
  const [toggles, setToggles] = useRemembered('timeseries legend', () => ({
    hidden: vizHidden(series),
    for: hiddenByDefault,
  }));
  if (toggles.for !== hiddenByDefault)
    setToggles({ hidden: vizHidden(series), for: hiddenByDefault });
  const hidden = toggles.hidden;
  const setHidden = (fn: (prev: ReadonlySet<string>) => ReadonlySet<string>) =>
    setToggles((prev) => ({ ...prev, hidden: fn(prev.hidden) }));

  // Series layout identity: a new uPlot only when the series' set, order, look or axes change.
  const style = props.style ?? DEFAULT_STYLE;
  const styleKey = JSON.stringify(style);
  const { yAxes, yIncrements } = props;
  const seriesKey = useMemo(
    () => layoutSignature(series, yAxes ?? [{ scale: 'y', side: 'left', increments: yIncrements }]),
    [series, yAxes, yIncrements],
  );
  const logBase = style.logBase;

  // compare to the past: dashed lines after the present series (uPlot series n+1…)
  const stacked = style.stacked;
  const past = useMemo(() => drawnPast(series, { stacked }), [series, stacked]);
  const pastKey = pastLayoutKey(past, props.compare?.label);
  const plotted = useMemo(() => [...series, ...past], [series, past]);

  const data = useMemo<uPlot.AlignedData>(
    () =>
      [
        times,
        ...series.map((s) => {
          const v = s.drawValues ?? s.values;
          return logBase ? logColumn(v) : toUPlotColumn(v);
        }),
        ...pastColumns(past, logBase),
      ] as unknown as uPlot.AlignedData,
    [times, series, past, logBase],
  );

  usePlot({
    hostRef,
    layoutKey: [seriesKey, styleKey, props.syncKey, props.timeZone, pastKey].join('\u0002'),
    data,
    series: plotted,
    hidden,
    // Annotations are drawn by a hook that reads props: redraw when they change.
    redrawKey: JSON.stringify(props.annotations ?? []),
    // each axis' auto range covers its exemplar dots (axes.ts): new ones range the axes again,
    // which draws them too
    rangeKey: exemplarsKey(props.exemplars),
    options: (host) => {
      const p = propsRef.current;
      const tooltip: TooltipState = {};
      return {
        ...basePlotOptions(host, p, { points: { size: 6 }, focus: { prox: 16 } }),
        focus: { alpha: 0.35 },
        scales: {
          x: {
            time: true,
            range: (_u, dataMin, dataMax) => {
              const r = propsRef.current.xRangeMs;
              return r ? [r[0] / 1000, r[1] / 1000] : [dataMin, dataMax];
            },
          },
          ...yScales(propsRef, chartAxes(p)),
        },
        axes: [timeAxis(propsRef, true), ...yAxisOptions(propsRef, chartAxes(p))],
        series: [
          {},
          ...p.series.map((s) => seriesOptions(s, p.style ?? DEFAULT_STYLE, hidden)),
          ...drawnPast(p.series, p.style ?? DEFAULT_STYLE).map((s) =>
            pastSeriesOptions(
              s,
              seriesOptions(s, p.style ?? DEFAULT_STYLE, hidden),
              p.compare?.label ?? '',
            ),
          ),
        ],
        bands: stackGroupBands(p.series, p.style?.stacked === true),
        hooks: {
          drawAxes: [(u) => drawThresholds(u, propsRef.current, 'area')],
          draw: [
            (u) => {
              drawThresholds(u, propsRef.current, 'line');
              drawAnnotations(u, propsRef.current, markersRef.current);
              markAxes(u, hostRef.current);
              drawTimeSeriesExemplars(u, exemplarsRef, propsRef.current);
            },
          ],
          setSeries: [
            () => (tooltip.p = undefined),
            // uPlot calls this hook with `{ focus: true }` when the pointed-at series changes
            (_u, i, o) => {
              if ((o as { focus?: boolean }).focus) tooltip.focused = i == null ? null : i - 1;
            },
          ],
          ready: [
            (u) =>
              pinTooltipOnClick(u, tooltipRef.current, tooltip, () => !!propsRef.current.dataLinks),
          ],
          setCursor: [(u) => renderTooltip(u, tooltipRef.current, propsRef.current, tooltip)],
          setSelect: [selectToZoom(() => propsRef.current.onZoom)],
        },
      };
    },
  });

  const onLegendClick = (key: string, e: React.MouseEvent) =>
    setHidden((prev) => nextHidden(prev, series, key, e.ctrlKey || e.metaKey || e.shiftKey));

  const legend = props.legend ?? { mode: 'list', placement: 'bottom', calcs: [] };
  return (
    <div className={legend.placement === 'right' ? 'ts-chart legend-right' : 'ts-chart'}>
      <div className="ts-plot" ref={hostRef}>
        <div className="chart-markers" ref={markersRef} />
        <div className="chart-tooltip" ref={tooltipRef} data-testid="tooltip" hidden />
      </div>
      {legend.mode !== 'hidden' && (
        <Legend
          legend={legend}
          series={series}
          hidden={hidden}
          onClick={onLegendClick}
          formatValue={props.formatValue}
          compareLabel={stacked ? undefined : props.compare?.label}
        />
      )}
    </div>
  );
}

function vizHidden(series: readonly ChartSeries[]): ReadonlySet<string> {
  return new Set(series.flatMap((s) => (s.hideFrom?.viz ? [s.key] : [])));
}
