import { describe, expect, it } from 'vitest';
import { nearViewport } from './useInView';

describe('nearViewport (the first in-view answer, before the observer reports)', () => {
  const vp = { width: 1000, height: 800 };
  const box = (top: number, left = 0, h = 100, w = 200) => ({
    top,
    left,
    bottom: top + h,
    right: left + w,
  });
  it('counts boxes within 100 px of the viewport, as the observer’s rootMargin does', () => {
    expect(nearViewport(box(0), vp)).toBe(true);
    expect(nearViewport(box(900), vp)).toBe(true); // 100 px below the bottom edge
    expect(nearViewport(box(901), vp)).toBe(false);
    expect(nearViewport(box(-200), vp)).toBe(true); // its bottom 100 px above the top edge
    expect(nearViewport(box(-201), vp)).toBe(false);
    expect(nearViewport(box(0, 1101), vp)).toBe(false); // off to the right
    expect(nearViewport(box(0, -301), vp)).toBe(false); // off to the left
  });
});
