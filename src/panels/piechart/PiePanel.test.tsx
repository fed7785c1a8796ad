// @vitest-environment jsdom
import { recordCanvas, type CanvasCall } from '../../charts/testCanvas';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rangeResult } from '../shared/results.testing';
import { mount, testCtx, testData, testPanel } from '../shared/render.testing';
import PluginView from '../PluginView';
import piechartPanel from '.';

let calls: CanvasCall[] = [];
beforeAll(() => {
  calls = recordCanvas();
});
// the View's code loads on demand (shared/lazy.tsx)
beforeAll(() => piechartPanel.load?.());
let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  calls.length = 0;
});

const data = testData([
  rangeResult(
    'A',
    [0, 15],
    [
      { labels: { dc: 'ams' }, values: [5, 10] },
      { labels: { dc: 'fra' }, values: [20, 60] },
      { labels: { dc: 'nyc' }, values: [1, 2] },
      { labels: { dc: 'sfo' }, values: [3, 1] },
      { labels: { dc: 'lax' }, values: [0, -4] },
    ],
  ),
]);
const targets = [
  { refId: 'A', expr: 'x', legendFormat: '{{dc}}', interval: '', instant: false, hide: false },
];

function render(options: Record<string, unknown> = {}, size = { w: 600, h: 300 }) {
  const defaults = piechartPanel.defaults();
  const panel = testPanel('piechart', {
    ...defaults,
    options: { ...defaults.options, ...options },
    targets,
  });
  const r = mount(
    <PluginView
      plugin={piechartPanel}
      panel={panel}
      data={data}
      widthPx={size.w}
      heightPx={size.h}
      ctx={testCtx}
    />,
  );
  cleanup = r.unmount;
  return r.container;
}

const legend = (c: HTMLElement) =>
  [...c.querySelectorAll<HTMLElement>('[data-testid="pie-legend-item"]')].map((li) => [
    li.dataset.name,
    li.querySelector('[data-testid="pie-legend-value"]')?.textContent,
    li.querySelector('[data-testid="pie-legend-percent"]')?.textContent,
  ]);

describe('PiePanel', () => {
  it('draws a slice per positive last value, largest first, with value and percent in the legend', () => {
    const c = render();
    expect(c.querySelector('[data-testid="pie-panel"]')?.getAttribute('data-pie-type')).toBe('pie');
    // last values 10, 60, 2, 1, -4: total 73; lax (negative) is no slice
    expect(legend(c)).toEqual([
      ['fra', '60', '82 %'],
      ['ams', '10', '14 %'],
      ['nyc', '2', '2.7 %'],
      ['sfo', '1', '1.4 %'],
      ['lax', '-4', '—'],
    ]);
    expect(calls.filter((x) => x.name === 'fill')).toHaveLength(4);
  });

  it('combines small slices into "Other" and reduces with the chosen calculation', () => {
    const c = render({ otherBelow: 0.05, reduce: 'max' });
    // max: 10, 60, 2, 3 → nyc and sfo under 5 % of 75 → one slice
    expect(calls.filter((x) => x.name === 'fill')).toHaveLength(3);
    expect(legend(c).map((r) => r[0])).toEqual(['fra', 'ams', 'sfo', 'nyc', 'lax']);
  });

  it('hides a slice from the legend and shows the tooltip of the slice under the pointer', () => {
    const c = render({ legendPlacement: 'right', pieType: 'donut' });
    const canvas = c.querySelector<HTMLCanvasElement>('[data-testid="pie-canvas"]')!;
    // the pie is 284 px (300 − 2 × 8); a point right of the centre is in the first slice (fra)
    act(() => {
      canvas.dispatchEvent(
        new MouseEvent('mousemove', { bubbles: true, clientX: 250, clientY: 142 }),
      );
    });
    expect(c.querySelector('[data-testid="pie-tooltip-name"]')?.textContent).toBe('fra');
    expect(c.querySelector('[data-testid="pie-tooltip-percent"]')?.textContent).toBe('82 %');
    // in the donut's hole: no tooltip
    act(() => {
      canvas.dispatchEvent(
        new MouseEvent('mousemove', { bubbles: true, clientX: 142, clientY: 142 }),
      );
    });
    expect(c.querySelector('[data-testid="pie-tooltip"]')).toBeNull();
    act(() => {
      c.querySelector<HTMLButtonElement>('[data-name="fra"] button')!.click();
    });
    expect(legend(c)[0]).toEqual(['ams', '10', '77 %']);
    expect(c.querySelector('[data-name="fra"]')?.hasAttribute('data-hidden')).toBe(true);
  });
});
