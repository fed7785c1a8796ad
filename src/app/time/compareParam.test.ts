import { describe, expect, it } from 'vitest';
import { compareChoice } from './compareParam';

describe('compareChoice', () => {
  it('outside edit mode only the URL changes, and a choice equal to the saved one leaves it', () => {
    expect(compareChoice('1w', undefined, false)).toEqual({ saved: undefined, url: '1w' });
    expect(compareChoice('7d', '1w', false)).toEqual({ saved: '1w', url: null });
    expect(compareChoice('off', '1w', false)).toEqual({ saved: '1w', url: 'off' });
    expect(compareChoice('off', undefined, false)).toEqual({ saved: undefined, url: null });
  });
  it('in edit mode the choice is saved with the dashboard (off = absent) and leaves the URL', () => {
    expect(compareChoice('2d', undefined, true)).toEqual({ saved: '2d', url: null });
    expect(compareChoice('off', '1w', true)).toEqual({ saved: undefined, url: null });
  });
  it('refuses what is not an offset', () => {
    expect(compareChoice('soon', '1w', true)).toBeUndefined();
  });
});
