import { describe, expect, it } from 'vitest';
import { readTableOptions } from './options';

describe('readTableOptions', () => {
  it('fills defaults and reads Grafana sortBy and column overrides', () => {
    expect(readTableOptions({})).toEqual({
      reduce: 'lastNotNull',
      showHeader: true,
      columns: {},
      sortBy: undefined,
    });
    const o = readTableOptions({
      showHeader: false,
      sortBy: [{ displayName: 'Value', desc: true }],
      reduceOptions: { calcs: ['max'] },
      columns: {
        Value: { unit: 'bytes', decimals: 1, junk: 1 },
        job: 'bad',
        pod: { hidden: true },
      },
    });
    expect(o).toEqual({
      reduce: 'max',
      showHeader: false,
      columns: { Value: { unit: 'bytes', decimals: 1 }, pod: { hidden: true } },
      sortBy: { column: 'Value', desc: true },
    });
  });
});
