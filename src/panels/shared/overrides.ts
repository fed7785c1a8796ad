// Per-series overrides (`fieldConfig.overrides`, validated in model/dashboard.ts): which series each one
// matches, and the properties every series ends up with. Pure; the time series panel draws the
// result and the editor's Overrides section edits the list through the helpers below.
import type { FieldOverride, OverrideMatcher, OverrideProperty } from '../../model/dashboard';
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
