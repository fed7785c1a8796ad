import { describe, expect, it } from 'vitest';
import { timeAxisSpace } from './plotLifecycle';

/** Labels as formatAxisTicks writes them: seconds below a minute's spacing, a date over a day. */
const labels = (ticksMs: number[], spacingMs: number) =>
  ticksMs.map(() => (spacingMs < 60_000 ? '12:34:56' : spacingMs > 86_400_000 ? '01-02' : '12:34'));

describe('timeAxisSpace', () => {
  it("keeps uPlot's 50 px for short labels and without a formatter", () => {
    expect(timeAxisSpace(labels, 0, 21_600, 600)).toBe(50);
    expect(timeAxisSpace(undefined, 0, 300, 600)).toBe(50);
    expect(timeAxisSpace(labels, 5, 5, 600)).toBe(50);
  });

  it('widens the tick distance so longer labels do not run into each other', () => {
    // 5 minutes over 500 px: ticks 30 s apart at 50 px print seconds (8 characters)
    expect(timeAxisSpace(labels, 0, 300, 500)).toBe(8 * 7 + 14);
    expect(timeAxisSpace(() => ['01-02 12:34'], 0, 7 * 86_400, 600)).toBe(11 * 7 + 14);
  });
});
