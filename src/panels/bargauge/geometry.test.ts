import { describe, expect, it } from 'vitest';
import { barGradient, barOrientation, barRange, lcdCells } from './geometry';

describe('barOrientation', () => {
  it('auto: vertical bars when wide, horizontal when tall', () => {
    expect(barOrientation('auto', 800, 200)).toBe('vertical');
    expect(barOrientation('auto', 200, 800)).toBe('horizontal');
    expect(barOrientation('horizontal', 800, 200)).toBe('horizontal');
  });
});

describe('barRange', () => {
  it('spans 0..data max by default, fieldConfig wins', () => {
    expect(barRange({}, { min: 5, max: 40 })).toEqual({ min: 0, max: 40 });
    expect(barRange({}, { min: -5, max: 40 })).toEqual({ min: -5, max: 40 });
    expect(barRange({ min: 10, max: 20 }, { min: 5, max: 40 })).toEqual({ min: 10, max: 20 });
    expect(barRange({}, undefined)).toEqual({ min: 0, max: 1 });
    expect(barRange({}, { min: 0, max: 0 })).toEqual({ min: 0, max: 1 });
  });
});

const bands = [
  { from: 0, to: 0.5, color: '#00ff00' },
  { from: 0.5, to: 1, color: '#ff0000' },
];

describe('barGradient', () => {
  it('runs through the band colours', () => {
    expect(barGradient(bands, 'to right')).toBe(
      'linear-gradient(to right, rgba(0, 255, 0, 0.35) 0%, #00ff00 5%, #ff0000 50%)',
    );
    expect(barGradient([], 'to top')).toBe('none');
  });
});

describe('lcdCells', () => {
  it('lights cells up to the value, coloured by band', () => {
    const cells = lcdCells(4, 0.6, bands);
    expect(cells.map((c) => c.lit)).toEqual([true, true, false, false]);
    expect(cells.map((c) => c.color)).toEqual(['#00ff00', '#00ff00', '#ff0000', '#ff0000']);
  });
});
