// Test-only (imported by chart and panel tests, never by the app): what uPlot needs from a
// browser that jsdom lacks. Import it before anything that imports uPlot, which reads
// matchMedia when it is loaded.
import { vi } from 'vitest';

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

/** A canvas call: method name, arguments, and the smoothing and fill/stroke styles at the time. */
export interface CanvasCall {
  name: string;
  args: unknown[];
  smoothing?: unknown;
  fillStyle?: unknown;
  strokeStyle?: unknown;
}

/**
 * Replaces every canvas's 2D context with a recording stand-in (jsdom has none): each method
 * call is pushed to the returned list; measureText is 7 px per character. Call in beforeAll.
 */
export function recordCanvas(): CanvasCall[] {
  const calls: CanvasCall[] = [];
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    const state: Record<string | symbol, unknown> = { canvas: this };
    return new Proxy(state, {
      get(target, prop) {
        if (prop in target) return target[prop];
        if (prop === 'createImageData')
          return (w: number, h: number) => ({
            width: w,
            height: h,
            data: new Uint8ClampedArray(w * h * 4),
          });
        if (prop === 'measureText') return (s: string) => ({ width: s.length * 7 });
        return (...args: unknown[]) => {
          calls.push({
            name: String(prop),
            args,
            smoothing: target.imageSmoothingEnabled,
            fillStyle: target.fillStyle,
            strokeStyle: target.strokeStyle,
          });
        };
      },
      set(target, prop, value) {
        target[prop] = value;
        return true;
      },
    }) as unknown as RenderingContext;
  } as HTMLCanvasElement['getContext']);
  return calls;
}

/**
 * Gives every element a layout size (jsdom lays nothing out), so uPlot draws its axes;
 * returns the function that restores jsdom's zero sizes.
 */
export function setElementSize(width: number, height: number): () => void {
  const proto = Element.prototype;
  const saved = (['clientWidth', 'clientHeight'] as const).map(
    (k) => [k, Object.getOwnPropertyDescriptor(proto, k)!] as const,
  );
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  return () => saved.forEach(([k, d]) => Object.defineProperty(proto, k, d));
}
