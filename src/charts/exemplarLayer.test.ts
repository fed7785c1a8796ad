// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { drawExemplarDots, type ExemplarDots, type PlacedDot } from './exemplarLayer';

const dot = (x: number, value: number): PlacedDot<number> => ({
  x,
  y: 10,
  color: '#f0f',
  attrs: { value: String(value) },
  pt: value,
  value,
  lane: 'row',
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('drawExemplarDots', () => {
  it('stacks the dots by value, the highest last (on top where neighbours overlap)', () => {
    const over = document.createElement('div');
    document.body.appendChild(over);
    const ref: { current: ExemplarDots<number> | undefined } = { current: undefined };
    // columns of 8 px: 0.06 and 0.05 in neighbouring columns, 4 px apart (their dots overlap)
    drawExemplarDots(
      over,
      ref,
      [dot(13, 0.2), dot(14, 0.06), dot(18, 0.05), dot(2, 0.3)],
      100,
      (v) => String(v),
    );
    const drawn = [...over.querySelectorAll<HTMLElement>('[data-testid="exemplar"]')];
    expect(drawn.map((e) => Number(e.dataset.value))).toEqual([0.05, 0.06, 0.2, 0.3]);
    // each button's index still names its own tooltip
    drawn[1]!.click();
    expect(over.querySelector('[data-testid="exemplar-tooltip"]')!.innerHTML).toBe('0.06');
    ref.current?.layer.destroy();
  });
});
