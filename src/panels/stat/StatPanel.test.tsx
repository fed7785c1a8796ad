// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import statPanel from '.';
import { rangeResult } from '../shared/results.testing';
import { cleanupMounts, mountPlugin, testData, testPanel } from '../shared/render.testing';

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
});
