import { useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import {
  axisStyle,
  basePlotOptions,
  selectToZoom,
  timeAxis,
  useLatest,
  usePlot,
  yAxisSize,
} from '../plotLifecycle';
import 'uplot/dist/uPlot.min.css';
import '../chart.css';
import { logColumn, logTickLabels, toUPlotColumn } from '../gaps';
import Legend, { nextHidden } from './Legend';
import { drawAnnotations, drawThresholds } from './overlays';
import { seriesOptions, stackBands } from './seriesOptions';
import { pinTooltipOnClick, renderTooltip, type TooltipState } from './tooltip';
import { drawnPast, pastColumns, pastLayoutKey, pastSeriesOptions } from './compareSeries';
import { DEFAULT_STYLE, type TimeSeriesChartProps } from './types';
import { yRange } from './yRange';

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
  const propsRef = useLatest(props);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());

  // Series layout identity: a new uPlot only when the set or order of series changes.
  const style = props.style ?? DEFAULT_STYLE;
  const styleKey = JSON.stringify(style);
  const seriesKey = useMemo(
    () => series.map((s) => s.key + '\u0000' + s.color).join('\u0001'),
    [series],
  );
  const logBase = style.logBase;
  const incrementsKey = props.yIncrements
    ? `${props.yIncrements.length}:${props.yIncrements.at(-1)}`
    : '';

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
    layoutKey: [seriesKey, styleKey, props.syncKey, props.timeZone, incrementsKey, pastKey].join(
      '\u0002',
    ),
    data,
    series: plotted,
    hidden,
    // Annotations are drawn by a hook that reads props: redraw when they change.
    redrawKey: JSON.stringify(props.annotations ?? []),
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
          y: {
            range: (u) => yRange(propsRef.current, (i) => u.series[i + 1]?.show !== false),
            ...(p.style?.logBase ? { distr: 3, log: p.style.logBase } : {}),
          },
        },
        axes: [
          timeAxis(propsRef, true),
          {
            ...axisStyle(true),
            size: yAxisSize,
            ...(p.yIncrements && !p.style?.logBase ? { incrs: p.yIncrements } : {}),
            values: (_u, ticks) =>
              p.style?.logBase
                ? logTickLabels(ticks, p.style.logBase, propsRef.current.formatValue)
                : propsRef.current.formatTicks(ticks),
          },
        ],
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
        ...(p.style?.stacked ? { bands: stackBands(p.series.length) } : {}),
        hooks: {
          drawAxes: [(u) => drawThresholds(u, propsRef.current, 'area')],
          draw: [
            (u) => {
              drawThresholds(u, propsRef.current, 'line');
              drawAnnotations(u, propsRef.current, markersRef.current);
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
