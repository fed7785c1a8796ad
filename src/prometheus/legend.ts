import type { Labels } from '../model/frame';

const TEMPLATE = /\{\{\s*([^{}]+?)\s*\}\}/g;

/**
 * Grafana legend semantics: `{{label}}` (spaces inside the braces allowed) becomes the label's
 * value; a label the series lacks shows its own name, as Grafana's `renderLegendFormat` does
 * (`labels[key] ?? key`). '' or `__auto` falls back to the series name.
 */
export function formatLegend(format: string | undefined, labels: Labels): string {
  if (!format || format === '__auto') return seriesName(labels);
  return format.replace(TEMPLATE, (_, key: string) => labels[key.trim()] ?? key.trim());
}

/**
 * The legends of one query's series. `__auto` is Grafana's "Auto" legend: only the labels whose
 * values differ between the series (a label some series lack differs too) — one such label shows
 * its value alone, several show as `{a="1", b="2"}` — or, when nothing differs (one series), the
 * metric name, else the series name. Other formats are per series (`formatLegend`).
 */
export function legendNames(format: string | undefined, series: readonly Labels[]): string[] {
  if (format !== '__auto' || series.length === 0) return series.map((l) => formatLegend(format, l));
  const keys = new Set<string>();
  for (const l of series) for (const k of Object.keys(l)) keys.add(k);
  const first = series[0]!;
  const differing = [...keys]
    .filter((k) => series.some((l) => l[k] !== first[k]))
    .sort((a, b) => (a === '__name__' ? -1 : b === '__name__' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  if (differing.length === 0) return series.map((l) => l.__name__ ?? seriesName(l));
  if (differing.length === 1) return series.map((l) => l[differing[0]!] ?? '');
  return series.map((l) => {
    const picked: Labels = {};
    for (const k of differing) if (l[k] !== undefined) picked[k] = l[k];
    return seriesName(picked);
  });
}

/** Prometheus-style series name: `metric{a="1", b="2"}`, `{}` for no labels. */
export function seriesName(labels: Labels): string {
  const name = labels.__name__ ?? '';
  const parts: string[] = [];
  for (const k of Object.keys(labels).sort()) {
    if (k === '__name__') continue;
    parts.push(`${k}="${escapeLabelValue(labels[k]!)}"`);
  }
  if (!parts.length) return name || '{}';
  return `${name}{${parts.join(', ')}}`;
}

function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
