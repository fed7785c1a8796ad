import { describe, expect, it } from 'vitest';
import type { Transformation } from '../model/dashboard';
import { instantResult, rangeResult } from '../panels/shared/results.testing';
import type { DataFrame } from './frames';
import { applyTransformations, problemText } from './index';

const series = { table: false, reducer: 'lastNotNull' };
const table = { table: true, reducer: 'lastNotNull' };
const legend = (...ids: string[]) => ids.map((refId) => ({ refId, legendFormat: refId }));

/** A table frame as column name → values (NaN shown as null). */
const columns = (f: DataFrame) =>
  Object.fromEntries(
    f.fields.map((x) => [
      x.name,
      [...x.values].map((v) => (typeof v === 'number' && Number.isNaN(v) ? null : v)),
    ]),
  );

describe('calculateField reduceRow + organize (dotdc "Global CPU Usage")', () => {
  const t: Transformation[] = [
    {
      id: 'calculateField',
      options: {
        alias: 'Real',
        mode: 'reduceRow',
        reduce: { include: ['Real Linux', 'Real Windows'], reducer: 'mean' },
      },
    },
    {
      id: 'organize',
      options: {
        excludeByName: { 'Real Linux': true, 'Real Windows': true, Time: true },
        indexByName: { Limits: 5, Real: 1, 'Real Linux': 2, Requests: 4, Time: 0 },
        renameByName: {},
      },
    },
  ];
  it('joins the series on time, adds the row mean and keeps the ordered, unexcluded ones', () => {
    const results = [
      rangeResult('Real Linux', [0, 15, 30], [{ labels: {}, values: [0.2, 0.4, NaN] }]),
      rangeResult('Real Windows', [0, 15, 30], [{ labels: {}, values: [0.6, NaN, 0.5] }]),
      rangeResult('Requests', [0, 15, 30], [{ labels: {}, values: [0.3, 0.3, 0.3] }]),
      rangeResult('Limits', [0, 15, 30], [{ labels: {}, values: [0.9, 0.9, 0.9] }]),
    ];
    const out = applyTransformations(
      results,
      legend('Real Linux', 'Real Windows', 'Requests', 'Limits'),
      t,
      series,
    );
    expect(out.problems).toEqual([]);
    // organize drops Time, Real is placed before Requests and Limits; the rows keep their times
    // (a stat or bar gauge reduces each field over them, as Grafana's does)
    const f = out.results[0]!.frame!;
    expect([...f.times]).toEqual([0, 15, 30]);
    expect(f.series.map((s) => [s.name, [...s.values]])).toEqual([
      ['Real', [0.4, 0.4, 0.5]],
      ['Requests', [0.3, 0.3, 0.3]],
      ['Limits', [0.9, 0.9, 0.9]],
    ]);
  });

  it('keeps time (organize without Time excluded): series named by the transformation', () => {
    const keepTime: Transformation[] = [
      t[0]!,
      { id: 'organize', options: { excludeByName: { 'Real Linux': true, 'Real Windows': true } } },
    ];
    const out = applyTransformations(
      [
        rangeResult('Real Linux', [0, 15], [{ labels: { a: '1' }, values: [1, 3] }]),
        // another grid: outer join on time
        rangeResult('Real Windows', [15, 30], [{ labels: {}, values: [5, 7] }]),
      ],
      legend('Real Linux', 'Real Windows'),
      keepTime,
      series,
    );
    const f = out.results[0]!.frame!;
    expect([...f.times]).toEqual([0, 15, 30]);
    expect(f.series.map((s) => [s.name, [...s.values]])).toEqual([['Real', [1, 4, 7]]]);
  });

  it('replaceFields without include: the mean of every number field, time kept', () => {
    const out = applyTransformations(
      [
        rangeResult('Linux', [0, 15], [{ labels: {}, values: [1, 2] }]),
        rangeResult('Windows', [0, 15], [{ labels: {}, values: [3, NaN] }]),
      ],
      legend('Linux', 'Windows'),
      [
        {
          id: 'calculateField',
          options: {
            alias: 'CPU',
            mode: 'reduceRow',
            reduce: { reducer: 'mean' },
            replaceFields: true,
          },
        },
      ],
      series,
    );
    const s = out.results.flatMap((r) => r.frame?.series ?? []);
    expect(s.map((x) => [x.name, [...x.values]])).toEqual([['CPU', [2, 2]]]);
  });
});

