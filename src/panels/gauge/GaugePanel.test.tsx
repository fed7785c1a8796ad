// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rangeResult, instantResult } from '../shared/results.testing';
import { cleanupMounts, mountPlugin, testData, testPanel } from '../shared/render.testing';
import gaugePanel from '.';
import { readGaugeOptions } from './options';

afterEach(cleanupMounts);
// the View's code loads on demand (shared/lazy.tsx)
beforeAll(() => gaugePanel.load?.());

describe('readGaugeOptions', () => {
  it('fills Grafana defaults and reads imported reduceOptions', () => {
    expect(readGaugeOptions({})).toEqual({
      reduce: 'lastNotNull',
      showThresholdMarkers: true,
      showThresholdLabels: false,
      orientation: 'auto',
    });
    expect(
      readGaugeOptions({ reduceOptions: { calcs: ['avg'] }, showThresholdMarkers: false }),
    ).toMatchObject({ reduce: 'mean', showThresholdMarkers: false });
  });
});

describe('GaugePanel', () => {
  it('draws one gauge per series with value, colour and threshold markers', () => {
    const panel = testPanel('gauge', {
      ...gaugePanel.defaults(),
      options: { ...gaugePanel.defaults().options, showThresholdLabels: true },
      fieldConfig: { ...gaugePanel.defaults().fieldConfig, unit: 'percent' },
    });
    const data = testData([
      rangeResult(
        'A',
        [0, 15],
        [
          { labels: { job: 'a' }, values: [10, 42] },
          { labels: { job: 'b' }, values: [95, 91] },
        ],
      ),
    ]);
    const { container } = mountPlugin(gaugePanel, panel, { data, widthPx: 600, heightPx: 250 });
    const vals = [...container.querySelectorAll('[data-testid="gauge-value"]')];
    expect(vals.map((v) => v.getAttribute('data-value'))).toEqual(['42', '91']);
    expect(vals.map((v) => v.textContent)).toEqual(['42%', '91%']);
    expect(vals.map((v) => v.getAttribute('fill'))).toEqual(['#73BF69', '#F2495C']);
    expect(container.querySelectorAll('.gauge-arc')).toHaveLength(2);
    expect(container.querySelectorAll('.gauge-name')).toHaveLength(2);
    // labels: 0 and 80 per gauge
    expect(
      [...container.querySelectorAll('.gauge-threshold-label')].map((t) => t.textContent),
    ).toEqual(['0%', '80%', '0%', '80%']);
  });

  it('fills the arc over fieldConfig min..max, clamped at the ends', () => {
    const panel = testPanel('gauge', { fieldConfig: { unit: 'short', min: 20, max: 60 } });
    const data = testData([
      rangeResult(
        'A',
        [0, 15],
        [
          { labels: { job: 'a' }, values: [0, 30] },
          { labels: { job: 'b' }, values: [0, 90] },
          { labels: { job: 'c' }, values: [0, 5] },
        ],
      ),
    ]);
    const { container } = mountPlugin(gaugePanel, panel, { data, widthPx: 900, heightPx: 250 });
    const gauges = [...container.querySelectorAll<HTMLElement>('[data-testid="gauge"]')];
    expect(gauges.map((g) => [g.dataset.min, g.dataset.max, g.dataset.fraction])).toEqual([
      ['20', '60', '0.25'],
      ['20', '60', '1'],
      ['20', '60', '0'],
    ]);
    // no value arc for a value at or below min
    expect(container.querySelectorAll('.gauge-arc')).toHaveLength(2);
  });

  it('shows instant values too, without a name for one value', () => {
    const { container } = mountPlugin(gaugePanel, testPanel('gauge'), {
      data: testData([instantResult('A', [{ labels: {}, value: 7 }])]),
      widthPx: 300,
      heightPx: 200,
    });
    expect(container.querySelector('[data-testid="gauge-value"]')?.textContent).toBe('7');
    expect(container.querySelector('.gauge-name')).toBeNull();
  });
});
