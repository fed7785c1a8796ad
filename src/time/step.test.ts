import { describe, expect, it } from 'vitest';
import {
  alignRange,
  computeInterval,
  computeStep,
  enforceMaxPoints,
  rateInterval,
  roundInterval,
} from './step';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('roundInterval', () => {
  // [below, result]: x just below `below` gives `result`; x = `below` gives the next row's result.
  const ladder: [number, number][] = [
    [10, 1],
    [15, 10],
    [35, 20],
    [75, 50],
    [150, 100],
    [350, 200],
    [750, 500],
    [1_500, 1_000],
    [3_500, 2_000],
    [7_500, 5_000],
    [12_500, 10_000],
    [17_500, 15_000],
    [25_000, 20_000],
    [45_000, 30_000],
    [90_000, 60_000],
    [210_000, 120_000],
    [450_000, 300_000],
    [750_000, 600_000],
    [1_050_000, 900_000],
    [1_500_000, 1_200_000],
    [2_700_000, 1_800_000],
    [5_400_000, 3_600_000],
    [9_000_000, 7_200_000],
    [16_200_000, 10_800_000],
    [32_400_000, 21_600_000],
    [86_400_000, 43_200_000],
    [604_800_000, 86_400_000],
    [1_814_400_000, 604_800_000],
    [3_628_800_000, 2_592_000_000],
  ];
  const YEAR = 31_536_000_000;

  it.each(ladder)('gives %d → below it %d', (below, result) => {
    expect(roundInterval(below - 0.001)).toBe(result);
    expect(roundInterval(below - 1)).toBe(result);
  });

  it.each(ladder.map(([below], i) => [below, ladder[i + 1]?.[1] ?? YEAR] as const))(
    'moves up a rung at exactly %d → %d',
    (below, next) => {
      expect(roundInterval(below)).toBe(next);
    },
  );

  it('tops out at one year', () => {
    expect(roundInterval(10 * YEAR)).toBe(YEAR);
    expect(roundInterval(0)).toBe(1);
  });
});

describe('computeInterval ($__interval, frontend)', () => {
  it.each([
    [6 * H, 1000, 15 * S, 20 * S],
    [1 * H, 1000, 15 * S, 15 * S],
    [1 * H, 1000, 1, 5 * S],
    [7 * D, 1000, 15 * S, 10 * M],
    [6 * H, 1000, 1 * M, 1 * M],
  ])('range %d over %d points, min %d → %d', (rangeMs, maxDataPoints, minIntervalMs, expected) => {
    expect(computeInterval({ rangeMs, maxDataPoints, minIntervalMs })).toBe(expected);
  });

  it('defaults to 1500 points and a 1 ms floor', () => {
    expect(computeInterval({ rangeMs: 25 * H })).toBe(60 * S);
    expect(computeInterval({ rangeMs: 25 * H, maxDataPoints: 0 })).toBe(60 * S);
    expect(computeInterval({ rangeMs: 5 })).toBe(1);
  });
});

describe('rateInterval', () => {
  it.each([
    [30 * S, 15 * S, 60 * S],
    [2 * M, 15 * S, 2 * M + 15 * S],
    [1 * M, 15 * S, 75 * S],
    [20 * S, 1 * M, 4 * M],
  ])('interval %d with scrape %d → %d', (intervalMs, scrapeMs, expected) => {
    expect(rateInterval(intervalMs, scrapeMs)).toBe(expected);
  });
});

