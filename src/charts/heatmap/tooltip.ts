import type uPlot from 'uplot';
import { bucketRangeLabel, formatBound } from './draw';
import type { HeatmapChartProps } from './HeatmapChart';
import { escapeHtml, placeTooltip } from '../tooltipDom';
import { pastRowHtml } from '../timeseries/compareTooltip';

/** The parts of uPlot the tooltip reads (a real instance, or a stub in tests). */
export type TooltipPlot = Pick<uPlot, 'cursor' | 'posToVal' | 'series'> & {
  over: Pick<HTMLElement, 'matches' | 'offsetLeft' | 'offsetTop'>;
  root: Pick<HTMLElement, 'clientWidth'>;
};

/**
 * Writes the cell tooltip into `el`: time, bucket range, count, share of the column, then one
 * row per visible line with its raw value (`data-q`, `data-value`) for end-to-end checks.
 * Hidden unless the pointer is over this plot (a synced crosshair moves in every panel).
 */
export function renderTooltip(u: TooltipPlot, el: HTMLDivElement | null, p: HeatmapChartProps) {
  if (!el) return;
  const idx = u.cursor.idx;
  const left = u.cursor.left ?? -1;
  const top = u.cursor.top ?? -1;
  if (idx == null || left < 0 || top < 0 || !u.over.matches(':hover')) {
    el.hidden = true;
    return;
  }
  const t = p.times[idx];
  const b = Math.floor(u.posToVal(top, 'y'));
  if (t === undefined || b < 0 || b >= p.bounds.length) {
    el.hidden = true;
    return;
  }
  const count = p.counts[b]?.[idx] ?? NaN;
  const total = p.totals[idx] ?? NaN;
  const share = total > 0 && count >= 0 ? (count / total) * 100 : NaN;
  const rows: string[] = [
    `<div class="tt-time" data-testid="heatmap-tooltip-time" data-time-ms="${Math.round(t * 1000)}">${escapeHtml(p.formatTime(t * 1000))}</div>`,
    `<div class="tt-row" data-testid="heatmap-bucket" data-bucket="${b}" data-le="${p.bounds[b]}"><span class="tt-name">Bucket</span><span class="tt-value">${escapeHtml(bucketRangeLabel(b, p.bounds, p.lowest, p.formatValue))}</span></div>`,
    `<div class="tt-row" data-testid="heatmap-count" data-value="${count}"><span class="tt-name">Count</span><span class="tt-value">${Number.isNaN(count) ? 'No value' : escapeHtml(p.formatCount(count))}</span></div>`,
    `<div class="tt-row" data-testid="heatmap-share" data-value="${share}"><span class="tt-name">Share of column</span><span class="tt-value">${Number.isNaN(share) ? '–' : `${share.toFixed(1)} %`}</span></div>`,
  ];
  p.lines.forEach((l, i) => {
    if (u.series[i + 1]?.show === false) return;
    const v = l.values[idx] ?? NaN;
    rows.push(
      `<div class="tt-row" data-testid="heatmap-quantile" data-q="${l.q ?? ''}" data-value="${v}"><span class="swatch" style="background:${escapeHtml(l.color)}"></span>` +
        `<span class="tt-name">${escapeHtml(l.label)}</span><span class="tt-value">${Number.isNaN(v) ? 'No value' : escapeHtml(formatBound(v, p.formatValue))}</span></div>`,
    );
    // compare to the past: the percentile then, at its real time, and the change since
    if (p.compare && l.past)
      rows.push(
        pastRowHtml(
          { formatValue: (x) => formatBound(x, p.formatValue), formatTime: p.formatTime },
          p.compare,
          l,
          idx,
          t,
        ),
      );
  });
  el.innerHTML = rows.join('');
  placeTooltip(el, u, left, Math.max(0, top - 8));
}