describe('the node-exporter "Disk Space Usage" table', () => {
  const t: Transformation[] = [
    {
      id: 'groupBy',
      options: {
        fields: {
          'Value #A': { aggregations: ['lastNotNull'], operation: 'aggregate' },
          'Value #B': { aggregations: ['lastNotNull'], operation: 'aggregate' },
          mountpoint: { aggregations: [], operation: 'groupby' },
        },
      },
    },
    { id: 'merge' },
    {
      id: 'calculateField',
      options: {
        alias: 'Used',
        binary: { left: 'Value #A (lastNotNull)', operator: '-', right: 'Value #B (lastNotNull)' },
        mode: 'binary',
      },
    },
    {
      id: 'calculateField',
      options: {
        alias: 'Used, %',
        binary: { left: 'Used', operator: '/', right: 'Value #A (lastNotNull)' },
        mode: 'binary',
      },
    },
    {
      id: 'organize',
      options: {
        renameByName: {
          'Value #A (lastNotNull)': 'Size',
          'Value #B (lastNotNull)': 'Available',
          mountpoint: 'Mounted on',
        },
      },
    },
    { id: 'sortBy', options: { sort: [{ field: 'Mounted on' }] } },
  ];
  it('groups, merges, calculates, renames and sorts as Grafana', () => {
    const results = [
      instantResult('A', [
        { labels: { mountpoint: '/' }, value: 100 },
        { labels: { mountpoint: '/boot' }, value: 10 },
      ]),
      instantResult('B', [
        { labels: { mountpoint: '/boot' }, value: 4 },
        { labels: { mountpoint: '/' }, value: 25 },
      ]),
    ];
    const out = applyTransformations(results, [], t, table);
    expect(out.problems).toEqual([]);
    expect(out.table!.map(columns)).toEqual([
      {
        'Mounted on': ['/', '/boot'],
        Size: [100, 10],
        Available: [25, 4],
        Used: [75, 6],
        'Used, %': [0.75, 0.6],
      },
    ]);
  });

  it('a calculation naming a missing field says so and the rest still applies', () => {
    const bad: Transformation[] = [
      {
        id: 'calculateField',
        options: { mode: 'binary', binary: { left: 'Nope', operator: '*', right: '2' } },
      },
      { id: 'organize', options: { renameByName: { Value: 'Size' } } },
    ];
    const out = applyTransformations(
      [instantResult('A', [{ labels: { m: '/' }, value: 3 }])],
      [],
      bad,
      table,
    );
    expect(out.problems.map(problemText)).toEqual([
      'Transformation 1 (calculateField): no field named "Nope"',
    ]);
    expect(columns(out.table![0]!)).toEqual({ Time: [1000], m: ['/'], Size: [3] });
  });

  it('multiplies by a number (binary right operand fixed)', () => {
    const out = applyTransformations(
      [instantResult('A', [{ labels: {}, value: 3 }])],
      [],
      [
        {
          id: 'calculateField',
          options: { mode: 'binary', binary: { left: 'Value', operator: '*', right: '2' } },
        },
      ],
      table,
    );
    expect(columns(out.table![0]!)['Value * 2']).toEqual([6]);
  });
});

describe('labelsToFields + organize (grafana-mixin "Build Info")', () => {
  it('labels become columns of one merged table; excluded ones go', () => {
    const out = applyTransformations(
      [
        instantResult('A', [
          { labels: { job: 'grafana', instance: 'a:3000', version: '10.1' }, value: 1 },
          { labels: { job: 'grafana', instance: 'b:3000', version: '10.2' }, value: 1 },
        ]),
      ],
      [],
      [
        { id: 'labelsToFields', options: {} },
        {
          id: 'organize',
          options: {
            excludeByName: { Time: true, Value: true },
            indexByName: { Time: 7, Value: 11, instance: 1, job: 0, version: 3 },
          },
        },
      ],
      table,
    );
    expect(out.table!.map(columns)).toEqual([
      { job: ['grafana', 'grafana'], instance: ['a:3000', 'b:3000'], version: ['10.1', '10.2'] },
    ]);
  });
});

describe('renameByRegex, disabled and unknown transformations', () => {
  const results = [
    rangeResult('A', [0], [{ labels: { job: 'opentelemetry-demo/recommendation' }, values: [1] }]),
  ];
  const targets = [{ refId: 'A', legendFormat: '{{job}} (system)' }];
  it('renames by the whole-name regex with $1', () => {
    const out = applyTransformations(
      results,
      targets,
      [{ id: 'renameByRegex', options: { regex: 'opentelemetry-demo/(.*)', renamePattern: '$1' } }],
      series,
    );
    expect(out.results[0]!.frame!.series[0]!.name).toBe('recommendation (system)');
    // labels stay for tooltips and links
    expect(out.results[0]!.frame!.series[0]!.labels).toEqual({
      job: 'opentelemetry-demo/recommendation',
    });
  });
  it('skips disabled ones silently and names unknown ones', () => {
    const out = applyTransformations(
      results,
      targets,
      [
        { id: 'renameByRegex', options: { regex: '(.*)', renamePattern: 'x' }, disabled: true },
        { id: 'prepareTimeSeries', options: {} },
      ],
      series,
    );
    expect(out.results[0]!.frame!.series[0]!.name).toBe(
      'opentelemetry-demo/recommendation (system)',
    );
    expect(out.problems.map(problemText)).toEqual([
      'Transformation 2 (prepareTimeSeries): not supported by Scry, skipped',
    ]);
  });
});

describe('reduce, filterFieldsByName, seriesToColumns', () => {
  const results = [
    rangeResult('A', [0, 15], [{ labels: {}, values: [1, 3] }]),
    rangeResult('B', [15, 30], [{ labels: {}, values: [10, 20] }]),
  ];
  it('reduce (series to rows): one row per field, one column per calculation', () => {
    const out = applyTransformations(
      results,
      legend('A', 'B'),
      [{ id: 'reduce', options: { reducers: ['mean', 'max'] } }],
      table,
    );
    expect(out.table!.map(columns)).toEqual([
      { Field: ['Value #A', 'Value #B'], Mean: [3, 20], Max: [3, 20] },
    ]);
  });
  it('filterFieldsByName keeps the named fields; seriesToColumns joins on time', () => {
    const out = applyTransformations(
      results,
      legend('A', 'B'),
      [
        { id: 'seriesToColumns', options: {} },
        { id: 'filterFieldsByName', options: { include: { names: ['Time', 'B'] } } },
      ],
      series,
    );
    const f = out.results[0]!.frame!;
    expect([...f.times]).toEqual([0, 15, 30]);
    expect(f.series.map((s) => [s.name, [...s.values]])).toEqual([['B', [NaN, 10, 20]]]);
  });
});
