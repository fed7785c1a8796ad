// The tooltip line under a series when comparing to the past: "1 w ago · <its real time>", the
// value then, and the change from then to now (absolute and %, signed and coloured).
import '../compare.css';
import { arrow, delta, direction, formatAbs, formatPct, pastTimeText } from '../compareMath';
import { escapeHtml } from '../tooltipDom';
import { PAST_ALPHA } from './compareSeries';
import { alpha } from '../../units/colors';
import type { ChartCompare, ChartSeries, TimeSeriesChartProps } from './types';

/** The past line of series `s` at index `idx` (present time `t`, s); '' when it has no value. */
export function pastRowHtml(
  p: Pick<TimeSeriesChartProps, 'formatValue' | 'formatTime'>,
  compare: ChartCompare,
  s: ChartSeries,
  idx: number,
  t: number,
): string {
  const then = s.past?.[idx];
  if (then === undefined || Number.isNaN(then)) return '';
  const thenMs = Math.round((t - compare.offsetSec) * 1000);
  const fmt = s.formatValue ?? p.formatValue;
  const d = delta(s.values[idx]!, then);
  const dir = direction(d.abs);
  const change = Number.isNaN(d.abs)
    ? ''
    : `<span class="tt-delta delta-${dir}" data-testid="tooltip-delta">${escapeHtml(
        `${arrow(dir)} ${formatAbs(d.abs, fmt)} · ${formatPct(d.pct)}`,
      )}</span>`;
  return (
    `<div class="tt-past" data-testid="tooltip-past" data-then="${then}" data-then-time-ms="${thenMs}" data-delta="${d.abs}" data-pct="${d.pct}">` +
    `<span class="swatch swatch-dashed" style="border-top-color:${alpha(s.color, PAST_ALPHA)}"></span>` +
    `<span class="tt-then">${escapeHtml(`${compare.label} · ${pastTimeText(p.formatTime(thenMs), p.formatTime(t * 1000))}`)}</span>` +
    `<span class="tt-value">${escapeHtml(fmt(then))}</span>${change}</div>`
  );
}
