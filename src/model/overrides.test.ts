import { describe, expect, it } from 'vitest';
import { overrideRegex, overrideRegexError } from './overrides';
import { validateDashboard } from './validate';

const withOverrides = (overrides: unknown) => ({
  scry: 1,
  uid: 'o',
  title: 'O',
  panels: [
    {
      id: 1,
      type: 'timeseries',
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
      fieldConfig: { unit: 'short', overrides },
    },
  ],
});

describe('overrideRegex (Grafana stringToJsRegex)', () => {
  it('reads /pattern/flags as written and anchors a bare pattern', () => {
    expect(overrideRegex('/a.c/i').test('xABCx')).toBe(true);
    expect(overrideRegex('a.c').test('xabcx')).toBe(false);
    expect(overrideRegex('a.c').test('abc')).toBe(true);
    expect(overrideRegex('a|b').test('b')).toBe(true);
  });
  it('says why a pattern is not one', () => {
    expect(overrideRegexError('/abc')).toContain('has no closing /');
    expect(overrideRegexError('(')).toBeTruthy();
    expect(overrideRegexError('/ read| written/')).toBeUndefined();
  });
});

describe('fieldConfig.overrides validation', () => {
  it('keeps valid overrides as they are, filling hideFrom defaults', () => {
    const overrides = [
      {
        matcher: { id: 'byRegexp', options: '/write/' },
        properties: [
          { id: 'custom.transform', value: 'negative-Y' },
          { id: 'custom.axisPlacement', value: 'right' },
          { id: 'color', value: { mode: 'fixed', fixedColor: '#ff0000' } },
          { id: 'custom.hideFrom', value: { legend: true } },
        ],
      },
    ];
    const r = validateDashboard(withOverrides(overrides));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.panels[0]!.fieldConfig.overrides).toEqual([
      {
        ...overrides[0],
        properties: [
          ...overrides[0]!.properties.slice(0, 3),
          { id: 'custom.hideFrom', value: { legend: true, tooltip: false, viz: false } },
        ],
      },
    ]);
  });

  it('names a bad regex, an unknown matcher, property or value by its path', () => {
    const r = validateDashboard(
      withOverrides([
        { matcher: { id: 'byRegexp', options: '/(/' }, properties: [] },
        { matcher: { id: 'byType', options: 'number' }, properties: [] },
        { matcher: { id: 'byName', options: 'x' }, properties: [{ id: 'custom.width', value: 3 }] },
        {
          matcher: { id: 'byName', options: 'x' },
          properties: [{ id: 'custom.axisPlacement', value: 'top' }],
        },
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = (i: number) =>
      r.errors.find((e) => e.startsWith(`panels[0].fieldConfig.overrides[${i}]`));
    expect(at(0)).toMatch(
      /^panels\[0\]\.fieldConfig\.overrides\[0\]\.matcher\.options: not a regular expression/,
    );
    expect(at(1)).toMatch(/matcher\.id/);
    expect(at(2)).toMatch(/properties\[0\]\.id/);
    expect(at(3)).toMatch(/properties\[0\]\.value/);
  });
});