describe('computeStep', () => {
  it('follows range / width rounded, with $__rate_interval from the scrape interval', () => {
    expect(computeStep({ rangeMs: 6 * H, maxDataPoints: 1000, scrapeIntervalMs: 15 * S })).toEqual({
      stepMs: 20 * S,
      stepSec: 20,
      intervalMs: 20 * S,
      rateIntervalMs: 60 * S,
    });
    expect(computeStep({ rangeMs: 24 * H, maxDataPoints: 1000, scrapeIntervalMs: 15 * S })).toEqual(
      {
        stepMs: 60 * S,
        stepSec: 60,
        intervalMs: 60 * S,
        rateIntervalMs: 75 * S,
      },
    );
    expect(computeStep({ rangeMs: 7 * D, maxDataPoints: 1000, scrapeIntervalMs: 15 * S })).toEqual({
      stepMs: 10 * M,
      stepSec: 600,
      intervalMs: 10 * M,
      rateIntervalMs: 10 * M + 15 * S,
    });
  });

  it('gives the issue rate intervals: 30 s → 60 s and 2 m → 2m15s with a 15 s scrape', () => {
    const a = computeStep({
      rangeMs: 30 * S * 1000,
      maxDataPoints: 1000,
      scrapeIntervalMs: 15 * S,
    });
    expect([a.stepMs, a.rateIntervalMs]).toEqual([30 * S, 60 * S]);
    const b = computeStep({ rangeMs: 2 * M * 1000, maxDataPoints: 1000, scrapeIntervalMs: 15 * S });
    expect([b.stepMs, b.rateIntervalMs]).toEqual([2 * M, 2 * M + 15 * S]);
  });

  it('never goes below the scrape interval on short ranges', () => {
    const r = computeStep({ rangeMs: 1 * H, maxDataPoints: 1000, scrapeIntervalMs: 15 * S });
    expect(r.stepMs).toBe(15 * S);
    expect(r.rateIntervalMs).toBe(60 * S);
  });

  it('defaults the scrape interval to 15 s and maxDataPoints to 1500', () => {
    const r = computeStep({ rangeMs: 25 * H });
    expect(r.stepMs).toBe(60 * S);
    expect(r.rateIntervalMs).toBe(75 * S);
    expect(computeStep({ rangeMs: 25 * H, maxDataPoints: 0, scrapeIntervalMs: 0 }).stepMs).toBe(
      60 * S,
    );
  });

  it('uses a literal Min step verbatim, above or below the calculated step', () => {
    const up = computeStep({ rangeMs: 6 * H, maxDataPoints: 1000, minStep: '1m' });
    expect(up).toEqual({ stepMs: 60 * S, stepSec: 60, intervalMs: 60 * S, rateIntervalMs: 4 * M });
    const down = computeStep({ rangeMs: 24 * H, maxDataPoints: 1000, minStep: '15s' });
    expect(down.stepMs).toBe(15 * S);
    // the literal is the scrape for $__rate_interval: max(60 s + 15 s, 60 s)
    expect(down.rateIntervalMs).toBe(75 * S);
    expect(computeStep({ rangeMs: 6 * H, maxDataPoints: 1000, minStep: '30' }).stepMs).toBe(30 * S);
    expect(computeStep({ rangeMs: 6 * H, maxDataPoints: 1000, minStep: '>2m' }).stepMs).toBe(2 * M);
  });

  it('uses the rate interval as the step when Min step is $__rate_interval', () => {
    for (const minStep of ['$__rate_interval', '${__rate_interval}']) {
      const r = computeStep({ rangeMs: 6 * H, maxDataPoints: 1000, minStep });
      expect(r).toEqual({
        stepMs: 60 * S,
        stepSec: 60,
        intervalMs: 60 * S,
        rateIntervalMs: 60 * S,
      });
    }
    const week = computeStep({ rangeMs: 7 * D, maxDataPoints: 1000, minStep: '$__rate_interval' });
    expect(week.stepMs).toBe(10 * M + 15 * S);
    expect(week.rateIntervalMs).toBe(10 * M + 15 * S);
  });

  it('takes the step as the scrape for $__rate_interval when Min step is $__interval', () => {
    const r = computeStep({ rangeMs: 6 * H, maxDataPoints: 1000, minStep: '$__interval' });
    expect(r.stepMs).toBe(20 * S);
    expect(r.rateIntervalMs).toBe(80 * S);
  });

  it('lets the panel Min interval raise $__interval and the step', () => {
    const r = computeStep({ rangeMs: 6 * H, maxDataPoints: 1000, panelMinIntervalMs: 1 * M });
    expect(r.stepMs).toBe(1 * M);
    expect(r.rateIntervalMs).toBe(75 * S);
  });

  it('multiplies the calculated step by intervalFactor', () => {
    const r = computeStep({ rangeMs: 6 * H, maxDataPoints: 1000, intervalFactor: 2 });
    expect(r.stepMs).toBe(40 * S);
    expect(r.rateIntervalMs).toBe(60 * S);
  });

  it('ignores a Min step that is not a duration', () => {
    expect(computeStep({ rangeMs: 6 * H, maxDataPoints: 1000, minStep: 'soon' }).stepMs).toBe(
      20 * S,
    );
  });

  it('keeps steps in whole milliseconds of at least 1 ms', () => {
    const r = computeStep({ rangeMs: 1000, maxDataPoints: 1000, minStep: '0.0005' });
    expect(r.stepMs).toBe(1);
    expect(r.stepSec).toBe(0.001);
  });
});

