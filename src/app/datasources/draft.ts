// A datasource being added or edited: the empty draft and what blocks saving it.
import { checkExemplarLinkTemplate } from '../../model/exemplarLink';
import type { Datasource, DatasourceDraft } from '../../state/datasources';

export const emptyDraft: DatasourceDraft = {
  name: '',
  url: 'http://127.0.0.1:9090',
  scrapeInterval: '15s',
  headers: [],
  maxConcurrent: 6,
};

/** The first problem with a draft, as shown under the form; null when it can be saved. */
export function validateDraft(d: DatasourceDraft, others: Datasource[]): string | null {
  if (!d.name.trim()) return 'Name: required';
  if (others.some((o) => o.name === d.name.trim()))
    return `Name: "${d.name.trim()}" is already used`;
  try {
    const u = new URL(d.url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      return 'URL: must start with http:// or https://';
  } catch {
    return 'URL: not a valid absolute URL (e.g. http://127.0.0.1:9090)';
  }
  if (!/^\d+(ms|s|m|h)$/.test(d.scrapeInterval.trim()))
    return 'Scrape interval: a duration like 15s or 1m';
  if (d.timeout !== undefined && d.timeout.trim() && !/^\d+(ms|s|m|h)$/.test(d.timeout.trim()))
    return 'Query timeout: a duration like 60s or 2m';
  return checkExemplarLinkTemplate(d.exemplarLink ?? '');
}
