// The time series tooltip, written straight into the DOM by a cursor hook (no React render per
// mouse move).
import type uPlot from 'uplot';
import { escapeHtml, placeTooltip } from '../tooltipDom';
import { pastRowHtml } from './compareTooltip';
import type { TimeSeriesChartProps } from './types';

/** What the tooltip element holds: rows for these props at this index (reset on setSeries). */
export interface TooltipState {
  p?: TimeSeriesChartProps | undefined;
  idx?: number | undefined;
  /** the series the pointer is near (uPlot's focus), index into `p.series`; null = none */
  focused?: number | null | undefined;
  /** pinned by a click (data links): stays as it is until unpinned */
  pinned?: boolean | undefined;
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
  if (!el || shown.pinned) return;
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
    el.innerHTML =
      tooltipHtml(p, idx, t, (i) => u.series[i + 1]?.show !== false) +
      tooltipLinksHtml(p, idx, shown.focused);
  }
  placeTooltip(el, u, left, 8);
}

/** The tooltip's rows at index `idx` (time `t`, seconds); `shown(i)`: series i is visible. */
export function tooltipHtml(
  p: Pick<TimeSeriesChartProps, 'series' | 'formatValue' | 'formatTime' | 'compare'>,
  idx: number,
  t: number,
  shown: (i: number) => boolean,
): string {
  const rows: string[] = [];
  p.series.forEach((s, i) => {
    if (!shown(i) || s.hideFrom?.tooltip) return;
    const v = s.values[idx]!;
    // compare to the past: the value then, at its real time, and the change since
    const past = p.compare && s.past ? pastRowHtml(p, p.compare, s, idx, t) : '';
    if (Number.isNaN(v) && !past) return;
    rows.push(
      `<div class="tt-row" data-testid="tooltip-row"><span class="swatch" style="background:${s.color}"></span>` +
        `<span class="tt-name">${escapeHtml(s.label)}</span><span class="tt-value" data-value="${v}">${Number.isNaN(v) ? '–' : escapeHtml((s.formatValue ?? p.formatValue)(v))}</span></div>` +
        past,
    );
  });
  return (
    `<div class="tt-time" data-testid="tooltip-time" data-time-ms="${Math.round(t * 1000)}">${escapeHtml(p.formatTime(t * 1000))}</div>` +
    (rows.length ? rows.join('') : '<div class="tt-empty">No value</div>')
  );
}

/**
 * The data links of the hovered series (the only series when there is one), under the rows;
 * a hint where links exist but no series is pointed at.
 */
export function tooltipLinksHtml(
  p: Pick<TimeSeriesChartProps, 'series' | 'dataLinks'>,
  idx: number,
  focused: number | null | undefined,
): string {
  if (!p.dataLinks || p.series.length === 0) return '';
  const i = focused ?? (p.series.length === 1 ? 0 : undefined);
  const s = i === undefined ? undefined : p.series[i];
  if (i === undefined || !s)
    return '<div class="tt-links-hint">Point at a line for its links</div>';
  const links = p.dataLinks(i, idx);
  if (links.length === 0) return '';
  const anchors = links.map((l) =>
    l.href === undefined
      ? `<span class="tt-link blocked" title="${escapeHtml(l.hover)}">${escapeHtml(l.title)}</span>`
      : `<a class="tt-link" data-testid="tooltip-link" href="${escapeHtml(l.href)}" rel="noopener noreferrer"` +
        `${l.targetBlank ? ' target="_blank"' : ''} title="${escapeHtml(l.hover)}">${escapeHtml(l.title)}</a>`,
  );
  return (
    `<div class="tt-links" data-testid="tooltip-links"><div class="tt-links-head">` +
    `<span class="swatch" style="background:${s.color}"></span>${escapeHtml(s.label)}` +
    `<span class="tt-pin-hint"></span></div>${anchors.join('')}</div>`
  );
}

/**
 * With data links, a click on the plot pins the tooltip (its links become clickable); a click
 * on the plot again, Escape or a click elsewhere unpins it. A drag (zoom) does not pin.
 */
export function pinTooltipOnClick(
  u: uPlot,
  el: HTMLDivElement | null,
  shown: TooltipState,
  enabled: () => boolean,
): void {
  if (!el) return;
  let down: { x: number; y: number } | undefined;
  const unpin = (hide: boolean) => {
    shown.pinned = false;
    el.classList.remove('pinned');
    document.removeEventListener('mousedown', outside, true);
    document.removeEventListener('keydown', escape);
    if (hide) el.hidden = true;
  };
  const outside = (e: MouseEvent) => {
    const target = e.target as Node;
    if (!u.over.isConnected || !(el.contains(target) || u.over.contains(target))) unpin(true);
  };
  const escape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') unpin(true);
  };
  u.over.addEventListener('mousedown', (e) => {
    down = { x: e.clientX, y: e.clientY };
  });
  u.over.addEventListener('click', (e) => {
    const dragged = down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 3;
    if (shown.pinned) {
      unpin(false);
      return;
    }
    if (dragged || !enabled() || el.hidden || !el.querySelector('.tt-links')) return;
    shown.pinned = true;
    el.classList.add('pinned');
    // the pinned hint is wider: place the box again so that it stays inside the chart
    placeTooltip(el, u, u.cursor.left ?? 0, 8);
    document.addEventListener('mousedown', outside, true);
    document.addEventListener('keydown', escape);
  });
}
