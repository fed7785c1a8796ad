import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  allFinite,
  gridLength,
  gridTimes,
  instantToRows,
  matrixToFrame,
  parseSampleValue,
} from './frames';
import { parseAnswer } from './answer';
import type { MatrixResult } from './types';

const recorded = readFileSync(
  new URL('./__fixtures__/query_range_gaps.json', import.meta.url),
  'utf8',
);

describe('parseSampleValue', () => {
  it.each([
    ['1', 1],
    ['-0.25', -0.25],
    ['2.5e-3', 0.0025],
    ['+Inf', Infinity],
    ['Inf', Infinity],
    ['-Inf', -Infinity],
  ])('%s → %d', (s, n) => expect(parseSampleValue(s)).toBe(n));
  it('keeps NaN as NaN', () => expect(parseSampleValue('NaN')).toBeNaN());
});

describe('step grid', () => {
  it('includes both ends when they are on the grid', () => {
    expect(gridLength(100, 160, 15)).toBe(5);
    expect(Array.from(gridTimes(100, 160, 15))).toEqual([100, 115, 130, 145, 160]);
  });
  it('stops before an end that is off the grid', () => {
    expect(gridLength(0, 59, 15)).toBe(4);
  });
  it('has no float drift for millisecond steps', () => {
    const t = gridTimes(1700000000, 1700000001, 0.1);
    expect(t.length).toBe(11);
    expect(t[3]).toBe(1700000000.3);
  });
  it('is empty for a reversed range or a zero step', () => {
    expect(gridLength(10, 0, 1)).toBe(0);
    expect(gridLength(0, 10, 0)).toBe(0);
  });
});

describe('matrixToFrame on a recorded response', () => {
  const answer = parseAnswer<MatrixResult>(
    { status: 200, statusText: 'OK', headers: new Headers() },
    recorded,
    'http://x/api/v1/query_range',
  );
  const frame = matrixToFrame(
    answer.data.result,
    { startSec: 1700000000, endSec: 1700000060, stepSec: 15 },
    'B',
  );

  it('keeps the warnings', () =>
    expect(answer.warnings).toEqual(['PromQL info: metric might not be a counter']));
  it('puts every series on one shared time column', () => {
    expect(frame.refId).toBe('B');
    expect(Array.from(frame.times)).toEqual([
      1700000000, 1700000015, 1700000030, 1700000045, 1700000060,
    ]);
    expect(frame.series).toHaveLength(2);
    expect(frame.series[0]!.labels).toEqual({ __name__: 'up', job: 'api', instance: 'a:9100' });
  });
  it('marks a missing step (a gap or a stale series) as NaN', () => {
    expect(Array.from(frame.series[0]!.values)).toEqual([1, 1, 0, NaN, 1]);
  });
  it('keeps NaN, +Inf and -Inf samples', () => {
    expect(Array.from(frame.series[1]!.values)).toEqual([NaN, NaN, Infinity, -Infinity, 0.0025]);
    expect(allFinite(frame.series[1]!.values)).toBe(false);
  });
  it('uses typed arrays, not per-point objects', () => {
    expect(frame.times).toBeInstanceOf(Float64Array);
    expect(frame.series[0]!.values).toBeInstanceOf(Float64Array);
  });
  // This used to snap off-grid samples to the nearest step and drop those outside the range:
  // the bug of issue 14 (VictoriaMetrics' samples drawn 15 min away from their own time).
  it('tolerates float noise but never moves a sample off its own time', () => {
    const f = matrixToFrame([{ metric: {}, values: [[115.0000001, '8']] }], {
      startSec: 100,
      endSec: 130,
      stepSec: 15,
    });
    expect(f.offGrid).toBeUndefined();
    expect(Array.from(f.series[0]!.values)).toEqual([NaN, 8, NaN]);
  });
  it('a full answer, one with float noise mid-way and one with a gap give the same columns', () => {
    const grid = { startSec: 100, endSec: 145, stepSec: 15 };
    const f = matrixToFrame(
      [
        {
          metric: { a: 'full' },
          values: [
            [100, '1'],
            [115, '2'],
            [130, '3'],
            [145, '4'],
          ],
        },
        // as many pairs as steps, but the third sits a hair off its step (still on the grid)
        {
          metric: { a: 'noise' },
          values: [
            [100, '1'],
            [115, '2'],
            [130.0000001, '3'],
            [145, 'NaN'],
          ],
        },
        // as many pairs as steps is not enough: they must be on the steps in order
        {
          metric: { a: 'gap' },
          values: [
            [100, '1'],
            [130, '3'],
            [145, '+Inf'],
          ],
        },
      ],
      grid,
    );
    expect(f.offGrid).toBeUndefined();
    expect(f.series.map((s) => Array.from(s.values))).toEqual([
      [1, 2, 3, 4],
      [1, 2, 3, NaN],
      [1, NaN, 3, Infinity],
    ]);
  });
  it("follows the answer's own timestamps when the server answered off the grid", () => {
    const f = matrixToFrame(
      [
        {
          metric: { a: '1' },
          values: [
            [80, '7'],
            [115.001, '8'],
            [300, '9'],
          ],
        },
        { metric: { a: '2' }, values: [[115.001, '1']] },
      ],
      { startSec: 100, endSec: 130, stepSec: 15 },
    );
    expect(f.offGrid).toBe(true);
    expect(Array.from(f.times)).toEqual([80, 115.001, 300]);
    expect(Array.from(f.series[0]!.values)).toEqual([7, 8, 9]);
    expect(Array.from(f.series[1]!.values)).toEqual([NaN, 1, NaN]);
  });
  it('re-aligned by the server (VictoriaMetrics: UTC multiples of the step) is off grid', () => {
    // asked for a grid on :15/:45 (a +05:45 zone's), answered on :00/:30
    const f = matrixToFrame(
      [
        {
          metric: {},
          values: [
            [1800, '9'],
            [3600, '32'],
          ],
        },
      ],
      {
        startSec: 900,
        endSec: 2700,
        stepSec: 1800,
      },
    );
    expect(f.offGrid).toBe(true);
    expect(Array.from(f.times)).toEqual([1800, 3600]);
    expect(Array.from(f.series[0]!.values)).toEqual([9, 32]);
  });
  it('skips native-histogram series without float samples', () => {
    const f = matrixToFrame([{ metric: {}, histograms: [[100, { count: '1', sum: '1' }]] }], {
      startSec: 100,
      endSec: 100,
      stepSec: 1,
    });
    expect(f.series).toHaveLength(0);
  });
});

describe('instantToRows', () => {
  it('reads vectors and scalars', () => {
    expect(
      instantToRows({ resultType: 'vector', result: [{ metric: { a: '1' }, value: [5, '+Inf'] }] }),
    ).toEqual([{ labels: { a: '1' }, timeSec: 5, value: Infinity }]);
    expect(instantToRows({ resultType: 'scalar', result: [5, '3'] })).toEqual([
      { labels: {}, timeSec: 5, value: 3 },
    ]);
  });
});
