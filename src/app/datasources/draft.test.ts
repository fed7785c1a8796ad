import { describe, expect, it } from 'vitest';
import { validateDraft } from './draft';

const draft = {
  name: 'p',
  url: 'http://127.0.0.1:9090',
  scrapeInterval: '15s',
  headers: [],
  maxConcurrent: 6,
};

describe('validateDraft', () => {
  it.each([
    [{ ...draft, name: ' ' }, 'Name: required'],
    [{ ...draft, url: 'ftp://x' }, 'URL: must start with http:// or https://'],
    [{ ...draft, url: 'localhost:9090' }, 'URL: must start with http:// or https://'],
    [{ ...draft, url: 'nope' }, 'URL: not a valid absolute URL (e.g. http://127.0.0.1:9090)'],
    [{ ...draft, scrapeInterval: '15' }, 'Scrape interval: a duration like 15s or 1m'],
    [{ ...draft, timeout: '5 sec' }, 'Query timeout: a duration like 60s or 2m'],
    [
      { ...draft, exemplarLink: 'javascript:open(${trace_id})' },
      'Exemplar link: must be an http(s) URL, e.g. https://tracing.example/trace/${trace_id}',
    ],
  ])('refuses %j', (d, msg) => expect(validateDraft(d, [])).toBe(msg));
  it('refuses a duplicate name and accepts a good draft', () => {
    const other = { ...draft, id: 'x', isDefault: true };
    expect(validateDraft(draft, [other])).toBe('Name: "p" is already used');
    expect(validateDraft(draft, [])).toBeNull();
    expect(
      validateDraft({ ...draft, exemplarLink: 'https://tracing.example/trace/${trace_id}' }, []),
    ).toBeNull();
  });
});
