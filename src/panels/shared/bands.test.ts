import { describe, expect, it } from 'vitest';
import { fraction, thresholdBands } from './bands';

describe('fraction', () => {
  it('clamps and maps NaN to 0', () => {
    expect(fraction(50, 0, 200)).toBe(0.25);
    expect(fraction(-5, 0, 10)).toBe(0);
    expect(fraction(50, 0, 10)).toBe(1);
    expect(fraction(NaN, 0, 10)).toBe(0);
  });
});

describe('thresholdBands', () => {
  const steps = [
    { value: null, color: 'green' },
    { value: 50, color: 'orange' },
    { value: 80, color: '#f00' },
  ];
  it('splits the range at absolute steps', () => {
    expect(thresholdBands({ mode: 'absolute', steps }, 0, 100)).toEqual([
      { from: 0, to: 0.5, color: '#73BF69' },
      { from: 0.5, to: 0.8, color: '#FF9830' },
      { from: 0.8, to: 1, color: '#f00' },
    ]);
  });
  it('reads percentage steps as fractions of the range', () => {
    expect(thresholdBands({ mode: 'percentage', steps }, 0, 1000)[1]).toEqual({
      from: 0.5,
      to: 0.8,
      color: '#FF9830',
    });
  });
  it('drops steps outside the range and gives one band without steps', () => {
    expect(thresholdBands({ mode: 'absolute', steps }, 0, 40)).toEqual([
      { from: 0, to: 1, color: '#73BF69' },
    ]);
    expect(thresholdBands(undefined, 0, 1)).toHaveLength(1);
  });
});
