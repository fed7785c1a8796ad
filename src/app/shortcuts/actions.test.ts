import { describe, expect, it } from 'vitest';
import { focusedPanelId, shiftRange } from './actions';

describe('shiftRange', () => {
  const H = 3_600_000;
  it('moves back and forward by half the span', () => {
    expect(shiftRange({ fromMs: 10 * H, toMs: 14 * H }, -1, 100 * H)).toEqual({
      fromMs: 8 * H,
      toMs: 12 * H,
    });
    expect(shiftRange({ fromMs: 10 * H, toMs: 14 * H }, 1, 100 * H)).toEqual({
      fromMs: 12 * H,
      toMs: 16 * H,
    });
  });
  it('stops at now going forward from the past, but may go on from a range already past now', () => {
    expect(shiftRange({ fromMs: 10 * H, toMs: 14 * H }, 1, 15 * H)).toEqual({
      fromMs: 10 * H,
      toMs: 15 * H,
    });
    expect(shiftRange({ fromMs: 10 * H, toMs: 14 * H }, 1, 14 * H)).toEqual({
      fromMs: 12 * H,
      toMs: 16 * H,
    });
  });
});

describe('focusedPanelId', () => {
  const root = (hits: Record<string, string | null>) => ({
    querySelector: (sel: string) => {
      const key = Object.keys(hits).find((k) => sel.endsWith(k));
      const id = key ? hits[key] : undefined;
      return id === undefined ? null : { getAttribute: () => id };
    },
  });
  it('prefers the panel under the pointer, then the one with focus', () => {
    expect(focusedPanelId(root({ ':hover': '3', ':focus-within': '5' }))).toBe(3);
    expect(focusedPanelId(root({ ':focus-within': '5' }))).toBe(5);
    expect(focusedPanelId(root({}))).toBeNull();
    expect(focusedPanelId(root({ ':hover': null }))).toBeNull();
  });
});
