import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { whenIdle } from '../idle';
import './lazyGrid.css';

/** Above this many grid items a dashboard opens with a notice and draws its panels lazily. */
export const LAZY_PANEL_LIMIT = 500;
/** Items added each time the end of the drawn part comes near the viewport (and at most drawn
 * before the first paint). */
export const BATCH = 48;

/** Grid items top to bottom, left to right (the order they come into view). */
export function inViewOrder<T extends { layout: { y: number; x: number } }>(
  items: readonly T[],
): T[] {
  return [...items].sort((a, b) => a.layout.y - b.layout.y || a.layout.x - b.layout.x);
}

/**
 * How many of `ordered` (inViewOrder) to draw before the first paint: the items that start on
 * the first screen (`screenRows` grid units tall), at least one, at most BATCH.
 */
export function firstBatch(
  ordered: readonly { layout: { y: number } }[],
  screenRows: number,
): number {
  const below = ordered.findIndex((it) => it.layout.y >= screenRows);
  return Math.max(1, Math.min(BATCH, below < 0 ? ordered.length : below));
}

/**
 * A dashboard with thousands of panels froze the tab for seconds before its first paint (every
 * panel mounted, measured and laid out at once). Past LAZY_PANEL_LIMIT items, only the items on
 * the first screen (top to bottom; see firstBatch) are handed to the grid; a sentinel below them
 * (LazySentinel) adds the next BATCH when it comes near the viewport. Editing hands over
 * everything (layout changes map the whole grid back to the model, so no item may be missing).
 * `items` should keep its identity between renders (the order is computed once per array).
 */
export function useLazyGridItems<T extends { layout: { y: number; x: number } }>(
  items: readonly T[],
  editing: boolean,
  screenRows: number,
): { shown: readonly T[]; total: number; lazy: boolean; more: () => void } {
  const lazy = !editing && items.length > LAZY_PANEL_LIMIT;
  const ordered = useMemo(() => (lazy ? inViewOrder(items) : items), [items, lazy]);
  const [count, setCount] = useState(() => firstBatch(ordered, screenRows));
  const more = useCallback(() => setCount((c) => c + BATCH), []);
  const shown = useMemo(
    () => (lazy ? ordered.slice(0, count) : items),
    [lazy, ordered, count, items],
  );
  return { shown, total: items.length, lazy, more };
}

/**
 * Calls `onVisible` whenever it comes within 400 px of the viewport (again after each call). It
 * starts watching after the frame that shows the items above it, once the main thread is idle:
 * the first screen paints, and turns its answers into charts, before more panels mount.
 */
export function LazySentinel({ onVisible, shown }: { onVisible: () => void; shown: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) onVisible();
      },
      { rootMargin: '400px' },
    );
    // After the frame that shows the items above, and once the main thread is idle: the first
    // screen's panels turn their answers into charts before more panels mount.
    let cancelIdle = () => {};
    const frame = requestAnimationFrame(() => {
      cancelIdle = whenIdle(() => io.observe(el), 1500);
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelIdle();
      io.disconnect();
    };
  }, [onVisible, shown]);
  return <div ref={ref} data-testid="lazy-sentinel" style={{ height: 1 }} />;
}

/** The notice above a lazily drawn dashboard. */
export function ManyPanelsNotice({ total }: { total: number }) {
  return (
    <div className="panel-warning many-panels" data-testid="many-panels-notice" role="status">
      This dashboard has {total.toLocaleString('en')} panels: they are drawn as you scroll to them.
    </div>
  );
}
