import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useRemembered } from '../remembered';
import type { Exemplar } from '../../model/exemplar';
import { drawExemplarDots, type ExemplarDots } from '../exemplarLayer';
import { exemplarTooltipHtml } from '../exemplars';
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
} from '../plotLifecycle';
import '../chart.css';
import 'uplot/dist/uPlot.min.css';
import { renderTooltip } from './tooltip';
import { alpha } from '../../units/colors';
import { PAST_ALPHA, PAST_DASH } from '../timeseries/compareSeries';
import PastLegendItem from '../timeseries/PastLegendItem';
import type { ChartCompare } from '../timeseries/types';
import {
  bucketRangeLabel,
  axisSplits,
  splitBound,
  buildPalette,
  cellPixels,
  colorScale,
  colorScaleInverse,
  countRange,
  DEFAULT_RAMP,
  drawBitmap,
  formatBound,
  toBitmap,
  valueToBucketY,
  type Bitmap,
  type ColorScaleKind,
} from './draw';

/** A line over the cells, in bucket value space (e.g. a percentile in seconds). */
export interface HeatmapLine {
  /** stable identity, e.g. "p99" */
  key: string;
  label: string;
  /** the quantile it shows (0…1), written to the tooltip rows as data-q */
  q?: number | undefined;
  /** one value per step, NaN = gap */
  values: Float64Array;
  color: string;
  /** compare to the past: its values `compare.offsetSec` earlier, on this chart's steps */
  past?: Float64Array | undefined;
}

/** An exemplar placed in its cell: its bucket row and time column. */
export interface HeatmapExemplarPoint {
  exemplar: Exemplar;
  bucket: number;
  column: number;
}

export interface HeatmapChartProps extends TimeChartProps {
  /** seconds since epoch, one per column, on a step grid */
  times: Float64Array;
  /** upper bound of each bucket, ascending (`+Inf` last when present) */
  bounds: Float64Array;
  /** lower bound of the lowest bucket (0 for classic positive buckets, -Infinity when unknown) */
  lowest: number;
  /** per bucket, per step: the count in that cell (NaN or ≤ 1e-9 = not drawn) */
  counts: readonly Float64Array[];
  /** per step: the column total, for the tooltip's share */
  totals: Float64Array;
  lines: readonly HeatmapLine[];
  /** compare to the past: how far back the lines' `past` values are, and its words */
  compare?: ChartCompare | undefined;
  colorScale: ColorScaleKind;
  /** formats a bucket bound or line value (the panel unit) */
  formatValue: (v: number) => string;
  /** formats a cell count */
  formatCount: (v: number) => string;
  /** exemplars in their cells, and the datasource's link template for their trace ids */
  exemplars?: { points: readonly HeatmapExemplarPoint[]; linkTemplate?: string | undefined };
}

const PALETTE = buildPalette(DEFAULT_RAMP, 128);
/** Exemplar dots: magenta, apart from every colour of the viridis cells and the lines. */
const EXEMPLAR_COLOR = '#ff4fd8';
const GRADIENT = `linear-gradient(to right, ${DEFAULT_RAMP.join(', ')})`;

/** Step of the column grid in seconds (60 when there is a single column). */
function stepOf(times: Float64Array): number {
  return times.length > 1 ? times[1]! - times[0]! : 60;
}

/**
 * A heatmap of histogram buckets over time, on uPlot: the y axis is the bucket index (each
 * bucket one row of equal height, labelled with its bounds), the cells are one ImageData
 * bitmap scaled into the plot in the drawClear hook (under the axes and lines), and the lines
 * (percentiles) are ordinary uPlot series mapped into bucket-index space. The plot is created
 * once per line layout; data changes go through setData / redraw. The tooltip is written into
 * the DOM by a cursor hook (no React render per mouse move).
 */
