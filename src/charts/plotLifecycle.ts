import { useEffect, type RefObject } from 'react';
import type uPlot from 'uplot';

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
 * The updates a created plot receives instead of being rebuilt: new data (skipped when the plot
 * was created with this very data in the same commit), series visibility, and size changes of its
 * host element.
 */
export function usePlotUpdates(opts: {
  plotRef: RefObject<uPlot | null>;
  hostRef: RefObject<HTMLDivElement | null>;
  drawnDataRef: RefObject<uPlot.AlignedData | null>;
  data: uPlot.AlignedData;
  /** one entry per drawn series (uPlot series 1…n) */
  series: readonly { key: string }[];
  hidden: ReadonlySet<string>;
}): void {
  const { plotRef, hostRef, drawnDataRef, data, series, hidden } = opts;
  useEffect(() => {
    // A plot created in this same commit already has this data: drawing it twice costs a frame.
    if (drawnDataRef.current === data) return;
    drawnDataRef.current = data;
    plotRef.current?.setData(data);
  }, [data, drawnDataRef, plotRef]);

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
 * Width of the y axis from its longest tick label (uPlot's documented pattern), so labels such as
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
  const longest = (values ?? []).reduce((a, v) => (v.length > a.length ? v : a), '');
  if (longest) {
    const font = Array.isArray(axis.font) ? axis.font[0] : undefined;
    u.ctx.font = typeof font === 'string' ? font : '12px system-ui, sans-serif';
    size += u.ctx.measureText(longest).width / (window.devicePixelRatio || 1);
  }
  return Math.max(40, Math.ceil(size));
}
