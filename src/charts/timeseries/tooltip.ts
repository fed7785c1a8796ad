// The time series tooltip, written straight into the DOM by a cursor hook (no React render per
// mouse move).
import type uPlot from 'uplot';
import { escapeHtml, placeTooltip } from '../tooltipDom';
import type { TimeSeriesChartProps } from './types';

/** What the tooltip element holds: rows for these props at this index (reset on setSeries). */
export interface TooltipState {
  p?: TimeSeriesChartProps | undefined;
  idx?: number | undefined;
}

/**
 * Per mouse move: the rows are rebuilt only when the point (or the props, or a series'
 * visibility) changed; moving within one point only moves the box.
 */
export function renderTooltip(
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
    el.innerHTML = tooltipHtml(p, idx, t, (i) => u.series[i + 1]?.show !== false);
  }
  placeTooltip(el, u, left, 8);
}

/** The tooltip's rows at index `idx` (time `t`, seconds); `shown(i)`: series i is visible. */
export function tooltipHtml(
  p: Pick<TimeSeriesChartProps, 'series' | 'formatValue' | 'formatTime'>,
  idx: number,
  t: number,
  shown: (i: number) => boolean,
): string {
  const rows: string[] = [];
  p.series.forEach((s, i) => {
    if (!shown(i)) return;
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