describe('the 11 000-point floor', () => {
  it('raises a step Grafana would round down (range/11000 = 2.4 s → 5 s, not 2 s)', () => {
    const rangeMs = 2.4 * S * 11_000;
    const r = computeStep({ rangeMs, maxDataPoints: 100_000, scrapeIntervalMs: 1 });
    expect(r.stepMs).toBe(5 * S);
    expect(rangeMs / r.stepMs).toBe(5280);
  });

  it('accepts exactly 11 000 points', () => {
    const r = computeStep({ rangeMs: 2 * S * 11_000, maxDataPoints: 100_000, scrapeIntervalMs: 1 });
    expect(r.stepMs).toBe(2 * S);
  });

  it('raises a literal Min step that would exceed the limit', () => {
    const r = computeStep({ rangeMs: 24 * H, maxDataPoints: 1000, minStep: '5s' });
    expect(r.stepMs).toBe(10 * S);
  });

  it.each([
    [4 * S, 1 * H, 4 * S],
    [1 * S, 1 * H, 1 * S],
    [1, 1 * H, 500],
    [1, 100 * D, 15 * M],
    [1, 500 * 365 * D, 30 * D],
    [1, 11_000 * 365 * D, 31_536_000_000],
    [1, 20_000 * 365 * D, Math.ceil((20_000 * 365 * D) / 11_000)],
  ])('enforceMaxPoints(%d, range %d) = %d', (stepMs, rangeMs, expected) => {
    expect(enforceMaxPoints(stepMs, rangeMs)).toBe(expected);
  });

  it('holds for any range, width and Min step, after alignment', () => {
    const ranges = [1, 999, 61_001, 3 * H + 7, 26_400_000, 2 * D + 1, 90 * D, 400 * D, 3650 * D];
    const widths = [1, 300, 1920, 50_000, 1_000_000];
    const minSteps = [undefined, '1ms', '1s', '$__rate_interval', '$__interval'];
    for (const rangeMs of ranges) {
      for (const maxDataPoints of widths) {
        for (const minStep of minSteps) {
          const { stepMs } = computeStep({ rangeMs, maxDataPoints, minStep, scrapeIntervalMs: 1 });
          expect(Number.isInteger(stepMs) && stepMs >= 1).toBe(true);
          const start = 1_735_689_600_123;
          const aligned = alignRange(start, start + rangeMs, stepMs);
          expect(aligned.points - 1).toBeLessThanOrEqual(11_000);
        }
      }
    }
  });
});

describe('alignRange', () => {
  it('floors start and end to the step grid', () => {
    expect(alignRange(1000, 61_500, 20 * S)).toEqual({ startMs: 0, endMs: 60_000, points: 4 });
    expect(alignRange(40_000, 60_000, 20 * S)).toEqual({
      startMs: 40_000,
      endMs: 60_000,
      points: 2,
    });
  });

  it('never asks for the future', () => {
    const end = Date.UTC(2026, 0, 10, 12, 34, 56, 789);
    const r = alignRange(end - 6 * H, end, 20 * S);
    expect(r.endMs).toBe(Date.UTC(2026, 0, 10, 12, 34, 40));
    expect(r.startMs).toBe(Date.UTC(2026, 0, 10, 6, 34, 40));
    expect(r.points).toBe(1081);
  });

  // The old expectation (daily steps on Tokyo/New York midnight through a zone offset) encoded
  // issue 14's bug: a zone-shifted grid that VictoriaMetrics re-aligns to UTC. Like Grafana and
  // Prometheus' UI, the grid is UTC multiples of the step; the zone only changes labels.
  it('lands daily steps on UTC midnight (the zone is not part of the grid)', () => {
    const tokyo = Date.UTC(2026, 0, 10, 3); // 12:00 JST
    expect(alignRange(tokyo - 3 * D, tokyo, D)).toEqual({
      startMs: Date.UTC(2026, 0, 7),
      endMs: Date.UTC(2026, 0, 10),
      points: 4,
    });
    // a 30 m step lands on UTC :00/:30, never on Kathmandu's :15/:45
    const r = alignRange(Date.UTC(2026, 0, 1, 0, 50), Date.UTC(2026, 0, 1, 6, 10), 30 * 60 * S);
    expect([r.startMs, r.endMs]).toEqual([Date.UTC(2026, 0, 1, 0, 30), Date.UTC(2026, 0, 1, 6)]);
  });

  it('starts weekly steps on a Thursday without an offset (as Grafana)', () => {
    const wed = Date.UTC(2026, 0, 7);
    expect(alignRange(wed, wed, 7 * D).startMs).toBe(Date.UTC(2026, 0, 1));
  });
});
