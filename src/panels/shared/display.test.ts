import { describe, expect, it } from 'vitest';
import { dataRange, displayOf, displayValues, panelReducer } from './display';
import { formattedToString } from '../../units/format';
import { instantResult, rangeResult } from './results.testing';

describe('panelReducer', () => {
  it('prefers options.reduce, then Grafana reduceOptions.calcs, then lastNotNull', () => {
    expect(panelReducer({ reduce: 'max' })).toBe('max');
    expect(panelReducer({ reduceOptions: { calcs: ['mean'] } })).toBe('mean');
    expect(panelReducer({ reduce: 'sum', reduceOptions: { calcs: ['mean'] } })).toBe('sum');
    expect(panelReducer({})).toBe('lastNotNull');
    expect(panelReducer(undefined)).toBe('lastNotNull');
  });
  it('resolves aliases and rejects unknown ids', () => {
    expect(panelReducer({ reduce: 'avg' })).toBe('mean');
    expect(panelReducer({ reduceOptions: { calcs: ['current'] } })).toBe('lastNotNull');
    expect(panelReducer({ reduce: 'bogus' })).toBe('lastNotNull');
    expect(panelReducer({ reduce: 42 })).toBe('lastNotNull');
    expect(panelReducer({ reduce: 'p95' })).toBe('p95');
  });
});

describe('displayOf', () => {
  const fc = {
    unit: 'percent',
    decimals: 1,
    thresholds: {
      mode: 'absolute' as const,
      steps: [
        { value: null, color: 'green' },
        { value: 50, color: 'orange' },
        { value: 90, color: '#ff0000' },
      ],
    },
  };
  it('formats with unit and decimals and colours by threshold', () => {
    expect(displayOf(42, fc, {})).toEqual({
      display: { text: '42.0', suffix: '%' },
      color: '#73BF69',
    });
    expect(displayOf(50, fc, {}).color).toBe('#FF9830');
    expect(displayOf(95, fc, {}).color).toBe('#ff0000');
  });
  it('applies value mappings (text and colour) before formatting', () => {
    const mappings = [
      { type: 'value', options: { '1': { text: 'UP', color: 'green' } } },
      { type: 'range', options: { from: 90, to: null, result: { text: 'HOT' } } },
    ];
    expect(displayOf(1, { ...fc, mappings }, {})).toEqual({
      display: { text: 'UP' },
      color: '#73BF69',
    });
    // text only: colour still from thresholds
    expect(displayOf(95, { ...fc, mappings }, {})).toEqual({
      display: { text: 'HOT' },
      color: '#ff0000',
    });
  });
  it('uses Grafana default thresholds (green, red ≥ 80) when none are set', () => {
    expect(displayOf(79, { unit: 'short' }, {}).color).toBe('#73BF69');
    expect(displayOf(80, { unit: 'short' }, {}).color).toBe('#F2495C');
  });
  it('percentage thresholds use the given range', () => {
    const pct = {
      unit: 'short',
      thresholds: {
        mode: 'percentage' as const,
        steps: [
          { value: null, color: 'green' },
          { value: 50, color: 'red' },
        ],
      },
    };
    expect(displayOf(600, pct, { min: 0, max: 1000 }).color).toBe('#F2495C');
    expect(displayOf(400, pct, { min: 0, max: 1000 }).color).toBe('#73BF69');
  });
});

describe('displayValues', () => {
  const targets = [
    { refId: 'A', legendFormat: '{{job}}' },
    { refId: 'B', legendFormat: '' },
  ];
  it('reduces each range series and keeps the series for sparklines', () => {
    const r = rangeResult(
      'A',
      [0, 15, 30],
      [
        { labels: { job: 'api' }, values: [1, 2, NaN] },
        { labels: { job: 'db' }, values: [5, 6, 7] },
      ],
    );
    const { values, total } = displayValues({
      results: [r],
      targets,
      fieldConfig: { unit: 'short' },
      reducer: 'lastNotNull',
    });
    expect(total).toBe(2);
    expect(values.map((v) => [v.name, v.raw])).toEqual([
      ['api', 2],
      ['db', 7],
    ]);
    expect(values[0]!.values).toBe(r.frame!.series[0]!.values);
    expect(values[0]!.times).toBe(r.frame!.times);
    expect(formattedToString(values[0]!.display)).toBe('2');
  });
  it('takes instant rows as they are, named by the full series name without legend', () => {
    const { values } = displayValues({
      results: [instantResult('B', [{ labels: { __name__: 'up', job: 'x' }, value: 1 }])],
      targets,
      fieldConfig: { unit: 'short' },
      reducer: 'mean',
    });
    expect(values).toHaveLength(1);
    expect(values[0]).toMatchObject({ name: 'up{job="x"}', raw: 1 });
    expect(values[0]!.values).toBeUndefined();
  });
  it('names instant rows of an __auto legend by the label that differs', () => {
    const { values } = displayValues({
      results: [
        instantResult('C', [
          { labels: { __name__: 'up', job: 'x' }, value: 1 },
          { labels: { __name__: 'up', job: 'y' }, value: 0 },
        ]),
      ],
      targets: [{ refId: 'C', legendFormat: '__auto' }],
      fieldConfig: { unit: 'short' },
      reducer: 'mean',
    });
    expect(values.map((v) => v.name)).toEqual(['x', 'y']);
  });
  it('gives duplicate names distinct keys and honours the limit', () => {
    const r = rangeResult(
      'A',
      [0],
      [
        { labels: { job: 'a', i: '1' }, values: [1] },
        { labels: { job: 'a', i: '2' }, values: [2] },
        { labels: { job: 'b' }, values: [3] },
      ],
    );
    const { values, total } = displayValues({
      results: [r],
      targets,
      fieldConfig: { unit: 'short' },
      reducer: 'last',
      limit: 2,
    });
    expect(total).toBe(3);
    expect(values).toHaveLength(2);
    expect(new Set(values.map((v) => v.key)).size).toBe(2);
  });
  it('percentage thresholds default to the data range', () => {
    const r = rangeResult(
      'A',
      [0, 1],
      [
        { labels: { job: 'lo' }, values: [0, 10] },
        { labels: { job: 'hi' }, values: [100, 90] },
      ],
    );
    const { values } = displayValues({
      results: [r],
      targets,
      fieldConfig: {
        unit: 'short',
        thresholds: {
          mode: 'percentage',
          steps: [
            { value: null, color: 'green' },
            { value: 50, color: 'red' },
          ],
        },
      },
      reducer: 'last',
    });
    expect(values.map((v) => v.color)).toEqual(['#73BF69', '#F2495C']);
  });
});

describe('dataRange', () => {
  it('spans finite samples of frames and rows', () => {
    expect(
      dataRange([
        rangeResult('A', [0, 1], [{ labels: {}, values: [3, Infinity] }]),
        instantResult('B', [{ labels: {}, value: -2 }]),
      ]),
    ).toEqual({ min: -2, max: 3 });
    expect(dataRange([])).toBeUndefined();
  });
});
