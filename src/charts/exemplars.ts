// Exemplar dots, the pure parts both charts share: decimation per pixel column (a dense run
// stays readable, the extreme values are kept) and the tooltip's HTML (labels, value, the real
// timestamp, the trace id as a link through the datasource's template).
import type { Exemplar } from '../model/exemplar';
import { exemplarLink } from '../model/exemplarLink';
import { escapeHtml } from './tooltipDom';

/** Dot diameter in CSS px; also the width of a decimation column. */
export const DOT_PX = 8;

/** A dot before decimation: its x in CSS px, the value it keeps extremes of, and its lane. */
export interface DecimationInput {
  x: number;
  value: number;
  /** dots of different lanes never hide each other (heatmap: bucket row; time series: query) */
  lane: string | number;
}

/**
 * Keeps, per column of `columnPx` pixels and per lane, only the dots with the lowest and the
 * highest value (one when they are the same dot), in input order; dots with a non-finite x are
 * dropped. How many were hidden per kept dot is returned beside it.
 */
export function decimateDots<T extends DecimationInput>(
  dots: readonly T[],
  columnPx = DOT_PX,
): { dot: T; hidden: number }[] {
  const cells = new Map<string, { min: number; max: number; n: number }>();
  dots.forEach((d, i) => {
    if (!Number.isFinite(d.x)) return;
    const key = `${Math.floor(d.x / columnPx)}\u0000${d.lane}`;
    const c = cells.get(key);
    if (!c) cells.set(key, { min: i, max: i, n: 1 });
    else {
      c.n++;
      // ties keep the earliest dot
      if (d.value < dots[c.min]!.value) c.min = i;
      if (d.value > dots[c.max]!.value) c.max = i;
    }
  });
  const kept = new Map<number, number>();
  for (const c of cells.values()) {
    const shown = c.min === c.max ? 1 : 2;
    kept.set(c.min, c.n - shown);
    kept.set(c.max, c.n - shown);
  }
  return [...kept.keys()]
    .sort((a, b) => a - b)
    .map((i) => ({ dot: dots[i]!, hidden: kept.get(i)! }));
}

export interface ExemplarTooltipOptions {
  formatValue: (v: number) => string;
  formatTime: (ms: number) => string;
  /** the datasource's exemplar link template, when it has one */
  linkTemplate?: string | undefined;
  /** rows before the labels, e.g. the heatmap's bucket: [name, text, data attributes] */
  extra?: readonly { name: string; text: string; attrs?: Record<string, string> }[];
  /** dots hidden behind this one by the decimation */
  hidden?: number;
}

const TRACE_LABELS = ['trace_id', 'traceID', 'traceId'];

const attrs = (a: Record<string, string> | undefined) =>
  Object.entries(a ?? {})
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join('');

const row = (name: string, valueHtml: string, more = '') =>
  `<div class="tt-row"${more}><span class="tt-name">${escapeHtml(name)}</span><span class="tt-value">${valueHtml}</span></div>`;

/**
 * The tooltip of one exemplar: its real time, value, extra rows, then its labels (the trace id
 * a link when the template gives one, with `rel="noopener noreferrer"`, in a new tab), then the
 * series it was recorded on. Every text is escaped.
 */
export function exemplarTooltipHtml(e: Exemplar, o: ExemplarTooltipOptions): string {
  const ms = Math.round(e.timeSec * 1000);
  const parts = [
    `<div class="tt-time" data-testid="exemplar-tooltip-time" data-time-ms="${ms}">Exemplar · ${escapeHtml(o.formatTime(ms))}</div>`,
    row(
      'Value',
      escapeHtml(o.formatValue(e.value)),
      ` data-testid="exemplar-tooltip-value" data-value="${e.value}"`,
    ),
    ...(o.extra ?? []).map((x) => row(x.name, escapeHtml(x.text), attrs(x.attrs))),
  ];
  const link = o.linkTemplate ? exemplarLink(o.linkTemplate, e) : undefined;
  for (const [k, v] of Object.entries(e.labels)) {
    const isTrace = TRACE_LABELS.includes(k);
    let html = escapeHtml(v);
    if (isTrace && link && 'href' in link)
      html = `<a href="${escapeHtml(link.href)}" target="_blank" rel="noopener noreferrer" data-testid="exemplar-trace-link" title="${escapeHtml(link.href)}">${html}</a>`;
    else if (isTrace && link && 'error' in link)
      html += ` <span class="muted" title="${escapeHtml(link.error)}">(no link: ${escapeHtml(link.error)})</span>`;
    parts.push(row(k, html, ` data-testid="exemplar-label" data-label="${escapeHtml(k)}"`));
  }
  const series = Object.entries(e.seriesLabels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
  if (series)
    parts.push(`<div class="tt-row exemplar-series muted">${escapeHtml(`{${series}}`)}</div>`);
  if (o.hidden)
    parts.push(
      `<div class="tt-row muted">${o.hidden} more exemplar${o.hidden === 1 ? '' : 's'} nearby (the lowest and highest are shown)</div>`,
    );
  return parts.join('');
}
