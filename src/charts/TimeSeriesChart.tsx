import { useDeferredValue, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import {
  axisStyle,
  basePlotOptions,
  selectToZoom,
  timeAxis,
  useLatest,
  usePlot,
  yAxisSize,
  type TimeChartProps,
} from './plotLifecycle';
import 'uplot/dist/uPlot.min.css';
import './chart.css';
import { alpha } from '../units/colors';
import { finiteExtent, logColumn, logTickLabels, toUPlotColumn } from './gaps';
import { escapeHtml, placeTooltip } from './tooltipDom';

/** One line of the chart. */
export interface ChartSeries {
  /** stable identity across data updates (e.g. refId + series name) */
  key: string;
  label: string;
  values: Float64Array;
  color: string;
  /** what is drawn when it differs from `values` (stacking); the tooltip shows `values` */
  drawValues?: Float64Array | undefined;
  /** legend table cells, in the order of `legend.calcs` */
  calcs?: number[] | undefined;
}

/** How the series are drawn (Grafana's fieldConfig.custom). */
export interface ChartStyle {
  drawStyle: 'line' | 'bars' | 'points';
  lineWidth: number;
  /** 0–100 */
  fillOpacity: number;
  pointSize: number;
  /** series are stacked: fill each one down to the one before it */
  stacked: boolean;
  /** log y axis base; undefined = linear */
  logBase?: 2 | 10 | undefined;
}

/** A horizontal threshold band in data units (±Infinity for open ends). */
export interface ChartThreshold {
  from: number;
  to: number;
  color: string;
}

/** A vertical marker (annotation) at a time. */
export interface ChartAnnotation {
  timeMs: number;
  color: string;
  /** shown on hover */
  text: string;
  /** attributes for tests and styling, written as data-* on the marker */
  data: Record<string, string>;
}

export interface ChartLegend {
  mode: 'list' | 'table' | 'hidden';
  placement: 'bottom' | 'right';
  /** calc columns of the table legend: reducer id and header */
  calcs: { id: string; label: string }[];
}

const DEFAULT_STYLE: ChartStyle = {
  drawStyle: 'line',
  lineWidth: 1,
  fillOpacity: 0,
  pointSize: 5,
  stacked: false,
};

export interface TimeSeriesChartProps extends TimeChartProps {
  /** seconds since epoch, shared by every series */
  times: Float64Array;
  series: ChartSeries[];
  /** formats a value for the tooltip and legend */
  formatValue: (v: number) => string;
  /** formats the y-axis ticks together (shared suffix and decimals) */
  formatTicks: (values: number[]) => string[];
  /** fixed y range ends (undefined = auto) */
  min?: number | undefined;
  max?: number | undefined;
  /** show the tooltip in every synced panel, not only the hovered one (graphTooltip 2) */
  sharedTooltip?: boolean | undefined;
  /** the x range to show (ms): the query range, so gaps at the edges stay visible */
  xRangeMs?: [number, number] | undefined;
  style?: ChartStyle | undefined;
  /** threshold bands for the visible y range; drawn as lines, areas or both */
  thresholds?:
    | { marks: (yMin: number, yMax: number) => ChartThreshold[]; line: boolean; area: boolean }
    | undefined;
  annotations?: ChartAnnotation[] | undefined;
  legend?: ChartLegend | undefined;
}

/**
 * uPlot, tamed: created once per series layout, then updated surgically (setData, setSize,
 * setSeries). The tooltip is written straight into the DOM by a cursor hook: no React render
 * per mouse move.
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

  const data = useMemo<uPlot.AlignedData>(
    () =>
      [
        times,
        ...series.map((s) => {
          const v = s.drawValues ?? s.values;
          return logBase ? logColumn(v) : toUPlotColumn(v);
        }),
      ] as unknown as uPlot.AlignedData,
    [times, series, logBase],
  );

  usePlot({
    hostRef,
    layoutKey: [seriesKey, styleKey, props.syncKey, props.timeZone].join('\u0002'),
    data,
    series,
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
            range: (u) => yRange(u, propsRef.current),
            ...(p.style?.logBase ? { distr: 3, log: p.style.logBase } : {}),
          },
        },
        axes: [
          timeAxis(propsRef, true),
          {
            ...axisStyle(true),
            size: yAxisSize,
            values: (_u, ticks) =>
              p.style?.logBase
                ? logTickLabels(ticks, p.style.logBase, propsRef.current.formatValue)
                : propsRef.current.formatTicks(ticks),
          },
        ],
        series: [{}, ...p.series.map((s) => seriesOptions(s, p.style ?? DEFAULT_STYLE, hidden))],
        ...(p.style?.stacked
          ? {
              bands: p.series
                .slice(1)
                .map((_s, i) => ({ series: [i + 2, i + 1] as [number, number] })),
            }
          : {}),
        hooks: {
          drawAxes: [(u) => drawThresholds(u, propsRef.current, 'area')],
          draw: [
            (u) => {
              drawThresholds(u, propsRef.current, 'line');
              drawAnnotations(u, propsRef.current, markersRef.current);
            },
          ],
          setSeries: [() => (tooltip.p = undefined)],
          setCursor: [(u) => renderTooltip(u, tooltipRef.current, propsRef.current, tooltip)],
          setSelect: [selectToZoom(() => propsRef.current.onZoom)],
        },
      };
    },
  });

  const onLegendClick = (key: string, e: React.MouseEvent) => {
    setHidden((prev) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey) {
        const next = new Set(prev);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }
      // Grafana: click isolates a series; clicking the only visible one shows all again
      const onlyThis = prev.size === series.length - 1 && !prev.has(key);
      return onlyThis ? new Set() : new Set(series.filter((s) => s.key !== key).map((s) => s.key));
    });
  };

  const legend = props.legend ?? { mode: 'list', placement: 'bottom', calcs: [] };
  return (
    <div className={legend.placement === 'right' ? 'ts-chart legend-right' : 'ts-chart'}>
      <div className="ts-plot" ref={hostRef}>
        <div className="chart-markers" ref={markersRef} />
        <div className="chart-tooltip" ref={tooltipRef} data-testid="tooltip" hidden />
      </div>
      {legend.mode === 'table' ? (
        <LegendTable
          series={series}
          hidden={hidden}
          onClick={onLegendClick}
          calcs={legend.calcs}
          formatValue={props.formatValue}
        />
      ) : legend.mode === 'list' ? (
        <Legend series={series} hidden={hidden} onClick={onLegendClick} />
      ) : null}
    </div>
  );
}

function seriesOptions(
  s: ChartSeries,
  style: ChartStyle,
  hidden: ReadonlySet<string>,
): uPlot.Series {
  const fill =
    style.fillOpacity > 0 ? alpha(s.color, Math.min(1, style.fillOpacity / 100)) : undefined;
  const base: uPlot.Series = {
    label: s.label,
    stroke: s.color,
    width: style.lineWidth,
    spanGaps: false,
    show: !hidden.has(s.key),
    ...(fill ? { fill } : {}),
  };
  if (style.drawStyle === 'bars')
    return {
      ...base,
      width: Math.max(1, style.lineWidth),
      fill: fill ?? alpha(s.color, 0.8),
      paths: uPlot.paths.bars!({ size: [0.6, 100], align: 0 }),
      points: { show: false },
    };
  if (style.drawStyle === 'points')
    return {
      ...base,
      paths: () => null,
      points: { show: true, size: style.pointSize, fill: s.color, stroke: s.color },
    };
  return { ...base, points: { show: false } };
}

/** Threshold areas (under the series) or lines (over them), clipped to the plotting area. */
function drawThresholds(u: uPlot, p: TimeSeriesChartProps, what: 'area' | 'line') {
  const t = p.thresholds;
  if (!t || (what === 'area' ? !t.area : !t.line)) return;
  const yMin = u.scales.y!.min;
  const yMax = u.scales.y!.max;
  if (yMin == null || yMax == null) return;
  const { left, top, width, height } = u.bbox;
  const ctx = u.ctx;
  const yPos = (v: number) =>
    v === -Infinity || v < yMin
      ? top + height
      : v === Infinity || v > yMax
        ? top
        : u.valToPos(v, 'y', true);
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  for (const m of t.marks(yMin, yMax)) {
    if (what === 'area') {
      const y1 = yPos(m.to);
      const y0 = yPos(m.from);
      if (y0 - y1 <= 0) continue;
      ctx.fillStyle = alpha(m.color, 0.15);
      ctx.fillRect(left, y1, width, y0 - y1);
    } else if (m.from !== -Infinity && m.from >= yMin && m.from <= yMax) {
      const y = Math.round(u.valToPos(m.from, 'y', true)) + 0.5;
      ctx.strokeStyle = m.color;
      ctx.lineWidth = Math.max(1, devicePixelRatio);
      ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** Vertical lines on the canvas, plus one DOM marker each (hover text, data-* for tests). */
function drawAnnotations(u: uPlot, p: TimeSeriesChartProps, el: HTMLDivElement | null) {
  const list = p.annotations ?? [];
  const xMin = u.scales.x!.min;
  const xMax = u.scales.x!.max;
  const shown =
    xMin == null || xMax == null
      ? []
      : list.filter((a) => a.timeMs / 1000 >= xMin && a.timeMs / 1000 <= xMax);
  const { top, height } = u.bbox;
  const ctx = u.ctx;
  ctx.save();
  ctx.lineWidth = Math.max(1, devicePixelRatio);
  ctx.setLineDash([3 * devicePixelRatio, 3 * devicePixelRatio]);
  for (const a of shown) {
    const x = Math.round(u.valToPos(a.timeMs / 1000, 'x', true)) + 0.5;
    ctx.strokeStyle = a.color;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
  }
  ctx.restore();
  if (!el) return;
  el.innerHTML = shown
    .map((a) => {
      const x = u.over.offsetLeft + u.valToPos(a.timeMs / 1000, 'x');
      const attrs = Object.entries(a.data)
        .map(([k, v]) => ` data-${k.replace(/[^a-z0-9-]/gi, '')}="${escapeHtml(v)}"`)
        .join('');
      return (
        `<div class="chart-marker" data-testid="annotation" data-time-ms="${a.timeMs}"${attrs}` +
        ` title="${escapeHtml(a.text)}" style="left:${x - 4}px;top:${u.over.offsetTop}px;border-bottom-color:${escapeHtml(a.color)}"></div>`
      );
    })
    .join('');
}

function LegendTable(props: {
  series: ChartSeries[];
  hidden: ReadonlySet<string>;
  onClick: (key: string, e: React.MouseEvent) => void;
  calcs: { id: string; label: string }[];
  formatValue: (v: number) => string;
}) {
  const big = props.series.length > BIG_LEGEND;
  const deferred = useDeferredValue(props.series, big ? NO_SERIES : props.series);
  if (props.series.length === 0) return null;
  return (
    <div className={big ? 'legend legend-table-wrap big' : 'legend legend-table-wrap'}>
      <table className="legend-table" data-testid="legend-table" aria-label="Legend">
        <thead>
          <tr>
            <th>Name</th>
            {props.calcs.map((c) => (
              <th key={c.id} className="num">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {deferred.map((s) => (
            <tr key={s.key}>
              <td>
                <button
                  type="button"
                  className={props.hidden.has(s.key) ? 'legend-item off' : 'legend-item'}
                  data-testid="legend-item"
                  aria-pressed={!props.hidden.has(s.key)}
                  title="Click to show only this series; Ctrl/Shift-click to toggle it"
                  onClick={(e) => props.onClick(s.key, e)}
                >
                  <span className="swatch" style={{ background: s.color }} />
                  {s.label}
                </button>
              </td>
              {props.calcs.map((c, i) => {
                const v = s.calcs?.[i] ?? NaN;
                return (
                  <td
                    key={c.id}
                    className="num"
                    data-testid="legend-calc"
                    data-calc={c.id}
                    data-value={String(v)}
                  >
                    {Number.isNaN(v) ? '–' : props.formatValue(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Above this many series the legend box takes its full height at once and fills a frame later. */
const BIG_LEGEND = 24;
const NO_SERIES: ChartSeries[] = [];

function Legend(props: {
  series: ChartSeries[];
  hidden: ReadonlySet<string>;
  onClick: (key: string, e: React.MouseEvent) => void;
}) {
  const big = props.series.length > BIG_LEGEND;
  // NOTE: a big legend is hundreds of DOM nodes; the chart paints first, the entries follow. Its
  // box is sized up front so the plot does not resize (and redraw) when they arrive.
  const deferred = useDeferredValue(props.series, big ? NO_SERIES : props.series);
  if (props.series.length === 0) return null;
  return (
    <ul className={big ? 'legend big' : 'legend'} aria-label="Legend">
      {deferred.map((s) => (
        <li key={s.key}>
          <button
            type="button"
            className={props.hidden.has(s.key) ? 'legend-item off' : 'legend-item'}
            data-testid="legend-item"
            aria-pressed={!props.hidden.has(s.key)}
            title="Click to show only this series; Ctrl/Shift-click to toggle it"
            onClick={(e) => props.onClick(s.key, e)}
          >
            <span className="swatch" style={{ background: s.color }} />
            {s.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

function yRange(u: uPlot, p: TimeSeriesChartProps): uPlot.Range.MinMax {
  const drawn = (s: ChartSeries) => s.drawValues ?? s.values;
  const visible = p.series.filter((_s, i) => u.series[i + 1]?.show !== false).map(drawn);
  const columns = visible.length ? visible : p.series.map(drawn);
  const base = p.style?.logBase;
  if (base) return logRange(columns, base, p.min, p.max);
  let [lo, hi] = finiteExtent(columns);
  if (Number.isNaN(lo)) [lo, hi] = [0, 1];
  if (p.min !== undefined) lo = p.min;
  if (p.max !== undefined) hi = p.max;
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [p.min ?? lo - pad, p.max ?? hi + pad];
  }
  const [a0, b0] = uPlot.rangeNum(lo, hi, 0.1, true);
  const a = a0 ?? lo;
  const b = b0 ?? hi;
  return [p.min ?? (lo >= 0 && a < 0 ? 0 : a), p.max ?? b];
}

/** y range of a log axis: whole powers of the base around the positive values. */
function logRange(
  columns: readonly Float64Array[],
  base: 2 | 10,
  min: number | undefined,
  max: number | undefined,
): uPlot.Range.MinMax {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of columns)
    for (let i = 0; i < c.length; i++) {
      const v = c[i]!;
      if (v > 0 && v < Infinity) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  if (!(lo <= hi)) [lo, hi] = [1, base];
  if (min !== undefined && min > 0) lo = min;
  if (max !== undefined && max > 0) hi = max;
  const [a, b] = uPlot.rangeLog(lo, hi, base, true);
  return [min !== undefined && min > 0 ? min : a, max !== undefined && max > 0 ? max : b];
}

/** What the tooltip element holds: rows for these props at this index (reset on setSeries). */
interface TooltipState {
  p?: TimeSeriesChartProps | undefined;
  idx?: number | undefined;
}

/**
 * Per mouse move: the rows are rebuilt only when the point (or the props, or a series'
 * visibility) changed; moving within one point only moves the box.
 */
function renderTooltip(
  u: uPlot,
  el: HTMLDivElement | null,
  p: TimeSeriesChartProps,
  shown: TooltipState,
) {
  if (!el) return;
  const idx = u.cursor.idx;
  const left = u.cursor.left ?? -1;
  // A synced crosshair moves in every panel; the tooltip shows only where the pointer is.
  if (idx == null || left < 0 || (!p.sharedTooltip && !u.over.matches(':hover'))) {
    el.hidden = true;
    return;
  }
  const t = p.times[idx];
  if (t === undefined) {
    el.hidden = true;
    return;
  }
  if (shown.p !== p || shown.idx !== idx) {
    shown.p = p;
    shown.idx = idx;
    el.innerHTML = tooltipHtml(u, p, idx, t);
  }
  placeTooltip(el, u, left, 8);
}

function tooltipHtml(u: uPlot, p: TimeSeriesChartProps, idx: number, t: number): string {
  const rows: string[] = [];
  p.series.forEach((s, i) => {
    if (u.series[i + 1]?.show === false) return;
    const v = s.values[idx]!;
    if (Number.isNaN(v)) return;
    rows.push(
      `<div class="tt-row" data-testid="tooltip-row"><span class="swatch" style="background:${s.color}"></span>` +
        `<span class="tt-name">${escapeHtml(s.label)}</span><span class="tt-value" data-value="${v}">${escapeHtml(p.formatValue(v))}</span></div>`,
    );
  });
  return (
    `<div class="tt-time" data-testid="tooltip-time" data-time-ms="${Math.round(t * 1000)}">${escapeHtml(p.formatTime(t * 1000))}</div>` +
    (rows.length ? rows.join('') : '<div class="tt-empty">No value</div>')
  );
}
