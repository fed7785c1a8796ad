import type { DashboardInput } from '../model/dashboard';
import { panelLinksFromGrafana } from '../model/links';
import { grafanaConverter } from '../panels/grafanaConverters';
import { panelRegistry } from '../panels/registry';
import type { DsContext } from './datasource';
import { grafanaPanelContext } from './panelFields';
import { convertTargets } from './targets';
import { importTransformations } from './transformations';
import { arr, cloneJson, isObj, num, obj, str, type Notes, type Obj } from './util';

type PanelInput = NonNullable<DashboardInput['panels']>[number];
/** A converted panel before it gets its id and grid position. */
export type PanelBody = Omit<PanelInput, 'id' | 'gridPos'>;

/** Notes for panel-level Grafana features Scry does not have. */
function commonNotes(raw: Obj, path: string, notes: Notes, handledOverrides = 0): void {
  const overrides = arr(obj(raw.fieldConfig).overrides).length - handledOverrides;
  if (overrides > 0) notes.info(path, `${overrides} field override(s) not carried over`);
  const lib = obj(raw.libraryPanel);
  if (Object.keys(lib).length) {
    notes.warn(
      path,
      `Library panel "${str(lib.name) ?? str(lib.uid) ?? '?'}": only the copy saved in this dashboard is imported`,
    );
  }
  if (isObj(raw.alert)) notes.info(path, 'Legacy alert rule dropped');
}

/**
 * Converts one Grafana (non-row) panel to Scry's shape, reporting what changed: targets and the
 * common fields here, the type's own part by the panel plugin that imports its Grafana type.
 */
export function convertPanel(raw: Obj, path: string, ds: DsContext, notes: Notes): PanelBody {
  const grafanaType = str(raw.type) ?? '';
  const converted = convertTargets(raw, path, ds, notes);
  const plugin = panelRegistry.forGrafana(grafanaType);
  const ctx = grafanaPanelContext(raw, path, notes);
  let type: string;
  let body: Pick<PanelBody, 'fieldConfig' | 'options'> & { handledOverrides?: number };
  if (plugin) {
    const c = grafanaConverter(plugin)?.(raw, ctx) ?? {
      fieldConfig: ctx.fieldConfig('none'),
      options: isObj(raw.options) ? cloneJson(raw.options) : {},
    };
    type = c.type ?? plugin.type;
    body = c;
  } else {
    type = grafanaType || 'unknown';
    notes.warn(
      path,
      grafanaType
        ? `Panel type "${grafanaType}" is not supported by Scry; it is kept and shown as unsupported`
        : 'Panel has no type; shown as unsupported',
    );
    body = {
      fieldConfig: ctx.fieldConfig('none'),
      options: isObj(raw.options) ? cloneJson(raw.options) : {},
    };
  }
  commonNotes(raw, path, notes, body.handledOverrides);
  const options: Obj = { ...(body.options ?? {}) };
  if (converted.format) options.format = converted.format;
  const out: PanelBody = {
    type,
    title: str(raw.title) ?? '',
    description: str(raw.description) ?? '',
    targets: converted.targets,
    options,
  };
  if (body.fieldConfig) out.fieldConfig = body.fieldConfig;
  const links = panelLinksFromGrafana(raw.links);
  if (links.length) out.links = links;
  // Grafana 7's graph panel kept its data links in `options.dataLinks`
  const dataLinks = panelLinksFromGrafana([
    ...arr(ctx.fieldDefaults.links),
    ...arr(obj(raw.options).dataLinks),
  ]);
  if (dataLinks.length) {
    out.fieldConfig = { ...out.fieldConfig, links: dataLinks };
    if (!plugin?.dataLinks)
      notes.info(
        path,
        `${dataLinks.length} data link(s) kept; this panel type does not show them in Scry`,
      );
  }
  if (converted.datasource !== undefined) out.datasource = converted.datasource;
  const maxDataPoints = num(raw.maxDataPoints);
  if (maxDataPoints !== undefined && maxDataPoints >= 1)
    out.maxDataPoints = Math.round(maxDataPoints);
  const interval = str(raw.interval)?.trim();
  if (interval) out.interval = interval;
  // Relative time / Time shift: the panel's own range (time/panelTime.ts), as Grafana
  const timeFrom = str(raw.timeFrom)?.trim();
  if (timeFrom) out.timeFrom = timeFrom;
  const timeShift = str(raw.timeShift)?.trim();
  if (timeShift) out.timeShift = timeShift;
  if ((timeFrom || timeShift) && raw.hideTimeOverride === true) out.hideTimeOverride = true;
  const transformations = importTransformations(raw.transformations, path, notes);
  if (transformations.length) out.transformations = transformations;
  Object.assign(out, repeatFields(raw));
  return out;
}

/** Grafana's `repeat`, `repeatDirection` (h|v) and `maxPerRow` (panels and rows). */
export function repeatFields(
  raw: Obj,
): Pick<PanelBody, 'repeat' | 'repeatDirection' | 'maxPerRow'> {
  const repeat = str(raw.repeat)
    ?.trim()
    .replace(/^\$\{?(\w+)\}?$/, '$1');
  if (!repeat) return {};
  const out: Pick<PanelBody, 'repeat' | 'repeatDirection' | 'maxPerRow'> = { repeat };
  if (raw.repeatDirection === 'v') out.repeatDirection = 'v';
  else if (raw.repeatDirection === 'h') out.repeatDirection = 'h';
  const max = num(raw.maxPerRow);
  if (max !== undefined && max >= 1) out.maxPerRow = Math.min(24, Math.round(max));
  return out;
}
