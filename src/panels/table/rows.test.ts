import { describe, expect, it } from 'vitest';
import { instantResult, rangeResult } from '../shared/results.testing';
import {
  cellDisplay,
  cellMode,
  labelColumns,
  rowsFromResults,
  sortRows,
  tableFromFrames,
  type TableRow,
} from './rows';

const opts = { reduce: 'lastNotNull', columns: {} };

describe('labelColumns', () => {
  it('puts __name__ first and sorts the rest', () => {
    expect(labelColumns(['job', '__name__', 'instance'])).toEqual(['__name__', 'instance', 'job']);
    expect(labelColumns(['b', 'a'])).toEqual(['a', 'b']);
  });
});

describe('rowsFromResults', () => {
  it('instant rows: a column per label (union) plus Value', () => {
    const { columns, rows } = rowsFromResults(
      [
        instantResult('A', [
          { labels: { __name__: 'up', job: 'api', instance: 'a:1' }, value: 1 },
          { labels: { __name__: 'up', job: 'db', zone: 'eu' }, value: 0 },
        ]),
      ],
      opts,
      { unit: 'short' },
    );
    expect(columns.map((c) => [c.key, c.kind])).toEqual([
      ['__name__', 'label'],
      ['instance', 'label'],
      ['job', 'label'],
      ['zone', 'label'],
      ['Value', 'value'],
    ]);
    expect(columns[4]).toMatchObject({ unit: 'short', refId: 'A' });
    expect(rows.map((r) => r.cells)).toEqual([
      { __name__: 'up', job: 'api', instance: 'a:1', Value: 1 },
      { __name__: 'up', job: 'db', zone: 'eu', Value: 0 },
    ]);
  });

  it('range results are reduced with the reducer', () => {
    const r = rangeResult('A', [0, 1, 2], [{ labels: { job: 'x' }, values: [1, 5, 3] }]);
    expect(rowsFromResults([r], { ...opts, reduce: 'max' }).rows[0]!.cells.Value).toBe(5);
    expect(rowsFromResults([r], { ...opts, reduce: 'mean' }).rows[0]!.cells.Value).toBe(3);
  });

  it('several targets: Value #A / #B columns joined on identical label sets', () => {
    const { columns, rows } = rowsFromResults(
      [
        instantResult('A', [
          { labels: { job: 'api' }, value: 1 },
          { labels: { job: 'db' }, value: 2 },
        ]),
        instantResult('B', [
          { labels: { job: 'api' }, value: 10 },
          { labels: { job: 'web' }, value: 30 },
        ]),
      ],
      opts,
    );
    expect(columns.map((c) => c.key)).toEqual(['job', 'Value #A', 'Value #B']);
    expect(rows.map((r) => r.cells)).toEqual([
      { job: 'api', 'Value #A': 1, 'Value #B': 10 },
      { job: 'db', 'Value #A': 2 },
      { job: 'web', 'Value #B': 30 },
    ]);
  });

  it('applies per-column overrides (unit, decimals, title, hidden)', () => {
    const { columns } = rowsFromResults(
      [instantResult('A', [{ labels: { job: 'a', pod: 'p' }, value: 1 }])],
      {
        ...opts,
        columns: {
          Value: { unit: 'bytes', decimals: 2, displayName: 'Memory' },
          pod: { hidden: true },
        },
      },
      { unit: 'short' },
    );
    expect(columns).toEqual([
      { key: 'job', title: 'job', kind: 'label' },
      { key: 'Value', title: 'Memory', kind: 'value', refId: 'A', unit: 'bytes', decimals: 2 },
    ]);
  });

  it('no results: no columns', () => {
    expect(rowsFromResults([], opts)).toEqual({ columns: [], rows: [] });
  });
});

