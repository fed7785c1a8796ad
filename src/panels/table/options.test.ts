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

  it("reads a column's colour thresholds and colour mode, dropping malformed steps", () => {
    const o = readTableOptions({
      columns: {
        A: {
          colorMode: 'color-text',
          thresholds: {
            steps: [
              { value: null, color: 'red' },
              { value: 'x', color: 'blue' },
              { value: 1, color: 'green' },
            ],
          },
        },
        B: { colorMode: 'sparkle', thresholds: { steps: 'no' } },
      },
    });
    expect(o.columns).toEqual({
      A: {
        colorMode: 'color-text',
        thresholds: {
          mode: 'absolute',
          steps: [
            { value: null, color: 'red' },
            { value: 1, color: 'green' },
          ],
        },
      },
      B: {},
    });
  });
});
