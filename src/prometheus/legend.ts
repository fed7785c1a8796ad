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
