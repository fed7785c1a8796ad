import { describe, expect, it } from 'vitest';
import type { Frame } from '../model/frame';
import { matrixToFrame } from './frames';
import type { TargetRequest } from './queries';
import { labelsKey, largestRangeSec, mergeTail, overlapSec, planTail } from './tail';
import type { MatrixSeries } from './types';

const req = (
  startSec: number,
  endSec: number,
  over: Partial<TargetRequest> = {},
): TargetRequest => ({
  refId: 'A',
  expr: 'rate(x[5m])',
  instant: false,
  startSec,
  endSec,
  stepSec: 10,
  ...over,
});

describe('overlap', () => {
  it('covers ten steps, the largest range selector and a minute', () => {
    expect(largestRangeSec('rate(x[5m]) + max_over_time(y[1h:30s]) / z[90s]')).toBe(3600);
    expect(largestRangeSec('sum(up)')).toBe(0);
    expect(overlapSec('sum(up)', 1)).toBe(60);
    expect(overlapSec('sum(up)', 15)).toBe(150);
    expect(overlapSec('rate(x[5m])', 15)).toBe(300);
  });
});

describe('planTail', () => {
  it('asks from the previous end minus the overlap, on the grid', () => {
    // window 0..3600 → 20..3620 (a tick of 20 s); overlap 300 s (the [5m])
    expect(planTail(req(0, 3600), req(20, 3620))).toBe(3300);
    // a tick that did not reach the next step: the same end, nothing to fetch incrementally
    expect(planTail(req(0, 3600), req(0, 3600))).toBeUndefined();
  });
  it('falls back to a full fetch when anything but the window moved', () => {
    const prev = req(0, 3600);
    expect(planTail(prev, req(20, 3620, { expr: 'rate(x[1m])' }))).toBeUndefined();
    expect(planTail(prev, req(20, 3620, { stepSec: 20 }))).toBeUndefined();
    expect(planTail(prev, req(25, 3625))).toBeUndefined(); // another alignment
    expect(planTail(prev, req(-10, 3590))).toBeUndefined(); // backwards
    expect(planTail(prev, req(20, 3620, { instant: true }))).toBeUndefined();
    const at = 'rate(x[5m] @ end())';
    expect(planTail(req(0, 3600, { expr: at }), req(20, 3620, { expr: at }))).toBeUndefined();
    // moved so far that the overlap starts before the new window
    expect(planTail(prev, req(3400, 7000))).toBeUndefined();
  });
});

const m = (metric: Record<string, string>, pts: [number, string][]): MatrixSeries => ({
  metric,
  values: pts,
});
/** a "server": value of series `s` at t, present where `has` says */
const answer = (
  startSec: number,
  endSec: number,
  series: Record<string, (t: number) => number | undefined>,
) =>
  matrixToFrame(
    Object.entries(series)
      .map(([name, f]) => {
        const pts: [number, string][] = [];
        for (let t = startSec; t <= endSec; t += 10) {
          const v = f(t);
          if (v !== undefined) pts.push([t, String(v)]);
        }
        return m({ __name__: 'x', s: name }, pts);
      })
      .filter((s) => s.values!.length > 0),
    { startSec, endSec, stepSec: 10 },
  );

const asObj = (f: Frame) => ({
  times: [...f.times],
  series: f.series.map((s) => ({ k: labelsKey(s.labels), v: [...s.values] })),
});

describe('mergeTail equals a full fetch of the new window', () => {
  const world = {
    a: (t: number) => t * 2,
    // ends early: leaves the window after a few ticks
    gone: (t: number) => (t < 150 ? 1 : undefined),
    // has a gap inside the overlap
    gap: (t: number) => (t >= 500 && t < 560 ? undefined : t % 7),
  };
  it('tick after tick', () => {
    let prevReq = req(0, 600, { expr: 'sum(x)' });
    let frame = answer(0, 600, world);
    for (let tick = 1; tick <= 30; tick++) {
      const next = req(tick * 10, 600 + tick * 10, { expr: 'sum(x)' });
      const tailStart = planTail(prevReq, next)!;
      expect(tailStart).toBe(prevReq.endSec - 100); // 10 steps > 60 s
      const merged = mergeTail(frame, answer(tailStart, next.endSec, world), next, tailStart)!;
      expect(merged).toBeDefined();
      expect(asObj(merged)).toEqual(asObj(answer(next.startSec, next.endSec, world)));
      prevReq = next;
      frame = merged;
    }
    expect(frame.series.map((s) => s.labels.s)).toEqual(['a', 'gap']);
  });
  it('takes the tail over what was fetched before (late samples)', () => {
    const before = answer(0, 600, { a: (t) => (t < 600 ? t : undefined) });
    const after = { a: (t: number) => t };
    const next = req(10, 610, { expr: 'sum(x)' });
    const merged = mergeTail(before, answer(500, 610, after), next, 500)!;
    expect(asObj(merged)).toEqual(asObj(answer(10, 610, after)));
  });
  it('gives up on a series it does not know, or frames off the grid', () => {
    const before = answer(0, 600, { a: (t) => t });
    const next = req(10, 610, { expr: 'sum(x)' });
    const tail = answer(500, 610, { a: (t) => t, b: (t) => t });
    expect(mergeTail(before, tail, next, 500)).toBeUndefined();
    expect(
      mergeTail({ ...before, offGrid: true }, answer(500, 610, { a: (t) => t }), next, 500),
    ).toBeUndefined();
    // a tail for another window
    expect(mergeTail(before, answer(510, 610, { a: (t) => t }), next, 500)).toBeUndefined();
    // a previous frame that does not reach the tail
    const short = answer(0, 400, { a: (t) => t });
    expect(mergeTail(short, answer(500, 610, { a: (t) => t }), next, 500)).toBeUndefined();
  });
});