describe('sortRows', () => {
  const rows: TableRow[] = [
    { key: '1', cells: { name: 'a10', v: 5, port: '9100' } },
    { key: '2', cells: { name: 'a2', v: NaN, port: '80' } },
    { key: '3', cells: { name: 'B1', v: -1, port: '' } },
    { key: '4', cells: { name: 'a1', port: '443' } },
  ];
  const keys = (rs: TableRow[]) => rs.map((r) => r.key);
  it('sorts numbers numerically with NaN and missing last in both directions', () => {
    expect(keys(sortRows(rows, 'v', false))).toEqual(['3', '1', '2', '4']);
    expect(keys(sortRows(rows, 'v', true))).toEqual(['1', '3', '2', '4']);
  });
  it('sorts numeric label values numerically and strings naturally', () => {
    expect(keys(sortRows(rows, 'port', false))).toEqual(['2', '4', '1', '3']);
    expect(keys(sortRows(rows, 'name', false))).toEqual(['4', '2', '1', '3']);
    expect(keys(sortRows(rows, 'name', true))).toEqual(['3', '1', '2', '4']);
  });
  it('does not modify the input', () => {
    sortRows(rows, 'v', false);
    expect(keys(rows)).toEqual(['1', '2', '3', '4']);
  });
});

describe('cellDisplay', () => {
  const value = { key: 'Value', title: 'Value', kind: 'value' as const, unit: 'bytes' };
  const label = { key: 'job', title: 'job', kind: 'label' as const };
  it('formats values with the unit and leaves labels alone', () => {
    expect(cellDisplay(2048, value, {})).toEqual({ text: '2 KiB' });
    expect(cellDisplay('api', label, {})).toEqual({ text: 'api' });
    expect(cellDisplay(undefined, value, {})).toEqual({ text: '' });
    expect(cellDisplay('1024', { ...label, unit: 'bytes' }, {})).toEqual({ text: '1 KiB' });
  });
  it('applies mappings and colours cells by thresholds when asked', () => {
    const fc = {
      mappings: [{ type: 'value', options: { '1': { text: 'UP', color: 'green' } } }],
      thresholds: {
        mode: 'absolute' as const,
        steps: [
          { value: null, color: 'green' },
          { value: 10, color: 'red' },
        ],
      },
    };
    expect(cellDisplay(1, value, fc)).toEqual({ text: 'UP', color: '#73BF69' });
    expect(cellDisplay(20, value, fc)).toEqual({ text: '20 B' });
    expect(
      cellDisplay(20, value, { ...fc, custom: { cellOptions: { type: 'color-background' } } }),
    ).toEqual({ text: '20 B', background: '#F2495C' });
    expect(cellMode({ displayMode: 'color-text' })).toBe('color-text');
  });
  it("a column's own thresholds and colour mode win over the panel's (old table styles)", () => {
    const own = {
      ...value,
      colorMode: 'color-background' as const,
      thresholds: {
        mode: 'absolute' as const,
        steps: [
          { value: null, color: 'red' },
          { value: 0.95, color: 'green' },
        ],
      },
    };
    expect(cellDisplay(0.9, own, {})).toEqual({ text: '0.900 B', background: '#F2495C' });
    expect(cellDisplay(0.99, own, {})).toEqual({ text: '0.990 B', background: '#73BF69' });
    expect(cellDisplay(0.99, value, {})).toEqual({ text: '0.990 B' });
  });
});

describe('tableFromFrames (transformed tables)', () => {
  it('fields in order become columns: strings labels, numbers values, times dates; gaps empty', () => {
    const { allColumns, rows } = tableFromFrames(
      [
        {
          refId: 'A',
          length: 2,
          fields: [
            { name: 'Time', type: 'time', values: Float64Array.of(10, 20) },
            { name: 'Mounted on', type: 'string', values: ['/', '/boot'] },
            { name: 'Size', type: 'number', values: Float64Array.of(100, NaN), refId: 'A' },
          ],
        },
      ],
      { columns: { Size: { unit: 'bytes' } } },
      { unit: 'short', decimals: 1 },
    );
    expect(allColumns).toEqual([
      { key: 'Time', title: 'Time', kind: 'value', unit: 'dateTimeAsIso' },
      { key: 'Mounted on', title: 'Mounted on', kind: 'label' },
      { key: 'Size', title: 'Size', kind: 'value', refId: 'A', unit: 'bytes', decimals: 1 },
    ]);
    expect(rows.map((r) => r.cells)).toEqual([
      { Time: 10000, 'Mounted on': '/', Size: 100 },
      { Time: 20000, 'Mounted on': '/boot' },
    ]);
  });
});
