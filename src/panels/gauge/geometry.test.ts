import { describe, expect, it } from 'vitest';
import { arcPath, gaugeBox, gaugeRange, niceCeil, thresholdStepValues } from './geometry';

describe('niceCeil', () => {
  it('rounds up to 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k', () => {
    expect(niceCeil(101)).toBe(150);
    expect(niceCeil(250)).toBe(250);
    expect(niceCeil(1234)).toBe(1500);
    expect(niceCeil(9000)).toBe(10000);
    expect(niceCeil(0.07)).toBeCloseTo(0.08);
    expect(niceCeil(0)).toBe(0);
  });
});

describe('gaugeRange', () => {
  it('defaults to 0..100', () => {
    expect(gaugeRange({}, [42])).toEqual({ min: 0, max: 100 });
    expect(gaugeRange({}, [])).toEqual({ min: 0, max: 100 });
  });
  it('uses fieldConfig min/max', () => {
    expect(gaugeRange({ min: 10, max: 20 }, [500])).toEqual({ min: 10, max: 20 });
    expect(gaugeRange({ min: 200 }, [150])).toEqual({ min: 200, max: 300 });
  });
  it('grows beyond 100 for large values or absolute threshold steps', () => {
    expect(gaugeRange({}, [730])).toEqual({ min: 0, max: 800 });
    expect(
      gaugeRange(
        {
          thresholds: {
            mode: 'absolute',
            steps: [
              { value: null, color: 'green' },
              { value: 1000, color: 'red' },
            ],
          },
        },
        [5],
      ),
    ).toEqual({ min: 0, max: 1000 });
  });
  it('goes below 0 for negative values', () => {
    expect(gaugeRange({}, [-20, 5])).toEqual({ min: -20, max: 100 });
  });
});

describe('thresholdStepValues', () => {
  it('places the base step at min and drops steps outside the range', () => {
    const steps = [
      { value: null, color: 'green' },
      { value: 50, color: 'orange' },
      { value: 300, color: 'red' },
    ];
    expect(thresholdStepValues({ mode: 'absolute', steps }, 0, 200)).toEqual([0, 50]);
    expect(thresholdStepValues({ mode: 'percentage', steps }, 100, 200)).toEqual([100, 150]);
    expect(thresholdStepValues(undefined, 0, 100)).toEqual([]);
  });
});

describe('arcPath / gaugeBox', () => {
  it('draws a clockwise arc from the start of the sweep', () => {
    // full sweep: from 240° … of a circle of r=10 around (50,50)
    expect(arcPath(50, 50, 10, 0, 1)).toBe('M 41.34 55 A 10 10 0 1 1 58.66 55');
    expect(arcPath(50, 50, 10, 0, 0.25)).toBe('M 41.34 55 A 10 10 0 0 1 41.34 45');
  });
  it('fits the gauge into the box', () => {
    const wide = gaugeBox(400, 150);
    expect(wide.r).toBeCloseTo(92);
    expect(wide.cx).toBe(200);
    const tall = gaugeBox(100, 400);
    expect(tall.r).toBe(44);
  });
});
