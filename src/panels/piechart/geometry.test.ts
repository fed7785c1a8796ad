import { describe, expect, it } from 'vitest';
import { percentText, pieSlices, sliceAt, type PieInput } from './geometry';

const v = (name: string, raw: number): PieInput => ({
  key: name,
  name,
  raw,
  text: String(raw),
  color: `#${name}`,
});
const opts = { sort: 'desc', otherBelow: 0, otherLabel: 'Other' } as const;
const fmt = (x: number) => `${x}!`;

describe('pieSlices', () => {
  it('makes one slice per positive value, largest first, angles adding up to a turn', () => {
    const { slices, total, skipped } = pieSlices(
      [v('a', 1), v('b', 3), v('c', NaN), v('d', 0), v('e', -2)],
      opts,
      '#999',
      fmt,
    );
    expect(total).toBe(4);
    expect(slices.map((s) => [s.name, s.fraction])).toEqual([
      ['b', 0.75],
      ['a', 0.25],
    ]);
    expect(slices[0]!.start).toBe(0);
    expect(slices[0]!.end).toBeCloseTo(1.5 * Math.PI);
    expect(slices[1]!.end).toBeCloseTo(2 * Math.PI);
    expect(skipped.map((s) => s.name)).toEqual(['c', 'd', 'e']);
  });

  it('keeps the query order when asked, or sorts ascending', () => {
    const input = [v('a', 2), v('b', 5), v('c', 1)];
    expect(pieSlices(input, { ...opts, sort: 'none' }, '', fmt).slices.map((s) => s.name)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(pieSlices(input, { ...opts, sort: 'asc' }, '', fmt).slices.map((s) => s.name)).toEqual([
      'c',
      'a',
      'b',
    ]);
  });

  it('combines shares under the threshold into one "Other" slice, drawn last', () => {
    const { slices } = pieSlices(
      [v('big', 90), v('x', 4), v('y', 3), v('z', 3)],
      { ...opts, otherBelow: 0.05, otherLabel: 'Others' },
      '#999',
      fmt,
    );
    expect(slices.map((s) => [s.name, s.raw, s.text, s.color])).toEqual([
      ['big', 90, '90', '#big'],
      ['Others', 10, '10!', '#999'],
    ]);
    expect(slices[1]!.members.map((m) => m.name)).toEqual(['x', 'y', 'z']);
  });

  it('does not make an "Other" of a single small slice', () => {
    const { slices } = pieSlices([v('big', 96), v('x', 4)], { ...opts, otherBelow: 0.05 }, '', fmt);
    expect(slices.map((s) => s.name)).toEqual(['big', 'x']);
  });
});

describe('sliceAt', () => {
  const { slices } = pieSlices([v('a', 1), v('b', 1), v('c', 2)], opts, '', fmt);
  // c: 12 → 6 o'clock (right half), a and b share the left half
  it('finds the slice clockwise from 12 o’clock', () => {
    expect(sliceAt(slices, 10, 0, 50)).toBe(0); // 3 o'clock: c
    expect(sliceAt(slices, -10, 5, 50)).toBe(1); // 8 o'clock
    expect(sliceAt(slices, -10, -5, 50)).toBe(2); // 10 o'clock
  });
  it('is -1 outside the ring', () => {
    expect(sliceAt(slices, 60, 0, 50)).toBe(-1);
    expect(sliceAt(slices, 10, 0, 50, 20)).toBe(-1);
    expect(sliceAt(slices, 30, 0, 50, 20)).toBe(0);
  });
});

describe('percentText', () => {
  it('has one decimal under 10 %', () => {
    expect(percentText(0.0512)).toBe('5.1 %');
    expect(percentText(0.425)).toBe('43 %');
    expect(percentText(1)).toBe('100 %');
  });
});
