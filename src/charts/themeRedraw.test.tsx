// @vitest-environment jsdom
// first: it stubs what uPlot reads when it is loaded
import { recordCanvas, setElementSize, type CanvasCall } from './testCanvas';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyThemeChoice } from '../theme/runtime';
import TimeSeriesChart from './timeseries/TimeSeriesChart';
import HeatmapChart from './heatmap/HeatmapChart';

let calls: CanvasCall[] = [];
let restoreSize: () => void = () => {};
const root = document.documentElement;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  calls = recordCanvas();
  restoreSize = setElementSize(600, 300);
});
afterAll(() => restoreSize());

/** The theme's tokens as the stylesheet would set them. */
function tokens(axis: string, grid: string) {
  root.style.setProperty('--chart-axis', axis);
  root.style.setProperty('--chart-grid', grid);
}

const drawn = () => new Promise((r) => setTimeout(r, 10));
/** Styles the axis labels and the grid lines were drawn with since the last reset. */
function styles() {
  return {
    labels: new Set(calls.filter((c) => c.name === 'fillText').map((c) => c.fillStyle)),
    lines: new Set(calls.filter((c) => c.name === 'stroke').map((c) => c.strokeStyle)),
  };
}

const start = Date.UTC(2026, 0, 1) / 1000;
const times = Float64Array.from({ length: 61 }, (_, i) => start + i * 60);

describe('charts follow the theme', () => {
  it('draw axes and grid in the tokens’ colours and redraw when the theme changes', async () => {
    applyThemeChoice('dark');
    tokens('#010203', '#040506');
    const host = document.createElement('div');
    document.body.appendChild(host);
    let r: Root | undefined;
    act(() => {
      r = createRoot(host);
      r.render(
        <div>
          <TimeSeriesChart
            times={times}
            series={[{ key: 'a', label: 'a', values: times.map((_, i) => i), color: '#fafafa' }]}
            formatValue={String}
            formatTicks={(v) => v.map(String)}
            formatTime={String}
          />
          <HeatmapChart
            times={times}
            bounds={Float64Array.of(0.1, 1)}
            lowest={0}
            counts={[Float64Array.from(times, () => 1), Float64Array.from(times, () => 2)]}
            totals={Float64Array.from(times, () => 3)}
            lines={[]}
            colorScale="linear"
            formatValue={String}
            formatCount={String}
            formatTime={String}
          />
        </div>,
      );
    });
    await act(drawn);
    let s = styles();
    expect(s.labels).toContain('#010203');
    expect(s.lines).toContain('#040506');

    calls.length = 0;
    tokens('#0a0b0c', '#0d0e0f');
    await act(async () => {
      applyThemeChoice('light');
      await drawn();
    });
    s = styles();
    expect(s.labels).toContain('#0a0b0c');
    expect(s.labels).not.toContain('#010203');
    expect(s.lines).toContain('#0d0e0f');
    // both charts redrew their axes: labels from two canvases
    expect(calls.filter((c) => c.name === 'fillText').length).toBeGreaterThan(4);
    act(() => r?.unmount());
  });
});
