import { useLayoutEffect, useRef, useState } from 'react';

const px = (v: string) => Number.parseFloat(v) || 0;

/** The content box's width (what the ResizeObserver reports next), whatever the box-sizing. */
function contentWidth(el: HTMLElement): number {
  const cs = getComputedStyle(el);
  if (cs.width === 'auto') return el.clientWidth;
  const w = px(cs.width);
  return cs.boxSizing === 'border-box'
    ? w -
        px(cs.paddingLeft) -
        px(cs.paddingRight) -
        px(cs.borderLeftWidth) -
        px(cs.borderRightWidth)
    : w;
}

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
    setWidth(Math.round(contentWidth(el)));
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
