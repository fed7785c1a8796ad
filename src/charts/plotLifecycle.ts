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
