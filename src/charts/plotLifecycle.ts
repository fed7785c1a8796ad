import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import uPlot from 'uplot';
import { subscribeTheme, themeToken } from '../theme/runtime';

/** The time-axis props both charts take. */
export interface TimeChartProps {
  /** formats a time (ms) for the tooltip header */
  formatTime: (ms: number) => string;
  /** x-axis labels: tick times (ms) and their spacing (ms) → labels; undefined = uPlot's */
  formatTimeTicks?: ((ticksMs: number[], spacingMs: number) => string[]) | undefined;
  /** 'utc' or an IANA zone for the x axis; undefined = the browser's zone */
  timeZone?: string | undefined;
  /** cursor sync group: panels with the same key share the crosshair */
  syncKey?: string | undefined;
  /** drag-to-zoom: the selected range in ms */
  onZoom?: ((fromMs: number, toMs: number) => void) | undefined;
  /** the x range to show (ms); undefined = the data's extent */
  xRangeMs?: [number, number] | undefined;
}

/** A ref that always holds the latest `value`, for uPlot hooks created once. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  // declared before the plot's own effects, so it runs before them
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

// The theme's tokens, read at every draw (a theme change redraws: see usePlot).
const AXIS_LINE = { stroke: () => themeToken('--chart-grid', 'gray'), width: 1 };

/** Axis colours of the current theme; `grid` = grid lines across the plot. */
export function axisStyle(grid: boolean): Pick<uPlot.Axis, 'stroke' | 'grid' | 'ticks'> {
  return {
    stroke: () => themeToken('--chart-axis', 'gray'),
    grid: grid ? AXIS_LINE : { show: false },
    ticks: AXIS_LINE,
  };
}

/**
 * The options every chart starts from: the host's size, no uPlot legend, a horizontal drag
 * (turned into a zoom by `selectToZoom`), the shared crosshair and the x axis's time zone;
 * `cursor` adds to the cursor options.
 */
export function basePlotOptions(
  host: HTMLElement,
  p: TimeChartProps,
  cursor: uPlot.Cursor,
): Pick<uPlot.Options, 'width' | 'height' | 'legend' | 'cursor' | 'tzDate'> {
  const { syncKey, timeZone } = p;
  return {
    width: Math.max(host.clientWidth, 50),
    height: Math.max(host.clientHeight, 50),
    legend: { show: false },
    cursor: {
      drag: { x: true, y: false, setScale: false },
      sync: syncKey ? { key: syncKey, setSeries: false } : undefined,
      ...cursor,
    },
    ...(timeZone ? { tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), timeZone) } : {}),
  };
}

/** The x axis: time labels from the latest `formatTimeTicks` when there is one, else uPlot's. */
export function timeAxis(props: RefObject<TimeChartProps>, grid: boolean): uPlot.Axis {
  return {
    ...axisStyle(grid),
    ...(props.current.formatTimeTicks ? timeAxisOptions(() => props.current.formatTimeTicks) : {}),
  };
}

/**
 * A uPlot in `hostRef`, created from `options(host)` in a layout effect (again only when
 * `layoutKey` changes: series set, style, sync group, zone) and destroyed on unmount; then kept
 * up to date by `usePlotUpdates`. `redrawKey` stands for what the draw hooks read besides the
 * data: a change redraws (not on creation, which draws anyway). `rangeKey` stands for what the
 * scales' range functions read besides the data: a change is applied like new data.
 */
export function usePlot(opts: {
  hostRef: RefObject<HTMLDivElement | null>;
  options: (host: HTMLDivElement) => uPlot.Options;
  layoutKey: string;
  data: uPlot.AlignedData;
  series: readonly { key: string }[];
  hidden: ReadonlySet<string>;
  redrawKey?: string | undefined;
  rangeKey?: string | undefined;
}): { plotRef: RefObject<uPlot | null>; drawnDataRef: RefObject<uPlot.AlignedData | null> } {
  const { hostRef, options, layoutKey, data, series, hidden, redrawKey, rangeKey } = opts;
  const plotRef = useRef<uPlot | null>(null);
  const drawnDataRef = useRef<uPlot.AlignedData | null>(null);
  const drawnRedrawKey = useRef(redrawKey);
  const rangedKeyRef = useRef(rangeKey);
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const u = new uPlot(options(host), data, host);
    plotRef.current = u;
    drawnDataRef.current = data;
    drawnRedrawKey.current = redrawKey;
    rangedKeyRef.current = rangeKey;
    return () => {
      u.destroy();
      plotRef.current = null;
    };
    // Recreate only on a new layout; data and size changes are applied by usePlotUpdates.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layoutKey]);

  // uPlot's first draw is a microtask: a redraw from this (later) effect on creation would draw
  // everything a second time.
  useEffect(() => {
    if (drawnRedrawKey.current === redrawKey) return;
    drawnRedrawKey.current = redrawKey;
    plotRef.current?.redraw(false, false);
  }, [redrawKey]);

  // a new theme: axes and grid take its colours (uPlot reads them at every draw)
  useEffect(() => subscribeTheme(() => plotRef.current?.redraw(false, false)), []);

  usePlotUpdates({ plotRef, hostRef, drawnDataRef, rangedKeyRef, data, rangeKey, series, hidden });
  return { plotRef, drawnDataRef };
}

/**
 * uPlot `setSelect` hook shared by the charts: a horizontal drag of more than 2 px becomes a new
 * absolute range (ms) through `onZoom()`; the selection box is then cleared.
 */
