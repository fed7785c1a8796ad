// @vitest-environment jsdom
import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { pinTooltipOnClick, tooltipLinksHtml, type TooltipState } from './tooltip';
import type { ChartSeries, TooltipLink } from './types';

const s = (label: string): ChartSeries => ({
  key: label,
  label,
  color: '#000',
  values: Float64Array.from([1, 2]),
});

const links = (i: number, idx: number): TooltipLink[] => [
  {
    title: `<img src=x onerror=alert(${i})>`,
    href: `https://x/?s=${i}&i=${idx}"><script>`,
    targetBlank: true,
    hover: 'h"ov<er',
  },
  { title: 'refused', href: undefined, targetBlank: false, hover: 'Not opened' },
];

describe('tooltipLinksHtml', () => {
  it('lists the hovered series’ links, escaped, with rel and target', () => {
    const html = tooltipLinksHtml({ series: [s('a'), s('b<')], dataLinks: links }, 1, 1);
    const el = document.createElement('div');
    el.innerHTML = html;
    expect(el.querySelector('.tt-links-head')!.textContent).toBe('b<');
    const a = el.querySelectorAll('a');
    expect(a).toHaveLength(1);
    expect(a[0]!.getAttribute('href')).toBe('https://x/?s=1&i=1"><script>');
    expect(a[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a[0]!.getAttribute('target')).toBe('_blank');
    expect(a[0]!.getAttribute('title')).toBe('h"ov<er');
    expect(a[0]!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(el.querySelector('img, script')).toBeNull();
    expect(el.querySelector('.tt-link.blocked')!.textContent).toBe('refused');
  });

  it('one series needs no pointing; several do; no links, nothing', () => {
    expect(tooltipLinksHtml({ series: [s('a')], dataLinks: links }, 0, null)).toContain('tt-links');
    expect(tooltipLinksHtml({ series: [s('a'), s('b')], dataLinks: links }, 0, null)).toContain(
      'Point at a line',
    );
    expect(tooltipLinksHtml({ series: [s('a')] }, 0, 0)).toBe('');
    expect(tooltipLinksHtml({ series: [s('a')], dataLinks: () => [] }, 0, 0)).toBe('');
  });
});

describe('pinTooltipOnClick', () => {
  const setup = () => {
    const over = document.createElement('div');
    const el = document.createElement('div');
    document.body.append(over, el);
    el.innerHTML = '<div class="tt-links"><a href="https://x">x</a></div>';
    el.hidden = false;
    const shown: TooltipState = {};
    pinTooltipOnClick(
      { over, root: over, cursor: { left: 0 } } as unknown as uPlot,
      el,
      shown,
      () => true,
    );
    const click = (x = 0) => {
      over.dispatchEvent(new MouseEvent('mousedown', { clientX: 0, bubbles: true }));
      over.dispatchEvent(new MouseEvent('click', { clientX: x, bubbles: true }));
    };
    return { over, el, shown, click };
  };

  it('a click pins, a second click unpins; Escape unpins and hides', () => {
    const { el, shown, click } = setup();
    click();
    expect(shown.pinned).toBe(true);
    expect(el.classList.contains('pinned')).toBe(true);
    click();
    expect(shown.pinned).toBe(false);
    click();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(shown.pinned).toBe(false);
    expect(el.hidden).toBe(true);
  });

  it('a drag (zoom) does not pin; a click outside unpins; inside the tooltip it stays', () => {
    const { el, shown, click } = setup();
    click(40);
    expect(shown.pinned).toBeFalsy();
    click();
    el.querySelector('a')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(shown.pinned).toBe(true);
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(shown.pinned).toBe(false);
    expect(el.hidden).toBe(true);
  });
});
