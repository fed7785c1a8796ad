import { describe, expect, it } from 'vitest';
import { applyMappings } from './mappings';

const valueMap = {
  type: 'value',
  options: {
    '1': { text: 'UP', color: 'green', index: 0 },
    '0': { text: 'DOWN', color: 'red', index: 1 },
    '1.5': { text: 'one and a half' },
    NaN: { text: 'not a number' },
  },
};

describe('value mappings', () => {
  it.each([
    [1, { text: 'UP', color: 'green', index: 0 }],
    [0, { text: 'DOWN', color: 'red', index: 1 }],
    [1.5, { text: 'one and a half' }],
    ['1', { text: 'UP', color: 'green', index: 0 }],
    [NaN, { text: 'not a number' }],
  ])('maps %s', (value, expected) => {
    expect(applyMappings(value, [valueMap])).toEqual(expected);
  });

  it('does not match other values, null, or inherited keys', () => {
    expect(applyMappings(2, [valueMap])).toBeUndefined();
    expect(applyMappings(null, [valueMap])).toBeUndefined();
    expect(applyMappings('toString', [valueMap])).toBeUndefined();
  });
});

describe('range mappings', () => {
  const range = {
    type: 'range',
    options: { from: 10, to: 20, result: { text: 'mid', color: 'orange' } },
  };

  it.each([
    [9.99, undefined],
    [10, { text: 'mid', color: 'orange' }],
    [15, { text: 'mid', color: 'orange' }],
    [20, { text: 'mid', color: 'orange' }],
    [20.01, undefined],
    [NaN, undefined],
    [null, undefined],
  ])('maps %s with inclusive bounds', (value, expected) => {
    expect(applyMappings(value, [range])).toEqual(expected);
  });

  it('treats a null bound as open', () => {
    const atLeast = { type: 'range', options: { from: 100, to: null, result: { text: 'high' } } };
    const atMost = { type: 'range', options: { from: null, to: 0, result: { text: 'low' } } };
    expect(applyMappings(1e12, [atLeast])).toEqual({ text: 'high' });
    expect(applyMappings(99, [atLeast])).toBeUndefined();
    expect(applyMappings(-5, [atMost])).toEqual({ text: 'low' });
  });

  it('accepts numeric strings as bounds and values', () => {
    const r = { type: 'range', options: { from: '1', to: '2', result: { text: 'ok' } } };
    expect(applyMappings(1.5, [r])).toEqual({ text: 'ok' });
    expect(applyMappings('1.5', [r])).toEqual({ text: 'ok' });
  });
});

describe('regex mappings', () => {
  it('matches strings anchored, and substitutes capture groups into the text', () => {
    const re = { type: 'regex', options: { pattern: 'host-(\\d+)', result: { text: 'node $1' } } };
    expect(applyMappings('host-12', [re])).toEqual({ text: 'node 12' });
    expect(applyMappings('my-host-12', [re])).toBeUndefined();
  });

  it('accepts /literal/flags patterns', () => {
    const re = {
      type: 'regex',
      options: { pattern: '/ERR/i', result: { text: 'error', color: 'red' } },
    };
    expect(applyMappings('an err happened', [re])).toEqual({
      text: 'an error happened',
      color: 'red',
    });
  });

  it('keeps the result text-free when the mapping only sets a colour', () => {
    const re = { type: 'regex', options: { pattern: '.*', result: { color: 'blue' } } };
    expect(applyMappings('anything', [re])).toEqual({ color: 'blue' });
  });

  it('does not apply to numbers (as in Grafana) and skips invalid patterns', () => {
    const re = { type: 'regex', options: { pattern: '1.*', result: { text: 'one' } } };
    expect(applyMappings(12, [re])).toBeUndefined();
    const broken = { type: 'regex', options: { pattern: '(', result: { text: 'x' } } };
    expect(applyMappings('(', [broken])).toBeUndefined();
  });
});

describe('special mappings', () => {
  const special = (match: string, text: string): unknown => ({
    type: 'special',
    options: { match, result: { text } },
  });

  it.each([
    ['null', null, true],
    ['null', undefined, true],
    ['null', NaN, false],
    ['nan', NaN, true],
    ['nan', null, false],
    ['null+nan', null, true],
    ['null+nan', NaN, true],
    ['null+nan', 0, false],
    ['true', true, true],
    ['true', 'true', true],
    ['true', 1, false],
    ['false', false, true],
    ['false', 'false', true],
    ['false', 0, false],
    ['empty', '', true],
    ['empty', null, false],
  ] as const)('%s matches %s: %s', (match, value, matches) => {
    expect(applyMappings(value, [special(match, 'X')])).toEqual(
      matches ? { text: 'X' } : undefined,
    );
  });
});

describe('applyMappings', () => {
  it('returns the first matching mapping in order', () => {
    const mappings = [
      { type: 'range', options: { from: 0, to: 10, result: { text: 'low' } } },
      { type: 'value', options: { '5': { text: 'five' } } },
    ];
    expect(applyMappings(5, mappings)).toEqual({ text: 'low' });
    expect(applyMappings(5, [...mappings].reverse())).toEqual({ text: 'five' });
  });

  it('ignores malformed entries and input', () => {
    const mappings = [
      null,
      42,
      'value',
      { type: 'value' },
      { type: 'value', options: { '5': null } },
      { type: 'range', options: { from: 0, to: 10 } },
      { type: 'bogus', options: {} },
      { type: 'special', options: { match: 'sometimes', result: { text: 'never' } } },
      { type: 'value', options: { '5': { text: 7, color: 3, index: 'x' } } },
    ];
    expect(applyMappings(5, mappings)).toEqual({ text: '7' });
    expect(applyMappings(5, undefined)).toBeUndefined();
    expect(applyMappings(5, { type: 'value' })).toBeUndefined();
  });
});
