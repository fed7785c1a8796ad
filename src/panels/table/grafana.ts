/** Grafana `table` panels, and Grafana ≤ 7's `table-old` with per-column `styles`. */
import { arr, isObj, obj, pick, str, type Obj } from '../../model/json';
import { scryUrlFromGrafana } from '../../model/links';
import type {
  FieldConfigInput,
  GrafanaConversion,
  GrafanaConverter,
  GrafanaPanelContext,
} from '../types';

const TABLE_CUSTOM = ['align', 'width', 'minWidth', 'cellOptions', 'displayMode', 'filterable'];
const TABLE_KEYS = ['showHeader', 'cellHeight', 'sortBy', 'footer'];

export function tableFromGrafana(raw: Readonly<Obj>, ctx: GrafanaPanelContext): GrafanaConversion {
  const styles = arr(raw.styles);
  if (styles.length === 0 && raw.type !== 'table-old') {
    const fieldConfig = ctx.fieldConfig('none');
    const custom = pick(obj(ctx.fieldDefaults.custom), TABLE_CUSTOM);
    if (Object.keys(custom).length) fieldConfig.custom = custom;
    const options = pick(obj(raw.options), TABLE_KEYS);
    const { columns, handled, dropped } = overrideColumns(arr(obj(raw.fieldConfig).overrides), ctx);
    if (Object.keys(columns).length) options.columns = columns;
    if (dropped.length) ctx.info(`Column overrides not carried over: ${dropped.join('; ')}`);
    return { fieldConfig, options, handledOverrides: handled };
  }
  // Grafana ≤ 7 table: per-column `styles`; the catch-all style gives the defaults.
  const catchAll = styles.find((s) => isObj(s) && (s.pattern === '/.*/' || s.pattern === '.*'));
  const base = obj(catchAll);
  const fieldConfig: FieldConfigInput = { unit: str(base.unit)?.trim() || 'short' };
  const decimals = ctx.decimals(base.decimals);
  if (decimals !== undefined) fieldConfig.decimals = decimals;
  const { columns, dropped } = styleColumns(
    styles.filter((s) => s !== catchAll),
    ctx,
  );
  if (dropped.length) {
    ctx.warn(`Old table column styles not carried over: ${dropped.join('; ')}`);
  }
  const transform = str(raw.transform);
  if (transform && transform !== 'table' && transform !== 'timeseries_to_columns') {
    ctx.warn(`Old table transform "${transform}" is not supported`);
  }
  const options: Obj = { showHeader: raw.showHeader !== false };
  if (Object.keys(columns).length) options.columns = columns;
  return { fieldConfig, options };
}

const isRegex = (pattern: string) => /^\/.*\/[a-z]*$/.test(pattern);

/**
 * Grafana ≤ 7 column styles for one named column (`Value #A`, a label) → Scry's column overrides:
 * alias → display name, unit and decimals of number columns, hidden, colour thresholds (cell:
 * background, value: text). What a column override cannot hold (regex patterns, date formats,
 * value maps, a whole row's colour) is listed. A style's cell link
 * (`link`, `linkUrl` with `$__cell`/`$__cell_N`, `linkTooltip`, `linkTargetBlank`) is kept.
 */
export function styleColumns(
  styles: readonly unknown[],
  ctx: Pick<GrafanaPanelContext, 'decimals' | 'singlestatThresholds'>,
): { columns: Record<string, Obj>; dropped: string[] } {
  const columns: Record<string, Obj> = {};
  const dropped: string[] = [];
  for (const raw of styles) {
    const s = obj(raw);
    const pattern = str(s.pattern);
    if (!pattern) continue;
    const lost: string[] = [];
    if (isRegex(pattern)) {
      dropped.push(`${pattern} (a pattern)`);
      continue;
    }
    const c: Obj = {};
    const alias = str(s.alias)?.trim();
    if (alias && alias !== pattern) c.displayName = alias;
    if (s.type === 'hidden') c.hidden = true;
    if (s.type === 'number' || s.type === undefined) {
      const unit = str(s.unit)?.trim();
      if (unit) c.unit = unit;
      const decimals = ctx.decimals(s.decimals);
      if (decimals !== undefined) c.decimals = decimals;
    }
    if (s.type !== 'hidden') {
      // colour thresholds: below the first, colors[0]; from each threshold on, the next colour
      if (s.colorMode === 'cell' || s.colorMode === 'value' || s.colorMode === 'row') {
        const thresholds = ctx.singlestatThresholds(arr(s.thresholds).join(','), s.colors);
        if (thresholds) {
          c.thresholds = thresholds;
          c.colorMode = s.colorMode === 'value' ? 'color-text' : 'color-background';
          if (s.colorMode === 'row') lost.push('row colour: the cell only');
        } else lost.push('colours without thresholds');
      }
      if (s.link === true) {
        const link = styleLink(s);
        if (link) c.link = link;
        else lost.push('link');
      }
      if (s.type === 'date' && pattern !== 'Time') lost.push('date format');
      if (arr(s.valueMaps).length || arr(s.rangeMaps).length) lost.push('value maps');
    }
    if (Object.keys(c).length) columns[pattern] = c;
    if (lost.length) dropped.push(`${alias || pattern} (${lost.join(', ')})`);
  }
  return { columns, dropped };
}

