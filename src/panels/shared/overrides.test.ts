import { describe, expect, it } from 'vitest';
import { overridePropertySchema, type FieldOverride } from '../../model/dashboard';
import { resolveOverrides, seriesMatcher } from './overrides';
import {
  matchCount,
  newProperty,
  OVERRIDE_PROPERTIES,
  replaceAt,
  withoutProperty,
  withProperty,
} from './overridesEdit';

const series = [
  { name: 'read sda', refId: 'A' },
  { name: 'write sda', refId: 'A' },
  { name: 'io time', refId: 'B' },
];

describe('seriesMatcher', () => {
  it('byName is the exact name; byFrameRefID the query', () => {
    expect(series.map(seriesMatcher({ id: 'byName', options: 'write sda' }))).toEqual([
      false,
      true,
      false,
    ]);
    expect(series.map(seriesMatcher({ id: 'byName', options: 'write' }))).toEqual([
      false,
      false,
      false,
    ]);
    expect(series.map(seriesMatcher({ id: 'byFrameRefID', options: 'B' }))).toEqual([
      false,
      false,
      true,
    ]);
  });

  it("byRegexp is Grafana's: /…/flags matches anywhere, a bare pattern the whole name", () => {
    expect(series.map(seriesMatcher({ id: 'byRegexp', options: '/ sda/' }))).toEqual([
      true,
      true,
      false,
    ]);
    expect(series.map(seriesMatcher({ id: 'byRegexp', options: '/READ/i' }))).toEqual([
      true,
      false,
      false,
    ]);
    // bare: anchored at both ends
    expect(series.map(seriesMatcher({ id: 'byRegexp', options: 'write' }))).toEqual([
      false,
      false,
      false,
    ]);
    expect(series.map(seriesMatcher({ id: 'byRegexp', options: 'write.*|io.*' }))).toEqual([
      false,
      true,
      true,
    ]);
    // a global flag does not make test() remember where it stopped
    const g = seriesMatcher({ id: 'byRegexp', options: '/sda/g' });
    expect([g(series[0]!), g(series[0]!), g(series[1]!)]).toEqual([true, true, true]);
  });

  it('a pattern that is not a regular expression matches nothing', () => {
    expect(series.map(seriesMatcher({ id: 'byRegexp', options: '/(/' }))).toEqual([
      false,
      false,
      false,
    ]);
    expect(matchCount({ id: 'byRegexp', options: '(' }, series)).toBe(0);
    expect(matchCount({ id: 'byRegexp', options: '/sda/' }, series)).toBe(2);
  });
});

describe('resolveOverrides', () => {
  it('gives each series the properties of the overrides that match it', () => {
    const overrides: FieldOverride[] = [
      {
        matcher: { id: 'byRegexp', options: '/write/' },
        properties: [
          { id: 'custom.transform', value: 'negative-Y' },
          { id: 'color', value: { mode: 'fixed', fixedColor: 'red' } },
        ],
      },
      {
        matcher: { id: 'byFrameRefID', options: 'B' },
        properties: [
          { id: 'custom.axisPlacement', value: 'right' },
          { id: 'unit', value: 'percentunit' },
          { id: 'min', value: 0 },
          { id: 'max', value: 1 },
          { id: 'decimals', value: 1 },
          { id: 'custom.drawStyle', value: 'bars' },
          { id: 'custom.fillOpacity', value: 40 },
          { id: 'custom.lineWidth', value: 3 },
          { id: 'custom.stacking', value: { mode: 'normal', group: 'B' } },
          { id: 'displayName', value: 'busy' },
          { id: 'custom.hideFrom', value: { legend: true, tooltip: false, viz: false } },
        ],
      },
    ];
    expect(resolveOverrides(overrides, series)).toEqual([
      {},
      { negativeY: true, color: 'red' },
      {
        axisPlacement: 'right',
        unit: 'percentunit',
        min: 0,
        max: 1,
        decimals: 1,
        drawStyle: 'bars',
        fillOpacity: 40,
        lineWidth: 3,
        stacking: { mode: 'normal', group: 'B' },
        displayName: 'busy',
        hideFrom: { legend: true, tooltip: false, viz: false },
      },
    ]);
  });

  it('a later override (and a later property) wins', () => {
    const overrides: FieldOverride[] = [
      {
        matcher: { id: 'byRegexp', options: '/sda/' },
        properties: [
          { id: 'unit', value: 'Bps' },
          { id: 'unit', value: 'bytes' },
        ],
      },
      { matcher: { id: 'byName', options: 'read sda' }, properties: [{ id: 'unit', value: 'ms' }] },
    ];
    expect(resolveOverrides(overrides, series).map((p) => p.unit)).toEqual([
      'ms',
      'bytes',
      undefined,
    ]);
  });

  it('no overrides, no properties', () => {
    expect(resolveOverrides(undefined, series)).toEqual([{}, {}, {}]);
  });
});

describe('editing helpers', () => {
  it('every property the editor offers starts with a value the schema accepts', () => {
    for (const [id] of OVERRIDE_PROPERTIES) {
      const p = newProperty(id);
      expect(p.id).toBe(id);
      expect(overridePropertySchema.safeParse(p).success).toBe(true);
    }
  });

  it('sets a property in place, appends a new one, removes one', () => {
    const o: FieldOverride = {
      matcher: { id: 'byName', options: 'x' },
      properties: [
        { id: 'unit', value: 'Bps' },
        { id: 'min', value: 0 },
      ],
    };
    expect(withProperty(o, { id: 'unit', value: 's' }).properties).toEqual([
      { id: 'unit', value: 's' },
      { id: 'min', value: 0 },
    ]);
    expect(withProperty(o, { id: 'max', value: 9 }).properties.map((p) => p.id)).toEqual([
      'unit',
      'min',
      'max',
    ]);
    expect(withoutProperty(o, 'unit').properties).toEqual([{ id: 'min', value: 0 }]);
    expect(o.properties).toHaveLength(2);
    expect(replaceAt([1, 2, 3], 1, 9)).toEqual([1, 9, 3]);
    expect(replaceAt([1, 2, 3], 1, undefined)).toEqual([1, 3]);
  });
});
