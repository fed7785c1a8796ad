// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatAxisTicks } from '../time/format';
import TimeSeriesChart from './TimeSeriesChart';

// uPlot reads matchMedia when it is imported: these stubs must exist before the imports run.
vi.hoisted(() => {
  window.matchMedia ??= (() => ({
    matches: false,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
  })) as unknown as typeof matchMedia;
  window.ResizeObserver ??= class {
    observe() {}
    disconnect() {}
    unobserve() {}
  } as unknown as typeof ResizeObserver;
  (window as { Path2D?: unknown }).Path2D ??= class {
    moveTo() {}
    lineTo() {}
    rect() {}
    arc() {}
    closePath() {}
    bezierCurveTo() {}
    addPath() {}
  };
});

/** Text drawn on any canvas (jsdom has no 2D context: a recording stand-in). */
const texts: string[] = [];

beforeAll(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    const state: Record<string | symbol, unknown> = { canvas: this };
    return new Proxy(state, {
      get(target, prop) {
        if (prop in target) return target[prop];
        if (prop === 'measureText') return (s: string) => ({ width: s.length * 7 });
        if (prop === 'fillText') return (s: string) => texts.push(s);
        return () => {};
      },
      set(target, prop, value) {
        target[prop] = value;
        return true;
      },
    }) as unknown as RenderingContext;
  } as HTMLCanvasElement['getContext']);
  // a host with a size (jsdom lays nothing out), so uPlot draws its axes
  for (const [k, v] of [
    ['clientWidth', 600],
    ['clientHeight', 300],
  ] as const)
    Object.defineProperty(Element.prototype, k, { configurable: true, get: () => v });
});

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  texts.length = 0;
});

describe('TimeSeriesChart x axis', () => {
  it('labels time ticks with the given formatter (24 h, one line), not uPlot’s 12 h default', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const start = Date.UTC(2026, 0, 1) / 1000;
    const times = Float64Array.from({ length: 361 }, (_, i) => start + i * 60);
    const container = document.createElement('div');
    document.body.appendChild(container);
    act(() => {
      root = createRoot(container);
      root.render(
        <TimeSeriesChart
          times={times}
          series={[{ key: 'a', label: 'a', values: times.map((_, i) => i), color: '#fff' }]}
          formatValue={String}
          formatTicks={(v) => v.map(String)}
          formatTime={String}
          formatTimeTicks={(ticks, spacing) =>
            formatAxisTicks(ticks, { timeZone: 'utc', spacingMs: spacing, rangeMs: 6 * 3600e3 })
          }
          timeZone="Etc/UTC"
        />,
      );
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(texts).toContain('00:00');
    expect(texts).toContain('06:00');
    expect(texts.filter((t) => /am|pm|\n/.test(t))).toEqual([]);
  });
});
