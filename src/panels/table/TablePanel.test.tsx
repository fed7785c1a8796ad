// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instantResult } from '../shared/results.testing';
import { cleanupMounts, mountPlugin, testData, testEnv, testPanel } from '../shared/render.testing';
import tablePlugin from '.';

afterEach(cleanupMounts);
// the View's code loads on demand (shared/lazy.tsx)
beforeAll(() => tablePlugin.load?.());

const data = testData([
  instantResult('A', [
    { labels: { __name__: 'mem', job: 'b' }, value: 2048 },
    { labels: { __name__: 'mem', job: 'a' }, value: 10 },
    { labels: { __name__: 'mem', job: 'c' }, value: 512 },
  ]),
]);

const cells = (el: HTMLElement, col: string) =>
  [...el.querySelectorAll(`td[data-column="${col}"]`)].map((td) => td.textContent);

describe('TablePanel', () => {
  it('renders a table with label columns and a formatted Value column', () => {
    const panel = testPanel('table', { fieldConfig: { unit: 'bytes' } });
    const { container } = mountPlugin(tablePlugin, panel, { data, widthPx: 400, heightPx: 300 });
    const table = container.querySelector('[data-testid="table-panel"]')!;
    expect(table.tagName).toBe('TABLE');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      '__name__',
      'job',
      'Value',
    ]);
    expect(cells(container, 'Value')).toEqual(['2 KiB', '10 B', '512 B']);
  });

  it('sorts on header clicks: asc, desc, then off', () => {
    const { container } = mountPlugin(tablePlugin, testPanel('table'), {
      data,
      widthPx: 400,
      heightPx: 300,
    });
    const header = () => container.querySelector<HTMLElement>('th[data-column="Value"]')!;
    act(() => header().querySelector('button')!.click());
    expect(cells(container, 'job')).toEqual(['a', 'c', 'b']);
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    act(() => header().querySelector('button')!.click());
    expect(cells(container, 'job')).toEqual(['b', 'c', 'a']);
    expect(header().getAttribute('aria-sort')).toBe('descending');
    act(() => header().querySelector('button')!.click());
    expect(cells(container, 'job')).toEqual(['b', 'a', 'c']);
    expect(header().getAttribute('aria-sort')).toBe('none');
  });

  it('starts sorted by the configured sortBy', () => {
    const panel = testPanel('table', { options: { sortBy: [{ displayName: 'job', desc: true }] } });
    const { container } = mountPlugin(tablePlugin, panel, { data, widthPx: 400, heightPx: 300 });
    expect(cells(container, 'job')).toEqual(['c', 'b', 'a']);
  });

  it('data links make cells links: encoded values, rel, the target on hover; javascript: refused', () => {
    const panel = testPanel('table', {
      fieldConfig: {
        unit: 'short',
        links: [
          {
            title: 'Job ${__field.labels.job}',
            url: 'https://x/?job=${__field.labels.job}&v=${__value.raw}',
          },
          { title: '<b>evil</b>', url: 'javascript:alert(1)' },
        ],
      },
    });
    const env = { ...testEnv({} as never), scope: {} };
    const { container } = mountPlugin(tablePlugin, panel, {
      data,
      env,
      widthPx: 400,
      heightPx: 300,
    });
    const cell = container.querySelector('tr:nth-child(1) td[data-column="Value"]')!;
    const [first, second] = [...cell.querySelectorAll('a')];
    expect(first!.textContent).toBe('2.05 K');
    expect(first!.getAttribute('href')).toBe('https://x/?job=b&v=2048');
    expect(first!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(first!.getAttribute('title')).toBe('Job b\nhttps://x/?job=b&v=2048');
    expect(first!.hasAttribute('target')).toBe(false);
    expect(second!.hasAttribute('href')).toBe(false);
    expect(cell.querySelector('b')).toBeNull();
  });

  it('without a QueryEnv (bare previews) cells stay text', () => {
    const panel = testPanel('table', {
      fieldConfig: { unit: 'short', links: [{ title: 'x', url: 'https://x/' }] },
    });
    const { container } = mountPlugin(tablePlugin, panel, { data, widthPx: 400, heightPx: 300 });
    expect(container.querySelectorAll('td a')).toHaveLength(0);
  });

  it("a column override's width sizes its header", () => {
    const panel = testPanel('table', {
      fieldConfig: { unit: 'short' },
      options: { columns: { job: { width: 120 } } },
    });
    const { container } = mountPlugin(tablePlugin, panel, { data, widthPx: 400, heightPx: 300 });
    const th = container.querySelector<HTMLElement>('th[data-column="job"]')!;
    expect(th.style.width).toBe('120px');
    expect(container.querySelector<HTMLElement>('th[data-column="Value"]')!.style.width).toBe('');
  });
});