/** An old table style's cell link → a column's `link`; undefined without a URL. */
function styleLink(s: Obj): Obj | undefined {
  const url = str(s.linkUrl)?.trim();
  if (!url) return undefined;
  const link: Obj = { url: scryUrlFromGrafana(url) };
  const tooltip = str(s.linkTooltip)?.trim();
  if (tooltip) link.tooltip = tooltip;
  if (s.linkTargetBlank === true) link.targetBlank = true;
  return link;
}

/** The importer's converter of this type (panels/grafanaConverters.ts). */
export const fromGrafana: GrafanaConverter = tableFromGrafana;

const isThresholds = (v: unknown): v is Obj =>
  isObj(v) &&
  Array.isArray(v.steps) &&
  v.steps.every(
    (st) =>
      isObj(st) &&
      typeof st.color === 'string' &&
      (st.value === null || (typeof st.value === 'number' && Number.isFinite(st.value))),
  );

/**
 * Grafana table `fieldConfig.overrides` by column name → Scry's column overrides: display name,
 * unit, decimals, width, hidden, colour thresholds and cell colour mode. `handled`: the overrides
 * read here (by name, or empty); the properties that could not be carried are in `dropped`.
 */
export function overrideColumns(
  overrides: readonly unknown[],
  ctx: Pick<GrafanaPanelContext, 'decimals'>,
): { columns: Record<string, Obj>; handled: number; dropped: string[] } {
  const columns: Record<string, Obj> = {};
  const dropped: string[] = [];
  let handled = 0;
  for (const raw of overrides) {
    const o = obj(raw);
    const matcher = obj(o.matcher);
    const name = str(matcher.options);
    const props = arr(o.properties).map(obj);
    // other matchers stay for the importer's count of overrides not carried over
    if (matcher.id !== 'byName' || !name) {
      if (props.length === 0) handled++;
      continue;
    }
    handled++;
    const c: Obj = { ...obj(columns[name]) };
    const lost: string[] = [];
    for (const p of props) {
      const id = str(p.id) ?? '';
      const v = p.value;
      if (id === 'displayName' && str(v)?.trim()) c.displayName = str(v)!.trim();
      else if (id === 'unit' && str(v)?.trim()) c.unit = str(v)!.trim();
      else if (id === 'decimals' && ctx.decimals(v) !== undefined) c.decimals = ctx.decimals(v);
      else if (id === 'custom.width' && typeof v === 'number' && v > 0) c.width = Math.round(v);
      else if ((id === 'custom.hidden' || id === 'custom.hideFrom') && (v === true || obj(v).viz))
        c.hidden = true;
      else if (id === 'thresholds' && isThresholds(v))
        c.thresholds = { mode: 'absolute', steps: cloneSteps(v) };
      else if (id === 'custom.cellOptions' || id === 'custom.displayMode') {
        const type = id === 'custom.displayMode' ? v : obj(v).type;
        if (type === 'color-text') c.colorMode = 'color-text';
        else if (type === 'color-background' || type === 'color-background-solid')
          c.colorMode = 'color-background';
        else if (type !== 'auto') lost.push(`${str(type) ?? '?'} cells`);
      } else if ((id === 'min' || id === 'max') && typeof v === 'number') {
        // a cell's bounds only matter to gauge cells and percentage thresholds
        if (obj(c.thresholds).mode === 'percentage') lost.push(id);
      } else lost.push(id || '?');
    }
    if (Object.keys(c).length) columns[name] = c;
    if (lost.length) dropped.push(`${name} (${lost.join(', ')})`);
  }
  return { columns, handled, dropped };
}

const cloneSteps = (t: Obj): Obj[] =>
  arr(t.steps).map((st) => ({ value: obj(st).value ?? null, color: str(obj(st).color) ?? '' }));
