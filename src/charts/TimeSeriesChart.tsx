import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { finiteExtent, toUPlotColumn } from './gaps';

/** One line of the chart. */
export interface ChartSeries {
  /** stable identity across data updates (e.g. refId + series name) */
  key: string;
  label: string;
  values: Float64Array;
  color: string;
}

export interface TimeSeriesChartProps {
  /** seconds since epoch, shared by every series */
  times: Float64Array;
  series: ChartSeries[];
  /** formats a value for the tooltip and legend */
  formatValue: (v: number) => string;
  /** formats the y-axis ticks together (shared suffix and decimals) */
  formatTicks: (values: number[]) => string[];
  /** x-axis labels: tick times (ms) and their spacing (ms) → labels; undefined = uPlot's */
  formatTimeTicks?: ((ticksMs: number[], spacingMs: number) => string[]) | undefined;
  /** formats a time (ms) for the tooltip header */
  formatTime: (ms: number) => string;
  /** 'utc' or an IANA zone for the x axis; undefined = the browser's zone */
  timeZone?: string | undefined;
  /** cursor sync group: panels with the same key share the crosshair */
  syncKey?: string | undefined;
  /** fixed y range ends (undefined = auto) */
  min?: number | undefined;
  max?: number | undefined;
  /** show the tooltip in every synced panel, not only the hovered one (graphTooltip 2) */
  sharedTooltip?: boolean | undefined;
  /** drag-to-zoom: the selected range in ms */
  onZoom?: ((fromMs: number, toMs: number) => void) | undefined;
  /** the x range to show (ms): the query range, so gaps at the edges stay visible */
  xRangeMs?: [number, number] | undefined;
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
  const plotRef = useRef<uPlot | null>(null);
  const drawnData = useRef<uPlot.AlignedData | null>(null);
  const propsRef = useRef(props);
  // Hooks read the latest props through this ref; declared first, so it runs before the others.
  useLayoutEffect(() => {
    propsRef.current = props;
  });
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());

  // Series layout identity: a new uPlot only when the set or order of series changes.
  const layoutKey = useMemo(
    () => series.map((s) => s.key + '\u0000' + s.color).join('\u0001'),
    [series],
  );

  const data = useMemo<uPlot.AlignedData>(
    () => [times, ...series.map((s) => toUPlotColumn(s.values))] as unknown as uPlot.AlignedData,
    [times, series],
  );

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const p = propsRef.current;
    const opts: uPlot.Options = {
      width: Math.max(host.clientWidth, 50),
      height: Math.max(host.clientHeight, 50),
      legend: { show: false },
      cursor: {
        drag: { x: true, y: false, setScale: false },
        sync: p.syncKey ? { key: p.syncKey, setSeries: false } : undefined,
        points: { size: 6 },
        focus: { prox: 16 },
      },
      focus: { alpha: 0.35 },
      ...(p.timeZone
        ? { tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), p.timeZone!) }
        : {}),
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
        },
      },
      axes: [
        {
          stroke: '#9aa4b2',
          grid: { stroke: '#2a303b', width: 1 },
          ticks: { stroke: '#2a303b', width: 1 },
        },
        {
          stroke: '#9aa4b2',
          size: 60,
          grid: { stroke: '#2a303b', width: 1 },
          ticks: { stroke: '#2a303b', width: 1 },
          values: (_u, ticks) => propsRef.current.formatTicks(ticks),
        },
      ],
      series: [
        {},
        ...p.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 1,
          points: { show: false },
          spanGaps: false,
          show: !hidden.has(s.key),
        })),
      ],
      hooks: {
        setCursor: [(u) => renderTooltip(u, tooltipRef.current, propsRef.current)],
        setSelect: [
          (u) => {
            const sel = u.select;
            if (sel.width > 2) {
              const from = u.posToVal(sel.left, 'x') * 1000;
              const to = u.posToVal(sel.left + sel.width, 'x') * 1000;
              propsRef.current.onZoom?.(Math.round(from), Math.round(to));
            }
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          },
        ],
      },
    };
    const u = new uPlot(opts, data, host);
    plotRef.current = u;
    drawnData.current = data;
    return () => {
      u.destroy();
      plotRef.current = null;
    };
    // Recreate only on a new series layout; data and size changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layoutKey, props.syncKey, props.timeZone]);

  useEffect(() => {
    // A plot created in this same commit already has this data: drawing it twice costs a frame.
    if (drawnData.current === data) return;
    drawnData.current = data;
    plotRef.current?.setData(data);
  }, [data]);

  useEffect(() => {
    const u = plotRef.current;
    if (!u) return;
    series.forEach((s, i) => {
      const show = !hidden.has(s.key);
      if (u.series[i + 1]?.show !== show) u.setSeries(i + 1, { show });
    });
  }, [hidden, series]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const ro = new ResizeObserver(() => {
      const u = plotRef.current;
      if (u && host.clientWidth > 0)
        u.setSize({ width: host.clientWidth, height: Math.max(host.clientHeight, 50) });
    });
    ro.observe(host);
    return () => ro.disconnect();
  }, []);

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

  return (
    <div className="ts-chart">
      <div className="ts-plot" ref={hostRef}>
        <div className="chart-tooltip" ref={tooltipRef} data-testid="tooltip" hidden />
      </div>
      <Legend series={series} hidden={hidden} onClick={onLegendClick} />
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
  const visible = p.series.filter((_s, i) => u.series[i + 1]?.show !== false).map((s) => s.values);
  let [lo, hi] = finiteExtent(visible.length ? visible : p.series.map((s) => s.values));
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

function renderTooltip(u: uPlot, el: HTMLDivElement | null, p: TimeSeriesChartProps) {
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
  el.innerHTML =
    `<div class="tt-time" data-testid="tooltip-time" data-time-ms="${Math.round(t * 1000)}">${escapeHtml(p.formatTime(t * 1000))}</div>` +
    (rows.length ? rows.join('') : '<div class="tt-empty">No value</div>');
  el.hidden = false;
  const plotLeft = u.over.offsetLeft;
  const x = plotLeft + left;
  const width = el.offsetWidth;
  const hostWidth = u.root.clientWidth;
  el.style.left = `${x + 16 + width > hostWidth ? Math.max(0, x - 16 - width) : x + 16}px`;
  el.style.top = `${u.over.offsetTop + 8}px`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
