// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instantResult } from '../shared/results.testing';
import { cleanupMounts, mountPlugin, testData, testPanel } from '../shared/render.testing';
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
});
