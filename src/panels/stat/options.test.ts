import { describe, expect, it } from 'vitest';
import { readStatOptions, textParts } from './options';

describe('readStatOptions', () => {
  it('fills Grafana defaults', () => {
    expect(readStatOptions({})).toEqual({
      reduce: 'lastNotNull',
      colorMode: 'value',
      graphMode: 'area',
      textMode: 'auto',
      orientation: 'auto',
      justifyMode: 'auto',
    });
  });
  it('keeps valid values and replaces unknown ones', () => {
    const o = readStatOptions({
      reduceOptions: { calcs: ['max'] },
      colorMode: 'background',
      graphMode: 'none',
      textMode: 'value_and_name',
      orientation: 'sideways',
    });
    expect(o).toMatchObject({
      reduce: 'max',
      colorMode: 'background',
      graphMode: 'none',
      textMode: 'value_and_name',
      orientation: 'auto',
    });
  });
});

describe('textParts', () => {
  it('auto shows the name only for several values', () => {
    expect(textParts('auto', 1)).toEqual({ name: false, value: true });
    expect(textParts('auto', 2)).toEqual({ name: true, value: true });
    expect(textParts('name', 1)).toEqual({ name: true, value: false });
    expect(textParts('none', 3)).toEqual({ name: false, value: false });
  });
});
