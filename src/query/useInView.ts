import { useEffect, useState, type RefObject } from 'react';

let shared: IntersectionObserver | undefined;
const callbacks = new WeakMap<Element, (inView: boolean) => void>();

function observer(): IntersectionObserver {
  // One observer for every panel, as Grafana's LazyLoader (100 px margin).
  shared ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) callbacks.get(e.target)?.(e.isIntersecting);
    },
    { rootMargin: '100px' },
  );
  return shared;
}

/** True while the element is within 100 px of the viewport. */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setInView(true);
      return;
    }
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
