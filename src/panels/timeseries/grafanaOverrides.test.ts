import { describe, expect, it } from 'vitest';
import { fieldConfigSchema } from '../../model/dashboard';
import { fieldOverridesFromGrafana, graphOverridesFromGrafana } from './grafanaOverrides';

/** The converted overrides are valid Scry field config (what a save would check). */
const valid = (overrides: unknown) =>
  fieldConfigSchema.safeParse({ unit: 'short', overrides }).success;

describe('legacy graph seriesOverrides and aliasColors', () => {
  it('maps negative-Y, the right axis (with its unit), colour, stack, fill, width, legend', () => {
    const r = graphOverridesFromGrafana({
      type: 'graph',
      yaxes: [
        { format: 'Bps', min: 0 },
        { format: 'percentunit', max: 1, decimals: 1 },
      ],
      aliasColors: { errors: '#E24D42' },
      seriesOverrides: [
        { alias: '/.*write.*/', transform: 'negative-Y', $$hashKey: 'object:1' },
        { alias: 'io time', yaxis: 2, color: '#FF0000', linewidth: 2, fill: 0, legend: false },
        { alias: 'reclaims', stack: 'B', hiddenSeries: true, hideTooltip: true },
        { alias: 'other', stack: false, bars: true },
      ],
    });
    expect(r.dropped).toEqual([]);
    expect(r.overrides).toEqual([
      {
        matcher: { id: 'byName', options: 'errors' },
        properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: '#E24D42' } }],
      },
      {
        matcher: { id: 'byRegexp', options: '/.*write.*/' },
        properties: [{ id: 'custom.transform', value: 'negative-Y' }],
      },
      {
        matcher: { id: 'byName', options: 'io time' },
        properties: [
          { id: 'color', value: { mode: 'fixed', fixedColor: '#FF0000' } },
          { id: 'custom.axisPlacement', value: 'right' },
          { id: 'unit', value: 'percentunit' },
          { id: 'decimals', value: 1 },
          { id: 'max', value: 1 },
          { id: 'custom.fillOpacity', value: 0 },
          { id: 'custom.lineWidth', value: 2 },
          { id: 'custom.hideFrom', value: { legend: true, tooltip: false, viz: false } },
        ],
      },
      {
        matcher: { id: 'byName', options: 'reclaims' },
        properties: [
          { id: 'custom.stacking', value: { mode: 'normal', group: 'B' } },
          { id: 'custom.hideFrom', value: { legend: false, tooltip: true, viz: true } },
        ],
      },
      {
        matcher: { id: 'byName', options: 'other' },
        properties: [
          { id: 'custom.stacking', value: { mode: 'none', group: 'A' } },
          { id: 'custom.drawStyle', value: 'bars' },
        ],
      },
    ]);
    expect(valid(r.overrides)).toBe(true);
  });

  it('yaxis 2 with the same unit is only a placement; lines/points as draw styles', () => {
    const r = graphOverridesFromGrafana({
      yaxes: [{ format: 'short' }, { format: 'short' }],
      seriesOverrides: [
        { alias: 'a', yaxis: 2 },
        { alias: 'b', lines: false, points: true },
        { alias: 'c', lines: false },
        { alias: 'd', yaxis: 1, stack: true },
      ],
      percentage: true,
    });
    expect(r.overrides.map((o) => o.properties)).toEqual([
      [{ id: 'custom.axisPlacement', value: 'right' }],
      [{ id: 'custom.drawStyle', value: 'points' }],
      [{ id: 'custom.lineWidth', value: 0 }],
      [
        { id: 'custom.axisPlacement', value: 'left' },
        { id: 'custom.stacking', value: { mode: 'percent', group: 'A' } },
      ],
    ]);
  });

  it('names what it cannot keep', () => {
    const r = graphOverridesFromGrafana({
      seriesOverrides: [
        { alias: '/(/', color: 'red' },
        { color: 'red' },
        { alias: 'x', dashes: true, zindex: 3, transform: 'constant', steppedLine: false },
        { alias: 'y', points: true },
      ],
    });
    expect(r.dropped).toEqual([
      'series override "/(/" (not a regular expression)',
      'series override "" (no alias to match)',
      'transform "constant" of series override "x"',
      'dashes of series override "x"',
      'zindex of series override "x"',
      'points on the line of series override "y"',
    ]);
    expect(r.overrides.map((o) => o.matcher.options)).toEqual(['y']);
  });
});

describe('fieldConfig.overrides', () => {
  it('keeps the matchers and properties Scry draws, as they are', () => {
    const raw = [
      {
        matcher: { id: 'byRegexp', options: '/ read| written/' },
        properties: [{ id: 'unit', value: 'Bps' }],
      },
      {
        matcher: { id: 'byFrameRefID', options: 'B' },
        properties: [
          { id: 'custom.axisPlacement', value: 'right' },
          { id: 'custom.transform', value: 'negative-Y' },
          { id: 'color', value: { mode: 'fixed', fixedColor: 'purple' } },
          { id: 'min', value: 0 },
          { id: 'max', value: '100' },
          { id: 'displayName', value: 'Out' },
          { id: 'custom.fillOpacity', value: 20 },
          { id: 'custom.lineWidth', value: 2 },
          { id: 'custom.drawStyle', value: 'points' },
          { id: 'custom.stacking', value: { mode: 'normal', group: 'B' } },
          { id: 'custom.hideFrom', value: { legend: true, tooltip: false, viz: false } },
        ],
      },
    ];
    const r = fieldOverridesFromGrafana(raw);
    expect(r.dropped).toEqual([]);
    expect(r.overrides).toEqual([
      raw[0],
      {
        ...raw[1],
        properties: raw[1]!.properties.map((p) => (p.id === 'max' ? { id: 'max', value: 100 } : p)),
      },
    ]);
    expect(valid(r.overrides)).toBe(true);
  });

  it('names unsupported matchers and properties; an override left empty is left out', () => {
    const r = fieldOverridesFromGrafana([
      { matcher: { id: 'byType', options: 'number' }, properties: [{ id: 'unit', value: 's' }] },
      {
        matcher: { id: 'byName', options: 'Mounted on' },
        properties: [{ id: 'custom.width', value: 260 }],
      },
      {
        matcher: { id: 'byName', options: 'x' },
        properties: [
          { id: 'color', value: { mode: 'palette-classic' } },
          { id: 'links', value: [] },
          { id: 'unit', value: 'ms' },
        ],
      },
      { matcher: { id: 'byName', options: 'empty' }, properties: [] },
    ]);
    expect(r.dropped).toEqual([
      'override byType "number": matcher "byType" is not supported',
      'custom.width of override byName "Mounted on"',
      'color of override byName "x"',
      'links of override byName "x"',
    ]);
    expect(r.overrides).toEqual([
      { matcher: { id: 'byName', options: 'x' }, properties: [{ id: 'unit', value: 'ms' }] },
    ]);
  });
});
