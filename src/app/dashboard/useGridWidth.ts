import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The grid container's content width in px, measured in a layout effect (react-grid-layout's
 * `useContainerWidth` measures in a passive effect: one more commit, often after a paint, before
 * the panels exist), then followed by a ResizeObserver. `mounted` once measured.
 */
export function useGridWidth() {
  const containerRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const w = Number.parseFloat(getComputedStyle(el).width);
    setWidth(Math.round(Number.isFinite(w) ? w : el.clientWidth));
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const e = entries[0];
      if (e) setWidth(Math.round(e.contentRect.width));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { width: width ?? 0, containerRef, mounted: width !== null };
}
