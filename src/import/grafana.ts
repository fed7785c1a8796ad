import {
  DASHBOARD_VERSION,
  ROW_TYPE,
  type DashboardInput,
  type GridPos,
  type PanelInput,
} from '../model/dashboard';
import { dashboardLinksFromGrafana } from '../model/links';
import type { DsContext } from './datasource';
import { layoutPanels } from './layout';
import { convertPanel, repeatFields } from './panels';
import { convertVariables } from './variables';
import { arr, isObj, num, obj, str, Notes, type ImportNote, type Obj } from './util';

export type { ImportNote } from './util';

/** Options for {@link importGrafana}. */
export interface ImportOptions {
  /** Scry datasource names Grafana references may resolve to (by name, case-insensitively) */
  datasourceNames?: string[];
  /** datasource that `${DS_*}` import inputs map to; absent = Scry's default datasource */
  defaultDatasource?: string;
}

/** A Grafana dashboard converted to Scry's format, with what was dropped or changed. */
export interface GrafanaImport {
  dashboard: DashboardInput;
  report: ImportNote[];
}

const looksClassic = (o: Obj): boolean =>
  Array.isArray(o.panels) || Array.isArray(o.rows) || typeof o.schemaVersion === 'number';

/** Grafana 12's v2 resource (`elements` + `layout`), which is not the Classic model. */
export const isGrafanaV2 = (raw: unknown): boolean => {
  const spec = isObj(raw) && isObj(raw.spec) ? raw.spec : undefined;
  return !!spec && isObj(spec.elements) && isObj(spec.layout);
};

/**
 * The Classic dashboard inside the API wrapper (`{dashboard, meta}`) or the Kubernetes-style
 * resource (`{apiVersion, kind, spec}`), or the object itself; undefined when it is none of them.
 */
export function unwrapGrafana(raw: unknown): Obj | undefined {
  if (!isObj(raw)) return undefined;
  if (isObj(raw.dashboard) && looksClassic(raw.dashboard)) return raw.dashboard;
  if (isObj(raw.spec) && looksClassic(raw.spec)) return raw.spec;
  if (looksClassic(raw)) return raw;
  return undefined;
}

/** 32-bit FNV-1a of a string, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const UID = /^[A-Za-z0-9_-]{1,40}$/;

/** A stable uid from a title: its slug (≤ 31 chars) and a hash of the full title. */
export function uidFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 31)
    .replace(/-+$/, '');
  return `${slug || 'dashboard'}-${fnv1a(title)}`;
}

/** Replaces `${NAME}` of "export for sharing" constant inputs in every string, like Grafana's import. */
function substituteConstants(value: unknown, inputs: Map<string, string>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{(\w+)\}/g, (m, name: string) => inputs.get(name) ?? m);
  }
  if (Array.isArray(value)) return value.map((v) => substituteConstants(v, inputs));
  if (isObj(value)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) out[k] = substituteConstants(v, inputs);
    return out;
  }
  return value;
}

/** A Grafana row (modern `type: "row"` or a shown legacy row) as a Scry row. */
function convertRow(raw: Obj, id: number, gridPos: GridPos): PanelInput {
  const collapsed = raw.type === ROW_TYPE ? raw.collapsed === true : raw.collapse === true;
  return {
    id,
    type: ROW_TYPE,
    title: str(raw.title) ?? '',
    gridPos,
    collapsed,
    panels: [],
    ...repeatFields(raw),
  };
}

const TIMEZONES: Record<string, string> = { '': 'browser', browser: 'browser', utc: 'utc' };

/**
 * Converts a Grafana Classic dashboard (Grafana 4 → 11, schemaVersion 12 … 41; bare, API-wrapped
 * or a v1 resource) to Scry's format. Everything dropped or changed is in `report`. Throws when
 * `raw` is not a Grafana dashboard.
 */
