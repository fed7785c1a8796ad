import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { timeAxisSpace, yAxisSize } from './plotLifecycle';

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

describe('yAxisSize', () => {
  // a proportional font: digits 7 px, "." and "-" 3 px, letters 8 px
  const width = (t: string) =>
    [...t].reduce((w, c) => w + (/[0-9]/.test(c) ? 7 : /[.-]/.test(c) ? 3 : 8), 0);
  const plot = (axis: Record<string, unknown> = {}) =>
    ({
      axes: [{}, { ticks: { size: 10 }, gap: 5, ...axis }],
      ctx: { font: '', measureText: (t: string) => ({ width: width(t) }) },
    }) as unknown as uPlot;

  it('fits the widest label as drawn, not the one with most characters', () => {
    // "-0.25" has more characters (27 px), "1000" is wider: 4 × 7 = 28 px (+ ticks 10, gap 5, 4)
    expect(yAxisSize(plot(), ['-0.25', '1000'], 1, 0)).toBe(28 + 19);
    expect(yAxisSize(plot(), ['-0.25', '1000', '20 ms/s'], 1, 0)).toBe(7 * 2 + 8 * 5 + 19);
  });

  it('keeps 40 px for short labels and reuses the settled size after two cycles', () => {
    expect(yAxisSize(plot(), ['1'], 1, 0)).toBe(40);
    expect(yAxisSize(plot(), [], 1, 0)).toBe(40);
    expect(yAxisSize(plot({ _size: 77 }), ['1'], 1, 2)).toBe(77);
  });
});
