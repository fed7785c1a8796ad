import { useCallback, useEffect, useRef, useState } from 'react';

/** Above this many grid items a dashboard opens with a notice and draws its panels lazily. */
export const LAZY_PANEL_LIMIT = 500;
/** Items added each time the end of the drawn part comes into view. */
const BATCH = 200;

/**
 * A dashboard with thousands of panels froze the tab for seconds before its first paint (every
 * panel mounted, measured and laid out at once). Past LAZY_PANEL_LIMIT items, only the first
 * BATCH (top to bottom) are handed to the grid; a sentinel below them (LazySentinel) adds the
 * next BATCH when it comes near the viewport. Editing hands over everything (layout changes map
 * the whole grid back to the model, so no item may be missing).
 */
export function useLazyGridItems<T extends { layout: { y: number; x: number } }>(
  items: readonly T[],
  editing: boolean,
): { shown: readonly T[]; total: number; lazy: boolean; more: () => void } {
  const lazy = !editing && items.length > LAZY_PANEL_LIMIT;
  const [count, setCount] = useState(BATCH);
  const more = useCallback(() => setCount((c) => c + BATCH), []);
  if (!lazy) return { shown: items, total: items.length, lazy, more };
  const ordered = [...items].sort((a, b) => a.layout.y - b.layout.y || a.layout.x - b.layout.x);
  return { shown: ordered.slice(0, count), total: items.length, lazy, more };
}

/** Calls `onVisible` whenever it comes within 400 px of the viewport (again after each call). */
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
    io.observe(el);
    return () => io.disconnect();
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
