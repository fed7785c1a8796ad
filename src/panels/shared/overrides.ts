// Per-series overrides (`fieldConfig.overrides`, validated in model/dashboard.ts): which series each one
// matches, and the properties every series ends up with. Pure; the time series panel draws the
// result and the editor's Overrides section edits the list through the helpers below.
import type {
  FieldOverride,
  OverrideMatcher,
  OverrideProperty,
  OverridePropertyId,
} from '../../model/dashboard';
import { overrideRegex } from '../../model/overrides';

/** What a matcher looks at: the series' name (its legend) and the query it came from. */
export interface SeriesIdentity {
  name: string;
  refId: string;
}

/** The properties overrides set on one series; absent = the panel's own setting. */
export interface SeriesProps {
  unit?: string;
  decimals?: number;
  min?: number;
  max?: number;
  displayName?: string;
  /** as written (a hex or one of Grafana's named colours) */
  color?: string;
  axisPlacement?: 'auto' | 'left' | 'right' | 'hidden';
  /** drawn mirrored below zero (values × −1 in the plot only) */
  negativeY?: boolean;
  drawStyle?: 'line' | 'bars' | 'points';
  fillOpacity?: number;
  lineWidth?: number;
  stacking?: { mode: 'none' | 'normal' | 'percent'; group: string };
  hideFrom?: { legend: boolean; tooltip: boolean; viz: boolean };
}

/** A matcher as a test over series; a regex that does not compile matches nothing. */
export function seriesMatcher(m: OverrideMatcher): (s: SeriesIdentity) => boolean {
  if (m.id === 'byName') return (s) => s.name === m.options;
  if (m.id === 'byFrameRefID') return (s) => s.refId === m.options;
  let re: RegExp;
  try {
    re = overrideRegex(m.options);
  } catch {
    return () => false;
  }
  return (s) => re.test(s.name);
}

function apply(out: SeriesProps, p: OverrideProperty): void {
  switch (p.id) {
    case 'unit':
      out.unit = p.value;
      return;
    case 'decimals':
      out.decimals = p.value;
      return;
    case 'min':
      out.min = p.value;
      return;
    case 'max':
      out.max = p.value;
      return;
    case 'displayName':
      out.displayName = p.value;
      return;
    case 'color':
      out.color = p.value.fixedColor;
      return;
    case 'custom.axisPlacement':
      out.axisPlacement = p.value;
      return;
    case 'custom.transform':
      out.negativeY = p.value === 'negative-Y';
      return;
    case 'custom.drawStyle':
      out.drawStyle = p.value;
      return;
    case 'custom.fillOpacity':
      out.fillOpacity = p.value;
      return;
    case 'custom.lineWidth':
      out.lineWidth = p.value;
      return;
    case 'custom.stacking':
      out.stacking = { mode: p.value.mode, group: p.value.group };
      return;
    case 'custom.hideFrom':
      out.hideFrom = { ...p.value };
      return;
  }
}

/**
 * The properties of each series (same order as `series`): every override whose matcher picks
 * the series applies its properties in order, so a later one wins (Grafana's rule).
 */
export function resolveOverrides(
  overrides: readonly FieldOverride[] | undefined,
  series: readonly SeriesIdentity[],
): SeriesProps[] {
  const out = series.map((): SeriesProps => ({}));
  for (const o of overrides ?? []) {
    const matches = seriesMatcher(o.matcher);
    series.forEach((s, i) => {
      if (matches(s)) for (const p of o.properties) apply(out[i]!, p);
    });
  }
  return out;
}

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
