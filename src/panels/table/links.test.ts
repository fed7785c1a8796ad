import { describe, expect, it } from 'vitest';
import type { LinkEnv } from '../shared/links';
import { cellLinkData, cellLinks, columnLinks } from './links';
import { readTableOptions } from './options';
import { instantResult } from '../shared/results.testing';
import { tableFromResults } from './rows';

const env: LinkEnv = { scope: { note: { value: 'a b' } }, fromMs: 1000, toMs: 2000 };

const { allColumns, rows } = tableFromResults(
  [
    instantResult('A', [
      { labels: { __name__: 'up', job: 'api', instance: 'h:1' }, value: 1 },
      { labels: { __name__: 'up', job: 'web/x', instance: 'h:2' }, value: 0.5 },
    ]),
  ],
  readTableOptions({ columns: { instance: { hidden: true } } }),
);

describe('table cell links', () => {
  it("a column's own link wins over the panel's data links", () => {
    const opts = readTableOptions({
      columns: {
        job: { link: { url: 'https://a/$__cell', tooltip: 'Open $__cell', targetBlank: true } },
      },
    });
    const data = [{ title: 'D', url: 'https://d/' }];
    expect(columnLinks({ key: 'job' }, opts, data)).toEqual([
      { title: 'Open $__cell', url: 'https://a/$__cell', targetBlank: true },
    ]);
    expect(columnLinks({ key: 'Value' }, opts, data)).toBe(data);
    expect(columnLinks({ key: 'Value' }, opts, undefined)).toEqual([]);
  });

  it('cells give labels, value and the Grafana column numbering (Time first, hidden included)', () => {
    expect(allColumns.map((c) => c.key)).toEqual(['__name__', 'instance', 'job', 'Value']);
    const row = rows[1]!;
    const value = allColumns[3]!;
    const data = cellLinkData(row, value, allColumns, '0.500', 2000);
    expect(data).toEqual({
      field: { name: 'Value', labels: { __name__: 'up', instance: 'h:2', job: 'web/x' } },
      value: { raw: 0.5, text: '0.500', timeMs: 2000 },
      row: {
        names: ['Time', '__name__', 'instance', 'job', 'Value'],
        values: [2000, 'up', 'h:2', 'web/x', 0.5],
      },
      cell: 0.5,
    });
    const [link] = cellLinks(
      [
        {
          title: '${__field.labels.job}',
          url: 'https://x/${__field.labels.job}?v=${__value.raw}&i=$__cell_2&c=$__cell&n=$note',
        },
      ],
      env,
      () => data,
    );
    expect(link).toEqual({
      title: 'web/x',
      href: 'https://x/web%2Fx?v=0.5&i=h%3A2&c=0.5&n=a%20b',
      blocked: undefined,
      targetBlank: false,
    });
  });

  it('no links: the data is never built', () => {
    expect(
      cellLinks([], env, () => {
        throw new Error('built');
      }),
    ).toEqual([]);
  });
});
