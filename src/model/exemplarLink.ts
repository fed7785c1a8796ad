// A datasource's exemplar link template (`https://tracing.example/trace/${trace_id}`) applied to
// one exemplar: `${name}` is the exemplar's label of that name (else its series' label), each
// value percent-encoded (encodeURIComponent), so a trace id can never add a path, a query or a
// scheme. Only http(s) and relative URLs are links (model/links.ts `safeLinkHref`).
import type { Exemplar } from './exemplar';
import { safeLinkHref } from './links';

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The link of one exemplar, or why it has none. */
export type ExemplarLink = { href: string } | { error: string };

/** The label names a template refers to, in order. */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(VARIABLE)].map((m) => m[1]!);
}

/** Fills the template in for one exemplar. */
export function exemplarLink(
  template: string,
  e: Pick<Exemplar, 'labels' | 'seriesLabels'>,
): ExemplarLink {
  const missing: string[] = [];
  const url = template.trim().replace(VARIABLE, (_m, name: string) => {
    const v = e.labels[name] ?? e.seriesLabels[name];
    if (v === undefined) {
      missing.push(name);
      return '';
    }
    return encodeURIComponent(v);
  });
  if (missing.length)
    return { error: `no label ${missing.map((m) => `"${m}"`).join(', ')} for the link` };
  const href = safeLinkHref(url);
  return href === undefined ? { error: 'only http(s) and relative links are opened' } : { href };
}

/**
 * What is wrong with a template as typed in the datasource form, or null: empty is fine (no
 * links); otherwise it must be an http(s) URL naming at least one label, e.g. `${trace_id}`.
 */
export function checkExemplarLinkTemplate(template: string): string | null {
  const t = template.trim();
  if (!t) return null;
  if (/\$\{(?![A-Za-z_][A-Za-z0-9_]*\})/.test(t))
    return 'Exemplar link: write variables as ${label_name}, e.g. ${trace_id}';
  if (templateVariables(t).length === 0)
    return 'Exemplar link: name the label to put in the link, e.g. https://tracing.example/trace/${trace_id}';
  const sample = t.replace(VARIABLE, 'x');
  if (!/^https?:\/\//i.test(sample) || safeLinkHref(sample) === undefined)
    return 'Exemplar link: must be an http(s) URL, e.g. https://tracing.example/trace/${trace_id}';
  return null;
}
