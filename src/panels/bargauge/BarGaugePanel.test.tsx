// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rangeResult } from '../shared/results.testing';
import { cleanupMounts, mountPlugin, testData, testPanel } from '../shared/render.testing';
import bargaugePanel from '.';

afterEach(cleanupMounts);
// the View's code loads on demand (shared/lazy.tsx)
beforeAll(() => bargaugePanel.load?.());

const data = testData([
  rangeResult(
    'A',
    [0, 15],
    [
      { labels: { job: 'a' }, values: [10, 25] },
      { labels: { job: 'b' }, values: [90, 100] },
    ],
  ),
]);
const targets = [
  { refId: 'A', expr: 'x', legendFormat: '{{job}}', interval: '', instant: false, hide: false },
];

describe('BarGaugePanel', () => {
  it('draws one bar per series, filled to the value over 0..max', () => {
    const panel = testPanel('bargauge', { ...bargaugePanel.defaults(), targets });
    const { container } = mountPlugin(bargaugePanel, panel, { data, widthPx: 300, heightPx: 400 });
    expect(container.querySelector('.bargauge-horizontal')).not.toBeNull();
    const vals = [...container.querySelectorAll<HTMLElement>('[data-testid="bargauge-value"]')];
    expect(vals.map((v) => v.dataset.value)).toEqual(['25', '100']);
    expect(vals.map((v) => v.textContent)).toEqual(['25', '100']);
    expect(vals[1]!.style.color).toBe('rgb(242, 73, 92)');
    const tracks = [...container.querySelectorAll<HTMLElement>('.bargauge-track')];
    expect(tracks.map((t) => t.dataset.fraction)).toEqual(['0.25', '1']);
    expect(
      [...container.querySelectorAll('[data-testid="bargauge"]')].map((b) =>
        b.getAttribute('data-name'),
      ),
    ).toEqual(['a', 'b']);
  });

  it('vertical LCD bars in a wide panel', () => {
    const panel = testPanel('bargauge', {
      targets,
      options: { displayMode: 'lcd' },
      fieldConfig: { unit: 'short', min: 0, max: 200 },
    });
    const { container } = mountPlugin(bargaugePanel, panel, { data, widthPx: 600, heightPx: 200 });
    expect(container.querySelector('.bargauge-vertical')).not.toBeNull();
    const tracks = [...container.querySelectorAll<HTMLElement>('.bargauge-lcd')];
    expect(tracks.map((t) => t.dataset.fraction)).toEqual(['0.125', '0.5']);
    expect(tracks[0]!.querySelectorAll('.bargauge-cell').length).toBeGreaterThan(3);
  });

  it.each([
    ['vertical', 300, 600],
    ['horizontal', 900, 150],
  ] as const)(
    'a forced %s orientation wins over the panel shape, one bar per series',
    (o, w, h) => {
      const panel = testPanel('bargauge', {
        targets,
        options: { orientation: o },
        fieldConfig: { unit: 'short', min: 0, max: 200 },
      });
      const { container } = mountPlugin(bargaugePanel, panel, { data, widthPx: w, heightPx: h });
      expect(container.querySelector(`.bargauge-${o}`)).not.toBeNull();
      expect(container.querySelectorAll('[data-testid="bargauge"]')).toHaveLength(2);
      const tracks = [...container.querySelectorAll<HTMLElement>('.bargauge-track')];
      expect(tracks.map((t) => t.dataset.fraction)).toEqual(['0.125', '0.5']);
    },
  );
});