export function selectToZoom(
  onZoom: () => ((fromMs: number, toMs: number) => void) | undefined,
): (u: uPlot) => void {
  return (u) => {
    const sel = u.select;
    if (sel.width > 2) {
      const from = u.posToVal(sel.left, 'x') * 1000;
      const to = u.posToVal(sel.left + sel.width, 'x') * 1000;
      onZoom()?.(Math.round(from), Math.round(to));
    }
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
  };
}

/**
 * The updates a created plot receives instead of being rebuilt: new data or a new `rangeKey`
 * (one `setData`, which ranges the scales again; skipped when the plot was created with these in
 * the same commit), series visibility, and size changes of its host element.
 */
function usePlotUpdates(opts: {
  plotRef: RefObject<uPlot | null>;
  hostRef: RefObject<HTMLDivElement | null>;
  drawnDataRef: RefObject<uPlot.AlignedData | null>;
  rangedKeyRef: RefObject<string | undefined>;
  data: uPlot.AlignedData;
  rangeKey: string | undefined;
  /** one entry per drawn series (uPlot series 1…n) */
  series: readonly { key: string }[];
  hidden: ReadonlySet<string>;
}): void {
  const { plotRef, hostRef, drawnDataRef, rangedKeyRef, data, rangeKey, series, hidden } = opts;
  useEffect(() => {
    // A plot created in this same commit already has this data: drawing it twice costs a frame.
    if (drawnDataRef.current === data && rangedKeyRef.current === rangeKey) return;
    drawnDataRef.current = data;
    rangedKeyRef.current = rangeKey;
    plotRef.current?.setData(data);
  }, [data, rangeKey, drawnDataRef, rangedKeyRef, plotRef]);

  useEffect(() => {
    const u = plotRef.current;
    if (!u) return;
    series.forEach((s, i) => {
      const show = !hidden.has(s.key);
      if (u.series[i + 1]?.show !== show) u.setSeries(i + 1, { show });
    });
  }, [hidden, series, plotRef]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // NOTE: an observer reports once right after observe(); uPlot's setSize redraws everything
    // even at the same size, so only real changes go through (a full second draw otherwise).
    const ro = new ResizeObserver(() => {
      const u = plotRef.current;
      const width = host.clientWidth;
      const height = Math.max(host.clientHeight, 50);
      if (u && width > 0 && (width !== u.width || height !== u.height))
        u.setSize({ width, height });
    });
    ro.observe(host);
    return () => ro.disconnect();
  }, [hostRef, plotRef]);
}

/** Width of one axis label character at uPlot's 12px axis font, and the gap between labels. */
const TICK_CHAR_PX = 7;
const TICK_GAP_PX = 14;

/**
 * uPlot x-axis options for time labels from `format` (tick times in ms, their spacing in ms →
 * labels, one line each), with a minimum tick distance wide enough for those labels: uPlot's
 * default 50 px fits "HH:mm" but not "HH:mm:ss" or "MM-DD HH:mm", which then ran into each other.
 */
export function timeAxisOptions(
  format: () => ((ticksMs: number[], spacingMs: number) => string[]) | undefined,
): Pick<uPlot.Axis, 'values' | 'space' | 'size'> {
  return {
    // one line of labels under 10 px ticks: uPlot's default 50 px is room for two lines
    size: 32,
    values: (_u, ticks, _axisIdx, _space, incr) => {
      const f = format();
      return f
        ? f(
            ticks.map((t) => t * 1000),
            incr * 1000,
          )
        : ticks.map(String);
    },
    space: (_u, _axisIdx, min, max, plotDim) => timeAxisSpace(format(), min, max, plotDim),
  };
}

/** The smallest tick distance (px, at least 50) that leaves room between the labels `format` writes. */
export function timeAxisSpace(
  format: ((ticksMs: number[], spacingMs: number) => string[]) | undefined,
  minS: number,
  maxS: number,
  plotDimPx: number,
): number {
  let space = 50;
  const rangeS = maxS - minS;
  if (!format || !(rangeS > 0) || !(plotDimPx > 0)) return space;
  // the label format depends on the spacing, which depends on the space: settle in a few rounds
  for (let i = 0; i < 4; i++) {
    const spacingMs = ((rangeS * space) / plotDimPx) * 1000;
    const label = format([minS * 1000], spacingMs)[0] ?? '';
    const need = label.length * TICK_CHAR_PX + TICK_GAP_PX;
    if (need <= space) break;
    space = need;
  }
  return space;
}

/**
 * Width of the y axis from its widest tick label (uPlot's documented pattern), so labels such as
 * "20 req/s" or "1.5 GiB" are never clipped; recomputed only on the first layout cycles.
 */
export function yAxisSize(
  u: uPlot,
  values: string[] | null,
  axisIdx: number,
  cycleNum: number,
): number {
  const axis = u.axes[axisIdx] as uPlot.Axis & { _size?: number };
  if (cycleNum > 1 && axis._size) return axis._size;
  const ticks = typeof axis.ticks === 'object' ? (axis.ticks.size ?? 10) : 10;
  let size = ticks + (axis.gap ?? 5) + 4;
  if (values && values.length > 0) {
    const font = Array.isArray(axis.font) ? axis.font[0] : undefined;
    u.ctx.font = typeof font === 'string' ? font : '12px system-ui, sans-serif';
    // the widest label as drawn, not the one with most characters ("−0.1" vs "100" in a
    // proportional font)
    const widest = values.reduce((w, v) => Math.max(w, u.ctx.measureText(v).width), 0);
    size += widest / (globalThis.devicePixelRatio || 1);
  }
  return Math.max(40, Math.ceil(size));
}
