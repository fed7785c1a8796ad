// What is drawn over and under the series: threshold bands and annotation markers.
import type uPlot from 'uplot';
import { alpha } from '../../units/colors';
import { escapeHtml } from '../tooltipDom';
import type { TimeSeriesChartProps } from './types';

/** Threshold areas (under the series) or lines (over them), clipped to the plotting area. */
export function drawThresholds(u: uPlot, p: TimeSeriesChartProps, what: 'area' | 'line') {
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
export function drawAnnotations(u: uPlot, p: TimeSeriesChartProps, el: HTMLDivElement | null) {
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
