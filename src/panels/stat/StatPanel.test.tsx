// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import statPanel from '.';
import { rangeResult } from '../shared/results.testing';
import { cleanupMounts, mountPlugin, testData, testEnv, testPanel } from '../shared/render.testing';

afterEach(cleanupMounts);

describe('StatPanel', () => {
  it('renders one reduced, formatted, coloured value per series with a sparkline', () => {
    const panel = testPanel('stat', {
      ...statPanel.defaults(),
      fieldConfig: {
        unit: 'percent',
        decimals: 1,
        thresholds: statPanel.defaults().fieldConfig.thresholds,
      },
      targets: [
        {
          refId: 'A',
          expr: 'x',
          legendFormat: '{{job}}',
          interval: '',
          instant: false,
          hide: false,
        },
      ],
    });
    const data = testData([
      rangeResult(
        'A',
        [0, 15, 30],
        [
          { labels: { job: 'api' }, values: [10, 20, 30] },
          { labels: { job: 'db' }, values: [85, 90, NaN] },
        ],
      ),
    ]);
    const { container } = mountPlugin(statPanel, panel, { data, widthPx: 600, heightPx: 200 });
    const vals = [...container.querySelectorAll<HTMLElement>('[data-testid="stat-value"]')];
    expect(vals.map((v) => v.dataset.value)).toEqual(['30', '90']);
    expect(vals.map((v) => v.textContent)).toEqual(['30.0%', '90.0%']);
    expect(vals[0]!.style.color).toBe('rgb(115, 191, 105)');
    expect(vals[1]!.style.color).toBe('rgb(242, 73, 92)');
    const names = [...container.querySelectorAll('.stat-name')].map((n) => n.textContent);
    expect(names).toEqual(['api', 'db']);
    expect(container.querySelectorAll('.stat-sparkline polyline')).toHaveLength(2);
  });

  it('hides the name for a single value and the graph with graphMode none', () => {
    const panel = testPanel('stat', { options: { graphMode: 'none', reduce: 'max' } });
    const data = testData([rangeResult('A', [0, 15], [{ labels: { job: 'a' }, values: [3, 1] }])]);
    const { container } = mountPlugin(statPanel, panel, { data, widthPx: 300, heightPx: 200 });
    expect(container.querySelector('[data-testid="stat-value"]')!.getAttribute('data-value')).toBe(
      '3',
    );
    expect(container.querySelector('.stat-name')).toBeNull();
    expect(container.querySelector('.stat-sparkline')).toBeNull();
  });

  it('renders nothing without data', () => {
    const { container } = mountPlugin(statPanel, testPanel('stat'), {
      widthPx: 300,
      heightPx: 200,
    });
    expect(container.innerHTML).toBe('');
  });

  it('data links: the value opens its link (labels, value; rel), several links a menu', async () => {
    const target = {
      refId: 'A',
      expr: 'x',
      legendFormat: '{{job}}',
      interval: '',
      instant: false,
      hide: false,
    };
    const data = testData([
      rangeResult('A', [0, 15], [{ labels: { job: 'a b' }, values: [1, 2] }]),
    ]);
    const env = { ...testEnv({} as never), scope: {} };
    const one = testPanel('stat', {
      ...statPanel.defaults(),
      targets: [target],
      fieldConfig: {
        unit: 'short',
        links: [
          {
            title: 'Job ${__field.labels.job}',
            url: 'https://x/?job=${__field.labels.job}&v=${__value.raw}',
          },
        ],
      },
    });
    const m = mountPlugin(statPanel, one, { data, env, widthPx: 300, heightPx: 100 });
    // the links module loads on first use
    await act(async () => {
      await import('../shared/links');
    });
    const link = await vi.waitFor(() => {
      const a = m.container.querySelector<HTMLAnchorElement>('a[data-testid="value-link"]');
      expect(a).not.toBeNull();
      return a!;
    });
    expect(link.getAttribute('href')).toBe('https://x/?job=a%20b&v=2');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('aria-label')).toBe('a b: Job a b');
    m.unmount();

    const two = testPanel('stat', {
      ...one,
      fieldConfig: {
        unit: 'short',
        links: [
          { title: 'One', url: 'https://one/' },
          { title: 'Two', url: 'https://two/' },
        ],
      },
    });
    const m2 = mountPlugin(statPanel, two, { data, env, widthPx: 300, heightPx: 100 });
    const button = await vi.waitFor(() => {
      const b = m2.container.querySelector<HTMLButtonElement>('[data-testid="value-links-button"]');
      expect(b).not.toBeNull();
      return b!;
    });
    expect(m2.container.querySelector('[data-testid="value-links-menu"]')).toBeNull();
    act(() => button.click());
    const items = [...m2.container.querySelectorAll('[data-testid="value-link"]')];
    expect(items.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['One', 'https://one/'],
      ['Two', 'https://two/'],
    ]);
  });

  it('without a QueryEnv (bare previews) no links are drawn', () => {
    const panel = testPanel('stat', {
      ...statPanel.defaults(),
      fieldConfig: { unit: 'short', links: [{ title: 'x', url: 'https://x/' }] },
    });
    const data = testData([rangeResult('A', [0], [{ labels: {}, values: [1] }])]);
    const { container } = mountPlugin(statPanel, panel, { data, widthPx: 300, heightPx: 100 });
    expect(container.querySelector('.value-links')).toBeNull();
  });
});
