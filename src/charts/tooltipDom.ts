// DOM pieces of the charts' tooltips, which cursor hooks write directly (no React render per move).

/** Text safe inside HTML and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Shows the tooltip 16 px right of the cursor (`left`, px in the plotting area), or left of it
 * when it would overflow the chart, `top` px below the plotting area's top.
 */
export function placeTooltip(
  el: HTMLElement,
  u: {
    over: Pick<HTMLElement, 'offsetLeft' | 'offsetTop'>;
    root: Pick<HTMLElement, 'clientWidth'>;
  },
  left: number,
  top: number,
): void {
  el.hidden = false;
  const x = u.over.offsetLeft + left;
  const width = el.offsetWidth;
  const hostWidth = u.root.clientWidth;
  el.style.left = `${x + 16 + width > hostWidth ? Math.max(0, x - 16 - width) : x + 16}px`;
  el.style.top = `${u.over.offsetTop + top}px`;
}
