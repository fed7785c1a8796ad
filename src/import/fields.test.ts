import { describe, expect, it } from 'vitest';
import {
  convertMappings,
  convertThresholds,
  decimalsOf,
  legacyMappings,
  normalizeCalcs,
  singlestatThresholds,
} from './fields';
import { Notes } from './util';

describe('reducer ids', () => {
  it.each([
    ['current', 'lastNotNull'],
    ['avg', 'mean'],
    ['total', 'sum'],
    ['first', 'firstNotNull'],
    ['max', 'max'],
    ['p95', 'p95'],
  ])('maps %s to %s', (from, to) => {
    expect(normalizeCalcs([from])).toEqual([to]);
  });

  it('drops non-string calcs', () => {
    expect(normalizeCalcs(['mean', 3, null, ''])).toEqual(['mean']);
  });
});

describe('decimals', () => {
  it.each([
    [2, 2],
    ['3', 3],
    [1.6, 2],
    [25, 20],
    [-1, undefined],
    [null, undefined],
  ])('%j becomes %j', (raw, want) => {
    expect(decimalsOf(raw)).toBe(want);
  });
});

describe('thresholds', () => {
  it('sorts steps and makes the first the base step', () => {
    expect(
      convertThresholds({
        mode: 'absolute',
        steps: [
          { color: 'red', value: 80 },
          { color: 'green', value: null },
          { color: 'orange', value: '50' },
        ],
      }),
    ).toEqual({
      mode: 'absolute',
      steps: [
        { value: null, color: 'green' },
        { value: 50, color: 'orange' },
        { value: 80, color: 'red' },
      ],
    });
  });

  it('reads a missing mode as absolute and a first step without value as the base', () => {
    expect(convertThresholds({ steps: [{ color: 'green' }, { color: 'red', value: 1 }] })).toEqual({
      mode: 'absolute',
      steps: [
        { value: null, color: 'green' },
        { value: 1, color: 'red' },
      ],
    });
  });

  it('keeps percentage mode and accepts the Grafana 6 bare array', () => {
    expect(
      convertThresholds({ mode: 'percentage', steps: [{ color: 'blue', value: null }] }),
    ).toEqual({ mode: 'percentage', steps: [{ value: null, color: 'blue' }] });
    expect(convertThresholds([{ color: 'green', index: 0, value: null }])?.steps).toEqual([
      { value: null, color: 'green' },
    ]);
  });

  it('returns undefined when there is nothing to convert', () => {
    expect(convertThresholds(undefined)).toBeUndefined();
    expect(convertThresholds({ steps: [] })).toBeUndefined();
  });

  it('turns singlestat "80,95" and three colours into three steps', () => {
    expect(
      singlestatThresholds('80,95', ['#299c46', 'rgba(237, 129, 40, 0.89)', '#d44a3a']),
    ).toEqual({
      mode: 'absolute',
      steps: [
        { value: null, color: '#299c46' },
        { value: 80, color: 'rgba(237, 129, 40, 0.89)' },
        { value: 95, color: '#d44a3a' },
      ],
    });
  });

  it('ignores empty singlestat thresholds', () => {
    expect(singlestatThresholds('', ['a', 'b', 'c'])).toBeUndefined();
  });
});

describe('value mappings', () => {
  it('converts singlestat value maps, the null entry becoming a special mapping', () => {
    expect(
      legacyMappings(
        [
          { op: '=', text: 'N/A', value: 'null' },
          { op: '=', text: 'UP', value: '1' },
          { op: '=', text: 'DOWN', value: '0' },
        ],
        [],
      ),
    ).toEqual([
      { type: 'special', options: { match: 'null', result: { text: 'N/A', index: 0 } } },
      {
        type: 'value',
        options: { '1': { text: 'UP', index: 1 }, '0': { text: 'DOWN', index: 2 } },
      },
    ]);
  });

  it('converts range maps', () => {
    expect(legacyMappings([], [{ from: '0', to: '10', text: 'low' }])).toEqual([
      { type: 'range', options: { from: 0, to: 10, result: { text: 'low', index: 0 } } },
    ]);
  });

  it('keeps current-shape mappings and converts Grafana 7.0 numbered ones', () => {
    const notes = new Notes();
    const out = convertMappings(
      [
        { type: 'value', options: { '1': { text: 'on', color: 'green' } } },
        { id: 1, type: 1, value: '0', text: 'off' },
        { type: 'weird' },
      ],
      'p',
      notes,
    );
    expect(out).toEqual([
      { type: 'value', options: { '1': { text: 'on', color: 'green' } } },
      { type: 'value', options: { '0': { text: 'off', index: 0 } } },
    ]);
    expect(notes.list).toEqual([
      { level: 'info', path: 'p', message: 'Dropped 1 value mapping(s) of an unknown kind' },
    ]);
  });
});

describe('reserved value-map names', () => {
  it('skips __proto__, constructor and prototype with a note instead of assigning them', () => {
    const notes = new Notes();
    const out = legacyMappings(
      [
        { value: '__proto__', text: 'p' },
        { value: 'constructor', text: 'c' },
        { value: 'prototype', text: 'q' },
        { value: '1', text: 'one' },
      ],
      [],
      notes,
      'panels[0]',
    );
    expect(out).toEqual([{ type: 'value', options: { '1': { text: 'one', index: 0 } } }]);
    const options = out[0]!.options as object;
    expect(Object.getPrototypeOf(options)).toBe(Object.prototype);
    expect(Object.keys(options)).toEqual(['1']);
    expect(notes.list.map((n) => n.message)).toEqual([
      'Value mapping for "__proto__" skipped: the name is reserved',
      'Value mapping for "constructor" skipped: the name is reserved',
      'Value mapping for "prototype" skipped: the name is reserved',
    ]);
  });
});
