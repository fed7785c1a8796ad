import { useLayoutEffect, useState, type RefObject } from 'react';

let shared: IntersectionObserver | undefined;
const callbacks = new WeakMap<Element, (inView: boolean) => void>();

function observer(): IntersectionObserver {
  // One observer for every panel, as Grafana's LazyLoader (100 px margin).
  shared ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) callbacks.get(e.target)?.(e.isIntersecting);
    },
    { rootMargin: `${MARGIN_PX}px` },
  );
  return shared;
}

/** The observer's margin, in px. */
const MARGIN_PX = 100;

/**
 * Whether a box is within `MARGIN_PX` of the viewport (what the observer's first callback will
 * say; its rootMargin extends the viewport the same way).
 */
export function nearViewport(
  r: { top: number; bottom: number; left: number; right: number },
  viewport: { width: number; height: number },
): boolean {
  return (
    r.bottom >= -MARGIN_PX &&
    r.top <= viewport.height + MARGIN_PX &&
    r.right >= -MARGIN_PX &&
    r.left <= viewport.width + MARGIN_PX
  );
}

/**
 * True while the element is within 100 px of the viewport. The first answer is read in the
 * layout effect (one layout for all panels of a commit, before the first paint) rather than
 * waiting a frame for the observer's first callback: a panel on the first screen starts its
 * queries in the same task as it is laid out.
 */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setInView(true);
      return;
    }
    const vp = document.documentElement;
    if (
      nearViewport(el.getBoundingClientRect(), { width: vp.clientWidth, height: vp.clientHeight })
    )
      setInView(true);
    callbacks.set(el, setInView);
    const o = observer();
    o.observe(el);
    return () => {
      o.unobserve(el);
      callbacks.delete(el);
    };
  }, [ref]);
  return inView;
}
