// The editor's side of overrides (the time series Overrides section, a lazy chunk): match
// counts, the properties offered and their starting values, list edits. Pure.
import type {
  FieldOverride,
  OverrideMatcher,
  OverrideProperty,
  OverridePropertyId,
} from '../../model/dashboard';
import { seriesMatcher, type SeriesIdentity } from './overrides';

/** How many of `series` an override's matcher picks (the editor shows it). */
export function matchCount(m: OverrideMatcher, series: readonly SeriesIdentity[]): number {
  const matches = seriesMatcher(m);
  return series.reduce((n, s) => n + (matches(s) ? 1 : 0), 0);
}

/** The properties the editor offers, in its order, with their labels. */
export const OVERRIDE_PROPERTIES: readonly (readonly [OverridePropertyId, string])[] = [
  ['displayName', 'Display name'],
  ['color', 'Colour'],
  ['unit', 'Unit'],
  ['decimals', 'Decimals'],
  ['min', 'Min'],
  ['max', 'Max'],
  ['custom.axisPlacement', 'Y axis'],
  ['custom.transform', 'Negative Y'],
  ['custom.drawStyle', 'Draw style'],
  ['custom.lineWidth', 'Line width'],
  ['custom.fillOpacity', 'Fill opacity'],
  ['custom.stacking', 'Stack group'],
  ['custom.hideFrom', 'Hide'],
];

/** A new property's starting value: what it does at once (a right axis, mirrored, hidden …). */
export function newProperty(id: OverridePropertyId, color = '#73bf69'): OverrideProperty {
  switch (id) {
    case 'unit':
      return { id, value: 'short' };
    case 'decimals':
      return { id, value: 0 };
    case 'min':
    case 'max':
      return { id, value: 0 };
    case 'displayName':
      return { id, value: '' };
    case 'color':
      return { id, value: { mode: 'fixed', fixedColor: color } };
    case 'custom.axisPlacement':
      return { id, value: 'right' };
    case 'custom.transform':
      return { id, value: 'negative-Y' };
    case 'custom.drawStyle':
      return { id, value: 'bars' };
    case 'custom.lineWidth':
      return { id, value: 2 };
    case 'custom.fillOpacity':
      return { id, value: 20 };
    case 'custom.stacking':
      return { id, value: { mode: 'normal', group: 'A' } };
    case 'custom.hideFrom':
      return { id, value: { legend: true, tooltip: true, viz: true } };
  }
}

/** The override with `p` set: replacing a property of the same id in place, else appended. */
export function withProperty(o: FieldOverride, p: OverrideProperty): FieldOverride {
  const i = o.properties.findIndex((q) => q.id === p.id);
  const properties = [...o.properties];
  if (i < 0) properties.push(p);
  else properties[i] = p;
  return { ...o, properties };
}

/** The override without its property `id`. */
export function withoutProperty(o: FieldOverride, id: OverridePropertyId): FieldOverride {
  return { ...o, properties: o.properties.filter((p) => p.id !== id) };
}

/** The list with item `i` replaced (`next`) or removed (`undefined`). */
export function replaceAt<T>(list: readonly T[], i: number, next: T | undefined): T[] {
  return next === undefined
    ? list.filter((_x, j) => j !== i)
    : list.map((x, j) => (j === i ? next : x));
}
