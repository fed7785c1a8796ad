import { describe, expect, it } from 'vitest';
import { alignPast, delta, direction, formatAbs, formatPct, pastTimeText } from './compareMath';

const f = (...v: number[]) => Float64Array.from(v);

describe('alignPast', () => {
  it('keeps the same column when the grids line up by the offset', () => {
    const past = f(1, 2, 3);
    expect(alignPast(f(100, 110, 120), f(40, 50, 60), past, 60)).toBe(past);
  });
  it('maps by time when the spans differ, NaN where the past has nothing', () => {
    const out = alignPast(f(100, 110, 120, 130), f(50, 60, 70), f(5, 6, 7), 60);
    expect([...out]).toEqual([NaN, 5, 6, 7]);
  });
  it('never takes a neighbour off the shifted grid', () => {
    const out = alignPast(f(100, 110), f(41, 49, 50), f(1, 2, 3), 60);
    expect([...out]).toEqual([NaN, 3]);
  });
});

describe('delta', () => {
  it('absolute and relative change, sign from now − then', () => {
    expect(delta(112, 100)).toEqual({ abs: 12, pct: 12 });
    expect(delta(50, 100)).toEqual({ abs: -50, pct: -50 });
    // a negative past: the change is relative to its size, the sign stays now − then
    expect(delta(-50, -100)).toEqual({ abs: 50, pct: 50 });
  });
  it('0 and missing values', () => {
    expect(delta(0, 0)).toEqual({ abs: 0, pct: 0 });
    expect(delta(5, 0).pct).toBeNaN();
    expect(delta(5, 0).abs).toBe(5);
    expect(delta(NaN, 1).abs).toBeNaN();
    expect(delta(1, NaN).pct).toBeNaN();
    expect(delta(Infinity, 1).pct).toBeNaN();
  });
  it('direction', () => {
    expect(direction(3)).toBe('up');
    expect(direction(-3)).toBe('down');
    expect(direction(0)).toBe('flat');
    expect(direction(NaN)).toBe('none');
  });
});

describe('formatting', () => {
  it('signed percentages with a real minus', () => {
    expect(formatPct(12.4)).toBe('+12 %');
    expect(formatPct(-3.44)).toBe('−3.4 %');
    expect(formatPct(0.123)).toBe('+0.12 %');
    expect(formatPct(0)).toBe('0 %');
    expect(formatPct(0.001)).toBe('0 %');
    expect(formatPct(1234.5)).toBe('+1,235 %');
    expect(formatPct(NaN)).toBe('–');
  });
  it('signed absolute changes in the unit', () => {
    const fmt = (v: number) => `${v} ms`;
    expect(formatAbs(2, fmt)).toBe('+2 ms');
    expect(formatAbs(-2, fmt)).toBe('−2 ms');
    expect(formatAbs(0, fmt)).toBe('0 ms');
    expect(formatAbs(NaN, fmt)).toBe('–');
  });
});

describe('pastTimeText', () => {
  it('drops the date the past shares with now, keeps a different one', () => {
    expect(pastTimeText('2026-01-01 02:00:00', '2026-01-01 03:00:00')).toBe('02:00:00');
    expect(pastTimeText('2025-12-31 03:00:00', '2026-01-01 03:00:00')).toBe('2025-12-31 03:00:00');
    expect(pastTimeText('03:00:00', '03:00:00')).toBe('03:00:00');
    expect(pastTimeText('t3600000', 't7200000')).toBe('t3600000');
  });
});