export function importGrafana(raw: unknown, opts: ImportOptions = {}): GrafanaImport {
  const unwrapped = unwrapGrafana(raw);
  if (!unwrapped) {
    throw new Error(
      isGrafanaV2(raw)
        ? "Grafana's v2 dashboard resource (elements + layout) is not supported; export the dashboard as Classic JSON"
        : 'Not a Grafana dashboard: expected an object with "panels" or "rows" and a "schemaVersion"',
    );
  }
  const notes = new Notes();
  const inputs = arr(unwrapped.__inputs).filter(isObj);
  const constants = new Map<string, string>();
  for (const input of inputs) {
    const name = str(input.name);
    const value = input.value;
    if (
      input.type === 'constant' &&
      name &&
      (typeof value === 'string' || typeof value === 'number')
    ) {
      constants.set(name, String(value));
      notes.info('__inputs', `Import input \${${name}} replaced by its value "${String(value)}"`);
    }
  }
  const dash = constants.size ? (substituteConstants(unwrapped, constants) as Obj) : unwrapped;

  const dsVariables = new Set<string>();
  for (const v of arr(obj(dash.templating).list)) {
    if (isObj(v) && v.type === 'datasource' && typeof v.name === 'string') dsVariables.add(v.name);
  }
  const ds: DsContext = {
    dsVariables,
    inputs: new Set(inputs.filter((i) => i.type === 'datasource').map((i) => str(i.name) ?? '')),
    names: opts.datasourceNames ?? [],
    defaultDatasource: opts.defaultDatasource,
  };

  let title = str(dash.title)?.trim() ?? '';
  if (!title) {
    title = 'Imported dashboard';
    notes.warn('title', 'The dashboard has no title; named it "Imported dashboard"');
  }
  const grafanaUid = str(dash.uid) ?? '';
  let uid = grafanaUid;
  if (!UID.test(uid)) {
    uid = uidFromTitle(title);
    if (grafanaUid) notes.warn('uid', `uid "${grafanaUid}" is not valid in Scry; using "${uid}"`);
    else notes.info('uid', `The dashboard has no uid; using "${uid}" (from the title)`);
  }

  const out: DashboardInput = { scry: DASHBOARD_VERSION, uid, title };
  const description = str(dash.description);
  if (description) out.description = description;
  const tags = arr(dash.tags).filter((t): t is string => typeof t === 'string');
  if (tags.length) out.tags = tags;
  const time = obj(dash.time);
  const from = str(time.from)?.trim();
  const to = str(time.to)?.trim();
  if (from && to) out.time = { from, to };
  out.refresh = str(dash.refresh)?.trim() ?? '';
  const tz = str(dash.timezone)?.trim() ?? '';
  out.timezone = TIMEZONES[tz.toLowerCase()] ?? tz;
  const tooltip = num(dash.graphTooltip);
  out.graphTooltip =
    tooltip === 0 || tooltip === 1 || tooltip === 2
      ? tooltip
      : dash.sharedCrosshair === true
        ? 1
        : 0;

  out.variables = convertVariables(dash, ds, notes);

  const placed = layoutPanels(dash, notes);
  const used = new Set<number>();
  const wanted = placed.map((p) => {
    const id = num(p.raw.id);
    if (id === undefined || !Number.isInteger(id) || id < 0 || used.has(id)) return undefined;
    used.add(id);
    return id;
  });
  let nextId = Math.max(0, ...used) + 1;
  const built: PanelInput[] = placed.map((p, i) => {
    let id = wanted[i];
    if (id === undefined) {
      id = nextId++;
      if (num(p.raw.id) !== undefined)
        notes.info(p.path, `Duplicate panel id ${String(p.raw.id)} changed to ${id}`);
    }
    if (p.row) return convertRow(p.raw, id, p.gridPos);
    return { id, gridPos: p.gridPos, ...convertPanel(p.raw, p.path, ds, notes) };
  });
  // Panels folded in a collapsed row go inside it (Grafana's model).
  out.panels = [];
  placed.forEach((p, i) => {
    const panel = built[i]!;
    const row = p.parent === undefined ? undefined : built[p.parent];
    if (row) (row.panels ??= []).push(panel);
    else out.panels!.push(panel);
  });

  const annotations = arr(obj(dash.annotations).list).filter(
    (a) => isObj(a) && a.builtIn !== 1 && a.enable !== false,
  );
  if (annotations.length) {
    notes.info(
      'annotations',
      `${annotations.length} annotation querie(s) dropped (not supported yet)`,
    );
  }
  const links = dashboardLinksFromGrafana(dash.links);
  if (links.links.length) out.links = links.links;
  for (const d of links.dropped) notes.info('links', `Dashboard link ${d} dropped`);
  return { dashboard: out, report: notes.list };
}
