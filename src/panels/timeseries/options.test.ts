import { describe, expect, it } from 'vitest';
import {
  alertTransitions,
  calcLabel,
  legendCalcs,
  readTimeSeriesOptions,
  stackColumns,
  thresholdMarks,
} from './options';

const f = (...xs: number[]) => Float64Array.from(xs);
const panel = (custom: Record<string, unknown>, options: Record<string, unknown> = {}) => ({
  fieldConfig: { unit: 'short', custom },
  options,
});

describe('readTimeSeriesOptions', () => {
  it('defaults to lines, no stacking, linear axis, list legend', () => {
    expect(readTimeSeriesOptions(panel({}))).toEqual({
      drawStyle: 'line',
      lineWidth: 1,
      fillOpacity: 0,
      pointSize: 5,
      stacking: 'none',
      logBase: undefined,
      thresholdsStyle: 'off',
      legend: { displayMode: 'list', placement: 'bottom', calcs: [] },
      alertAnnotations: false,
    });
  });

  it("reads Grafana's fieldConfig.custom and options.legend names", () => {
    const o = readTimeSeriesOptions(
      panel(
        {
          drawStyle: 'bars',
          lineWidth: 2,
          stacking: { mode: 'percent', group: 'A' },
          scaleDistribution: { type: 'log', log: 2 },
          thresholdsStyle: { mode: 'line+area' },
        },
        {
          legend: {
            displayMode: 'table',
            placement: 'right',
            calcs: ['mean', 'max', 'last', 'nope'],
          },
          alertAnnotations: true,
        },
      ),
    );
    expect(o).toMatchObject({
      drawStyle: 'bars',
      lineWidth: 2,
      fillOpacity: 80,
      stacking: 'percent',
      logBase: 2,
      thresholdsStyle: 'line+area',
      legend: { displayMode: 'table', placement: 'right', calcs: ['mean', 'max', 'last'] },
      alertAnnotations: true,
    });
  });

  it('maps dashed styles to lines, log without a base to 10, a hidden legend', () => {
    const o = readTimeSeriesOptions(
      panel(
        { scaleDistribution: { type: 'log' }, thresholdsStyle: { mode: 'dashed+area' } },
        { legend: { displayMode: 'table', showLegend: false } },
      ),
    );
    expect(o.logBase).toBe(10);
    expect(o.thresholdsStyle).toBe('line+area');
    expect(o.legend.displayMode).toBe('hidden');
    expect(
      readTimeSeriesOptions(panel({ thresholdsStyle: { mode: 'dashed' } })).thresholdsStyle,
    ).toBe('line');
  });
});

describe('legend calcs', () => {
  it('reduces each series with the reducers asked, ignoring gaps where Grafana does', () => {
    expect(legendCalcs(f(1, NaN, 3, 8), ['mean', 'max', 'last', 'lastNotNull'])).toEqual([
      4, 8, 8, 8,
    ]);
    expect(legendCalcs(f(1, 2, NaN), ['last'])).toEqual([NaN]);
  });
  it('labels columns as the reducer picker does', () => {
    expect(calcLabel('mean')).toBe('Mean');
    expect(calcLabel('lastNotNull')).toBe('Last *');
    expect(calcLabel('avg')).toBe('Mean');
  });
});

describe('stackColumns', () => {
  it('adds series up; a gap adds nothing and stays a gap', () => {
    const [a, b, c] = stackColumns([f(1, 2, 3), f(10, NaN, 30), f(100, 200, 300)], 'normal');
    expect([...a!]).toEqual([1, 2, 3]);
    expect([...b!]).toEqual([11, NaN, 33]);
    expect([...c!]).toEqual([111, 202, 333]);
  });
  it('percent: the top of the stack is 1, an all-zero step stays 0', () => {
    const [a, b] = stackColumns([f(1, 0, 3), f(3, 0, 1)], 'percent');
    expect([...a!]).toEqual([0.25, 0, 0.75]);
    expect([...b!]).toEqual([1, 0, 1]);
  });
});

describe('thresholdMarks', () => {
  it('absolute steps → bands from each value to the next, base from −∞', () => {
    expect(
      thresholdMarks(
        {
          mode: 'absolute',
          steps: [
            { value: 80, color: '#ff0000' },
            { value: null, color: '#00ff00' },
          ],
        },
        0,
        200,
      ),
    ).toEqual([
      { from: -Infinity, to: 80, color: '#00ff00' },
      { from: 80, to: Infinity, color: '#ff0000' },
    ]);
  });
  it('percentage steps are placed on the y range', () => {
    const m = thresholdMarks(
      {
        mode: 'percentage',
        steps: [
          { value: null, color: '#00ff00' },
          { value: 50, color: '#ff0000' },
        ],
      },
      100,
      300,
    );
    expect(m[1]!.from).toBe(200);
  });
  it('no thresholds, no marks', () => {
    expect(thresholdMarks(undefined, 0, 1)).toEqual([]);
  });
});

describe('alertTransitions', () => {
  const times = f(0, 15, 30, 45, 60);
  it('pending → firing → resolved, one marker per change; already-present series say nothing', () => {
    const t = alertTransitions(times, [
      { labels: { alertname: 'A', alertstate: 'pending' }, values: f(NaN, 1, 1, NaN, NaN) },
      { labels: { alertname: 'A', alertstate: 'firing' }, values: f(NaN, NaN, NaN, 1, NaN) },
      { labels: { alertname: 'B', alertstate: 'firing' }, values: f(1, 1, 1, 1, 1) },
    ]);
    expect(t).toEqual([
      { timeMs: 15_000, alertname: 'A', state: 'pending' },
      { timeMs: 45_000, alertname: 'A', state: 'firing' },
      { timeMs: 60_000, alertname: 'A', state: 'resolved', from: 'firing' },
    ]);
  });
});
