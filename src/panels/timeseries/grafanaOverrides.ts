// Grafana's per-series settings → Scry overrides of a time series: `fieldConfig.overrides`
// (timeseries) and the old graph panel's `aliasColors` and `seriesOverrides`, mapped as
// Grafana's own graph → timeseries migration does. Whatever cannot be kept is named.
import type { FieldOverride, OverrideMatcher, OverrideProperty } from '../../model/dashboard';
import { arr, isObj, num, obj, str, type Obj } from '../../model/json';
import { overrideRegexError } from '../../model/overrides';

/** Overrides carried over, and a phrase for each thing that was not. */
export interface ConvertedOverrides {
  overrides: FieldOverride[];
  dropped: string[];
}

const PLACEMENTS = new Set(['auto', 'left', 'right', 'hidden']);
const DRAW_STYLES = new Set(['line', 'bars', 'points']);
const STACK_MODES = new Set(['none', 'normal', 'percent']);

/** A matcher Scry has for Grafana's `{id, options}`, or why not. */
function matcherOf(raw: unknown): OverrideMatcher | string {
  const m = obj(raw);
  const id = str(m.id) ?? '?';
  const options = str(m.options);
  if ((id !== 'byName' && id !== 'byRegexp' && id !== 'byFrameRefID') || options === undefined)
    return `matcher "${id}" is not supported`;
  const bad = id === 'byRegexp' ? overrideRegexError(options) : undefined;
  if (bad) return `${JSON.stringify(options)} is not a regular expression (${bad})`;
  return { id, options };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** One Grafana override property as Scry's, or undefined when Scry has no such property. */
function propertyOf(id: string, v: unknown): OverrideProperty | undefined {
  const n = num(v);
  switch (id) {
    case 'unit':
      return str(v)?.trim() ? { id, value: str(v)!.trim() } : undefined;
    case 'decimals':
      return n === undefined ? undefined : { id, value: clamp(Math.round(n), 0, 20) };
    case 'min':
    case 'max':
      return n === undefined ? undefined : { id, value: n };
    case 'displayName':
      return str(v) === undefined ? undefined : { id: 'displayName', value: str(v)! };
    case 'color': {
      const c = obj(v);
      const fixed = str(c.fixedColor);
      return c.mode === 'fixed' && fixed
        ? { id, value: { mode: 'fixed', fixedColor: fixed } }
        : undefined;
    }
    case 'custom.axisPlacement':
      return PLACEMENTS.has(str(v) ?? '')
        ? { id, value: v as 'auto' | 'left' | 'right' | 'hidden' }
        : undefined;
    case 'custom.transform':
      return v === 'negative-Y' ? { id, value: 'negative-Y' } : undefined;
    case 'custom.drawStyle':
      return DRAW_STYLES.has(str(v) ?? '')
        ? { id, value: v as 'line' | 'bars' | 'points' }
        : undefined;
    case 'custom.fillOpacity':
      return n === undefined ? undefined : { id, value: clamp(n, 0, 100) };
    case 'custom.lineWidth':
      return n === undefined ? undefined : { id, value: clamp(n, 0, 10) };
    case 'custom.stacking': {
      const s = obj(v);
      const mode = str(s.mode) ?? 'none';
      if (!STACK_MODES.has(mode)) return undefined;
      return {
        id,
        value: { mode: mode as 'none' | 'normal' | 'percent', group: str(s.group) || 'A' },
      };
    }
    case 'custom.hideFrom': {
      const h = obj(v);
      return {
        id,
        value: { legend: h.legend === true, tooltip: h.tooltip === true, viz: h.viz === true },
      };
    }
    default:
      return undefined;
  }
}

/** How an override is named in a note: its matcher. */
const label = (m: Obj) => `${str(m.id) ?? '?'} ${JSON.stringify(str(m.options) ?? '')}`;

/**
 * `fieldConfig.overrides` of a Grafana time series. Properties Scry does not draw (`custom.width`
 * is a table's, `links`, `custom.lineStyle` …) are left out and named; an override left with no
 * property is left out.
 */
export function fieldOverridesFromGrafana(raw: unknown): ConvertedOverrides {
  const overrides: FieldOverride[] = [];
  const dropped: string[] = [];
  for (const o of arr(raw).filter(isObj)) {
    const m = obj(o.matcher);
    const props = arr(o.properties).filter(isObj);
    const matcher = matcherOf(m);
    if (typeof matcher === 'string') {
      if (props.length) dropped.push(`override ${label(m)}: ${matcher}`);
      continue;
    }
    const properties: OverrideProperty[] = [];
    for (const p of props) {
      const id = str(p.id) ?? '?';
      const converted = propertyOf(id, p.value);
      if (converted) properties.push(converted);
      else dropped.push(`${id} of override ${label(m)}`);
    }
    if (properties.length) overrides.push({ matcher, properties });
  }
  return { overrides, dropped };
}

/** The graph panel's right y axis (`yaxes[1]`), as properties where it differs from the left one. */
function rightAxisProperties(yaxes: unknown): OverrideProperty[] {
  const [y1, y2] = [obj(arr(yaxes)[0]), obj(arr(yaxes)[1])];
  const out: OverrideProperty[] = [{ id: 'custom.axisPlacement', value: 'right' }];
  const unit = str(y2.format)?.trim();
  if (unit && unit !== (str(y1.format)?.trim() || 'short')) out.push({ id: 'unit', value: unit });
  const decimals = num(y2.decimals);
  if (decimals !== undefined)
    out.push({ id: 'decimals', value: clamp(Math.round(decimals), 0, 20) });
  const min = num(y2.min);
  const max = num(y2.max);
  if (min !== undefined) out.push({ id: 'min', value: min });
  if (max !== undefined) out.push({ id: 'max', value: max });
  if (y2.show === false) out[0] = { id: 'custom.axisPlacement', value: 'hidden' };
  return out;
}

/** Legacy keys of a series override Scry has no property for (named when set). */
const LEGACY_UNSUPPORTED =
  'dashes dashLength spaceLength steppedLine zindex fillBelowTo fillGradient nullPointMode pointradius'.split(
    ' ',
  );

/** One `seriesOverrides` entry's settings as override properties (`panel`: the graph's own). */
function legacyProperties(
  so: Obj,
  panel: Obj,
  name: string,
  dropped: string[],
): OverrideProperty[] {
  const out: OverrideProperty[] = [];
  const hide = {
    legend: so.legend === false,
    tooltip: so.hideTooltip === true,
    viz: so.hiddenSeries === true,
  };
  const color = str(so.color);
  if (color) out.push({ id: 'color', value: { mode: 'fixed', fixedColor: color } });
  if (so.transform === 'negative-Y') out.push({ id: 'custom.transform', value: 'negative-Y' });
  else if (so.transform !== undefined)
    dropped.push(`transform ${JSON.stringify(so.transform)} of ${name}`);
  const yaxis = num(so.yaxis);
  if (yaxis === 2) out.push(...rightAxisProperties(panel.yaxes));
  else if (yaxis === 1) out.push({ id: 'custom.axisPlacement', value: 'left' });
  if (so.stack !== undefined) {
    const percent = panel.percentage === true;
    if (so.stack === false)
      out.push({ id: 'custom.stacking', value: { mode: 'none', group: 'A' } });
    else
      out.push({
        id: 'custom.stacking',
        value: {
          mode: percent ? 'percent' : 'normal',
          group: so.stack === true ? 'A' : String(so.stack),
        },
      });
  }
  const fill = num(so.fill);
  if (fill !== undefined) out.push({ id: 'custom.fillOpacity', value: clamp(fill * 10, 0, 100) });
  const width = num(so.linewidth);
  if (width !== undefined) out.push({ id: 'custom.lineWidth', value: clamp(width, 0, 10) });
  if (so.bars === true) out.push({ id: 'custom.drawStyle', value: 'bars' });
  else if (so.bars === false || so.lines !== undefined || so.points !== undefined) {
    const lines = typeof so.lines === 'boolean' ? so.lines : panel.lines !== false;
    const points = typeof so.points === 'boolean' ? so.points : panel.points === true;
    if (lines) {
      out.push({ id: 'custom.drawStyle', value: 'line' });
      if (so.points) dropped.push(`points on the line of ${name}`);
    } else if (points) out.push({ id: 'custom.drawStyle', value: 'points' });
    // Grafana's own migration: no line is a line of width 0 (its fill stays)
    else out.push({ id: 'custom.lineWidth', value: 0 });
  }
  if (hide.legend || hide.tooltip || hide.viz) out.push({ id: 'custom.hideFrom', value: hide });
  for (const k of LEGACY_UNSUPPORTED) if (so[k]) dropped.push(`${k} of ${name}`);
  return out;
}

/** A legacy alias: `/regex/` or an exact series name. */
function aliasMatcher(alias: string): OverrideMatcher | undefined {
  if (!alias.startsWith('/')) return { id: 'byName', options: alias };
  return overrideRegexError(alias) ? undefined : { id: 'byRegexp', options: alias };
}

/**
 * The graph panel's `aliasColors` (name → colour) and `seriesOverrides` (alias or /regex/ →
 * negative-Y, y axis 2, colour, stack, fill, line width, lines/bars/points, legend, hidden), in
 * that order (a series override's colour wins over the alias colour, as in the graph panel).
 */
export function graphOverridesFromGrafana(panel: Readonly<Obj>): ConvertedOverrides {
  const overrides: FieldOverride[] = [];
  const dropped: string[] = [];
  for (const [alias, color] of Object.entries(obj(panel.aliasColors))) {
    const c = str(color);
    if (c)
      overrides.push({
        matcher: { id: 'byName', options: alias },
        properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: c } }],
      });
  }
  for (const so of arr(panel.seriesOverrides).filter(isObj)) {
    const alias = str(so.alias);
    const name = `series override ${JSON.stringify(alias ?? '')}`;
    const matcher = alias ? aliasMatcher(alias) : undefined;
    if (!matcher) {
      dropped.push(`${name} (${alias ? 'not a regular expression' : 'no alias to match'})`);
      continue;
    }
    const properties = legacyProperties(so, panel, name, dropped);
    if (properties.length) overrides.push({ matcher, properties });
  }
  return { overrides, dropped };
}