export default function HeatmapChart(props: HeatmapChartProps) {
  const { times, counts, lines, bounds, lowest } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const bitmapRef = useRef<Bitmap | undefined>(undefined);
  const propsRef = useLatest(props);
  // the legend's toggles outlive a rebuild of the chart (charts/remembered.ts)
  const [hidden, setHidden] = useRemembered<ReadonlySet<string>>('heatmap legend', () => new Set());
  const exemplarsRef = useRef<ExemplarDots<HeatmapExemplarPoint> | undefined>(undefined);

  // compare to the past: the lines then, dashed, after the present ones (uPlot series n+1…)
  const past = useMemo(() => lines.filter((l) => l.past), [lines]);
  const layoutKey = useMemo(
    () =>
      [...lines, ...past.map((l) => ({ ...l, key: `${l.key} past` }))]
        .map((l) => `${l.key}\u0000${l.color}`)
        .join('\u0001'),
    [lines, past],
  );

  const data = useMemo<uPlot.AlignedData>(
    () =>
      [
        times,
        ...[...lines.map((l) => l.values), ...past.map((l) => l.past!)].map((values) =>
          Array.from(values, (v) => {
            const y = valueToBucketY(v, bounds, lowest);
            return Number.isFinite(y) ? y : null;
          }),
        ),
      ] as unknown as uPlot.AlignedData,
    [times, lines, past, bounds, lowest],
  );

  const range = useMemo(() => countRange(counts), [counts]);

  const { plotRef, drawnDataRef } = usePlot({
    hostRef,
    layoutKey: [layoutKey, props.syncKey, props.timeZone, props.compare?.label].join('\u0002'),
    data,
    // a past line has its line's key: shown and hidden with it
    series: [...lines, ...past],
    hidden,
    options: (host) => {
      const p = propsRef.current;
      return {
        ...basePlotOptions(host, p, { points: { show: false } }),
        scales: {
          x: {
            time: true,
            range: (_u, dataMin, dataMax) => {
              const q = propsRef.current;
              if (q.xRangeMs) return [q.xRangeMs[0] / 1000, q.xRangeMs[1] / 1000];
              const half = stepOf(q.times) / 2;
              return [dataMin - half, dataMax + half];
            },
          },
          y: {
            range: () => [0, Math.max(propsRef.current.bounds.length, 1)],
          },
        },
        axes: [
          timeAxis(propsRef, false),
          {
            ...axisStyle(false),
            size: yAxisSize,
            splits: (u) => {
              const { bounds } = propsRef.current;
              const n = bounds.length;
              return axisSplits(n, u.bbox.height / uPlot.pxRatio, 18, bounds[n - 1] === Infinity);
            },
            values: (_u, splits) => {
              const q = propsRef.current;
              return splits.map((k) => {
                const v = splitBound(k, q.bounds, q.lowest);
                return v === undefined ? '' : formatBound(v, q.formatValue);
              });
            },
          },
        ],
        series: [
          {},
          ...p.lines.map((l) => ({
            label: l.label,
            stroke: l.color,
            width: 1.5,
            points: { show: false },
            spanGaps: false,
            show: !hidden.has(l.key),
          })),
          ...p.lines
            .filter((l) => l.past)
            .map((l) => ({
              label: `${l.label} (${p.compare?.label ?? ''})`,
              stroke: alpha(l.color, PAST_ALPHA),
              width: 1.5,
              dash: PAST_DASH,
              points: { show: false },
              spanGaps: false,
              show: !hidden.has(l.key),
            })),
        ],
        hooks: {
          drawClear: [(u) => drawCells(u, bitmapRef.current, propsRef.current)],
          draw: [(u) => drawExemplars(u, exemplarsRef, propsRef.current)],
          setCursor: [(u) => renderTooltip(u, tooltipRef.current, propsRef.current)],
          setSelect: [selectToZoom(() => propsRef.current.onZoom)],
        },
      };
    },
  });

  // The bitmap: rebuilt when the cells or the colour scale change, never on cursor moves. (After
  // the plot's creation in the same commit: uPlot's first draw is a microtask, it finds it.)
  useLayoutEffect(() => {
    const scale = colorScale(props.colorScale, range);
    const px = cellPixels(counts, times.length, scale, PALETTE);
    bitmapRef.current = toBitmap(px, times.length, counts.length, bitmapRef.current);
    // new line data is about to be set (and drawn) anyway: one draw, not two
    if (drawnDataRef.current === data) plotRef.current?.redraw(false, false);
  }, [counts, times.length, range, props.colorScale, data, drawnDataRef, plotRef]);

  // new exemplars: draw them (the cells and lines are unchanged)
  const exemplars = props.exemplars;
  useEffect(() => {
    if (exemplarsRef.current || exemplars?.points.length) plotRef.current?.redraw(false, false);
  }, [exemplars, plotRef]);
  useEffect(() => () => exemplarsRef.current?.layer.destroy(), []);

  const toggle = (key: string) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className="ts-chart heatmap-chart">
      <div className="ts-plot" ref={hostRef} data-testid="heatmap-plot">
        <div className="chart-tooltip" ref={tooltipRef} data-testid="heatmap-tooltip" hidden />
      </div>
      <div
        className="heatmap-footer"
        style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}
      >
        {lines.length > 0 && (
          <ul className="legend" aria-label="Legend">
            {lines.map((l) => (
              <li key={l.key}>
                <button
                  type="button"
                  className={hidden.has(l.key) ? 'legend-item off' : 'legend-item'}
                  data-testid="legend-item"
                  aria-pressed={!hidden.has(l.key)}
                  title="Click to show or hide this line"
                  onClick={() => toggle(l.key)}
                >
                  <span className="swatch" style={{ background: l.color }} />
                  {l.label}
                </button>
                {l.past && props.compare && (
                  <PastLegendItem
                    series={l}
                    label={props.compare.label}
                    off={hidden.has(l.key)}
                    onClick={(key) => toggle(key)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        <ColorLegend
          kind={props.colorScale}
          min={range.min}
          max={range.max}
          format={props.formatCount}
        />
      </div>
    </div>
  );
}

/** The colour ramp with the counts at its ends and middle. */
function ColorLegend(props: {
  kind: ColorScaleKind;
  min: number;
  max: number;
  format: (v: number) => string;
}) {
  const { kind, min, max, format } = props;
  if (!(max > 0)) return null;
  const inv = colorScaleInverse(kind, { min, max });
  const lo = kind === 'log' ? min : 0;
  return (
    <div
      className="heatmap-color-legend"
      data-testid="heatmap-color-legend"
      data-scale={kind}
      data-min={lo}
      data-max={max}
      style={{ display: 'flex', alignItems: 'center', gap: 4, fontSize: 11, color: 'var(--muted)' }}
      title={`Cell count, ${kind} colour scale`}
    >
      <span>{format(lo)}</span>
      <span
        style={{
          display: 'inline-block',
          width: 120,
          height: 8,
          borderRadius: 2,
          background: GRADIENT,
        }}
        title={`middle: ${format(inv(0.5))}`}
      />
      <span>{format(max)}</span>
    </div>
  );
}

function drawCells(u: uPlot, bmp: Bitmap | undefined, p: HeatmapChartProps) {
  const n = p.times.length;
  if (!bmp || n === 0 || p.bounds.length === 0) return;
  const half = stepOf(p.times) / 2;
  const left = u.valToPos(p.times[0]! - half, 'x', true);
  const right = u.valToPos(p.times[n - 1]! + half, 'x', true);
  const top = u.valToPos(p.bounds.length, 'y', true);
  const bottom = u.valToPos(0, 'y', true);
  drawBitmap(u.ctx, bmp, { left, top, width: right - left, height: bottom - top }, u.bbox);
}

/** Where an exemplar sits inside its row: by its value between the bucket's bounds, off the edges. */
function rowY(pt: HeatmapExemplarPoint, p: HeatmapChartProps): number {
  const y = valueToBucketY(pt.exemplar.value, p.bounds, p.lowest) - pt.bucket;
  return pt.bucket + (Number.isFinite(y) ? Math.min(0.8, Math.max(0.2, y)) : 0.5);
}

const leText = (v: number | undefined) => (v === Infinity ? '+Inf' : String(v));

/** The tooltip of a drawn dot: the exemplar, with its bucket. */
function heatmapExemplarTip(
  pt: HeatmapExemplarPoint,
  hidden: number,
  q: HeatmapChartProps,
): string {
  return exemplarTooltipHtml(pt.exemplar, {
    formatValue: q.formatValue,
    formatTime: q.formatTime,
    linkTemplate: q.exemplars?.linkTemplate,
    hidden,
    extra: [
      {
        name: 'Bucket',
        text: bucketRangeLabel(pt.bucket, q.bounds, q.lowest, q.formatValue),
        attrs: { testid: 'exemplar-tooltip-bucket', le: leText(q.bounds[pt.bucket]) },
      },
    ],
  });
}

/** Places the exemplar dots (decimated per pixel column and bucket row) over the cells. */
function drawExemplars(
  u: uPlot,
  ref: { current: ExemplarDots<HeatmapExemplarPoint> | undefined },
  p: HeatmapChartProps,
) {
  // a column's cell stands for its step's window (t − step, t] and is drawn over t ± step/2: a
  // dot goes where its time falls inside that window, half a step to the right
  const half = stepOf(p.times) / 2;
  const placed = (p.exemplars?.points ?? []).map((pt) => ({
    pt,
    x: u.valToPos(Math.min(pt.exemplar.timeSec + half, (p.times[pt.column] ?? NaN) + half), 'x'),
    y: u.valToPos(rowY(pt, p), 'y'),
    value: pt.exemplar.value,
    lane: pt.bucket,
    color: EXEMPLAR_COLOR,
    attrs: {
      'trace-id': pt.exemplar.labels.trace_id ?? '',
      le: leText(p.bounds[pt.bucket]),
      bucket: String(pt.bucket),
      'column-ms': String(Math.round((p.times[pt.column] ?? NaN) * 1000)),
      'time-ms': String(Math.round(pt.exemplar.timeSec * 1000)),
      value: String(pt.exemplar.value),
    },
  }));
  drawExemplarDots(u.over, ref, placed, u.bbox.width / uPlot.pxRatio, (pt, hidden) =>
    heatmapExemplarTip(pt, hidden, p),
  );
}
