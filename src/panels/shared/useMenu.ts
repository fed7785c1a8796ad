import { useEffect, useRef, useState } from 'react';

/**
 * A small menu's open state: it closes on a mouse press outside `ref`'s element (the panel
 * menu, panel links, a dashboard links dropdown).
 */
export function useMenu<E extends HTMLElement = HTMLDivElement>() {
  const [open, setOpen] = useState(false);
  const ref = useRef<E>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return { open, setOpen, ref };
}
