import { describe, expect, it } from 'vitest';
import {
  sortedSteps,
  thresholdColor,
  thresholdFor,
  thresholdPercent,
  type Thresholds,
} from './thresholds';

const absolute: Thresholds = {
  mode: 'absolute',
  steps: [
    { value: null, color: 'green' },
    { value: 80, color: 'red' },
    { value: 50, color: 'orange' },
  ],
};

describe('sortedSteps', () => {
  it('puts the base step first and the rest in ascending order without mutating', () => {
    expect(sortedSteps(absolute).map((s) => s.value)).toEqual([null, 50, 80]);
    expect(absolute.steps.map((s) => s.value)).toEqual([null, 80, 50]);
  });

  it('drops steps with non-numeric values and tolerates missing thresholds', () => {
    const bad = {
      mode: 'absolute',
      steps: [
        { value: NaN, color: 'x' },
        { value: 1, color: 'y' },
      ],
    };
    expect(sortedSteps(bad as Thresholds)).toEqual([{ value: 1, color: 'y' }]);
    expect(sortedSteps(undefined)).toEqual([]);
  });
});

describe('thresholdFor in absolute mode', () => {
  it.each([
    [-1e9, 'green'],
    [0, 'green'],
    [49.999, 'green'],
    [50, 'orange'],
    [79, 'orange'],
    [80, 'red'],
    [1e9, 'red'],
    [Infinity, 'red'],
    [-Infinity, 'green'],
    [NaN, 'green'],
  ])('gives %s the %s step (a value equal to a step takes that step)', (value, color) => {
    expect(thresholdFor(value, absolute)?.color).toBe(color);
  });

  it('uses the lowest step when there is no base step and the value is below it', () => {
    const t: Thresholds = { mode: 'absolute', steps: [{ value: 10, color: 'blue' }] };
    expect(thresholdFor(5, t)?.color).toBe('blue');
  });

  it('returns undefined without steps', () => {
    expect(thresholdFor(5, { mode: 'absolute', steps: [] })).toBeUndefined();
    expect(thresholdFor(5, undefined)).toBeUndefined();
  });

  it('lets the later of two equal steps win', () => {
    const t: Thresholds = {
      mode: 'absolute',
      steps: [
        { value: null, color: 'green' },
        { value: 10, color: 'yellow' },
        { value: 10, color: 'red' },
      ],
    };
    expect(thresholdFor(10, t)?.color).toBe('red');
  });
});

describe('thresholdFor in percentage mode', () => {
  const pct: Thresholds = {
    mode: 'percentage',
    steps: [
      { value: null, color: 'green' },
      { value: 50, color: 'orange' },
      { value: 90, color: 'red' },
    ],
  };

  it.each([
    [0, 'green'],
    [249, 'green'],
    [250, 'orange'],
    [449, 'orange'],
    [450, 'red'],
    [600, 'red'],
  ])('places %s in the range 0–500 on the %s step', (value, color) => {
    expect(thresholdFor(value, pct, { min: 0, max: 500 })?.color).toBe(color);
  });

  it('is relative to min as well as max', () => {
    expect(thresholdFor(150, pct, { min: 100, max: 200 })?.color).toBe('orange');
    expect(thresholdFor(149, pct, { min: 100, max: 200 })?.color).toBe('green');
  });

  it('defaults to the range 0–100', () => {
    expect(thresholdFor(50, pct)?.color).toBe('orange');
    expect(thresholdFor(95, pct)?.color).toBe('red');
  });

  it('computes percentages like Grafana, an empty range counting as 0 %', () => {
    expect(thresholdPercent(5, { min: 0, max: 10 })).toBe(50);
    expect(thresholdPercent(20, { min: 0, max: 10 })).toBe(200);
    expect(thresholdPercent(7, { min: 7, max: 7 })).toBe(0);
  });
});

describe('thresholdColor', () => {
  it('resolves the active step colour to hex', () => {
    expect(thresholdColor(90, absolute)).toBe('#F2495C');
    expect(thresholdColor(10, absolute)).toBe('#73BF69');
    expect(thresholdColor(10, absolute, undefined, undefined, 'light')).toBe('#56A64B');
  });

  it('uses the fallback colour without steps', () => {
    expect(thresholdColor(10, undefined, undefined, 'blue')).toBe('#5794F2');
    expect(thresholdColor(10, undefined)).toBe('#808080');
  });
});
