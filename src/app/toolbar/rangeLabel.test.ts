import { describe, expect, it } from 'vitest';
import { compactRangeLabel } from './rangeLabel';

describe('compactRangeLabel', () => {
  it('leaves out the seconds on the minute and a repeated date', () => {
    expect(compactRangeLabel('2026-01-01 00:00:00 to 2026-01-01 06:00:00')).toBe(
      '2026-01-01 00:00 to 06:00',
    );
    expect(compactRangeLabel('2026-01-01 22:00:00 to 2026-01-02 04:00:00')).toBe(
      '2026-01-01 22:00 to 2026-01-02 04:00',
    );
  });
  it('keeps seconds when one end has them', () => {
    expect(compactRangeLabel('2026-01-01 00:00:00 to 2026-01-01 06:00:30')).toBe(
      '2026-01-01 00:00:00 to 06:00:30',
    );
  });
  it('relative and quick ranges stay as they are', () => {
    expect(compactRangeLabel('Last 6 hours')).toBe('Last 6 hours');
    expect(compactRangeLabel('now-2d to now-1d')).toBe('now-2d to now-1d');
    expect(compactRangeLabel('2026-01-01 00:00:00 to now')).toBe('2026-01-01 00:00:00 to now');
  });
});
