import { z } from 'zod';
import { DASHBOARD_DEFAULTS as D } from './dashboardDefaults';
import { overrideRegexError } from './overrides';
import { variableSchema } from './variable';

/** Version of Scry's dashboard format written by this build (`"scry": 1`). */
export const DASHBOARD_VERSION = 1;

/**
 * "Compare to the past": `off`, or how far back as a Prometheus duration ("1h", "1d", "1w",
 * "2d", "1h30m"). The offset itself is checked where it is used (query/compare.ts).
 */
export const compareSchema = z
  .string()
  .regex(/^(off|([0-9]+(ms|[smhdwy]))+)$/, 'must be "off" or a duration such as 1h, 1d, 1w');

export const gridPosSchema = z.object({
  x: z.number().int().min(0).max(23),
  y: z.number().int().min(0),
  w: z.number().int().min(1).max(24),
  h: z.number().int().min(1).max(200),
});
export type GridPos = z.infer<typeof gridPosSchema>;

export const targetSchema = z.object({
  refId: z.string().min(1),
  expr: z.string(),
  /** `{{label}}` template, Grafana semantics; '' = the full series name */
  legendFormat: z.string().default(''),
  /** min step ("15s", "$__interval"); '' = none */
  interval: z.string().default(''),
  /** Grafana's "Resolution 1/N": the calculated step × N (absent = 1) */
  intervalFactor: z.number().int().min(1).max(100).optional(),
  /** instant query instead of range */
  instant: z.boolean().default(false),
  /** hidden targets are not queried or drawn */
  hide: z.boolean().default(false),
  /** also ask for the exemplars of its series (range queries, flavours that offer them) */
  exemplar: z.boolean().optional(),
});
export type Target = z.infer<typeof targetSchema>;

export const thresholdStepSchema = z.object({
  /** null = −∞ (the base step) */
  value: z.number().nullable(),
  color: z.string(),
});
export const thresholdsSchema = z.object({
  mode: z.enum(['absolute', 'percentage']).default('absolute'),
  steps: z.array(thresholdStepSchema),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

/**
 * A link on a panel (its header menu) or on its data (`fieldConfig.links`: table cells, the
 * time series tooltip), Grafana's shape. The URL may hold dashboard variables and the link
 * variables of `panels/shared/links.ts`; only http(s) and relative URLs are ever opened.
 */
export const panelLinkSchema = z.object({
  title: z.string().default(''),
  url: z.string(),
  /** opens in a new tab */
  targetBlank: z.boolean().optional(),
});
export type PanelLink = z.infer<typeof panelLinkSchema>;

/**
 * A dashboard link (Grafana's `dashboard.links`), shown beside the variables: `link` is one URL;
 * `dashboards` lists the stored dashboards carrying all of `tags` (as a dropdown with
 * `asDropdown`). `includeVars` adds the current `var-` values, `keepTime` the time range.
 */
export const dashboardLinkSchema = z.object({
  type: z.enum(['link', 'dashboards']).default('link'),
  title: z.string().default(''),
  url: z.string().default(''),
  tooltip: z.string().default(''),
  /** Grafana's icon name (external link, dashboard, question, info, bolt, doc, cloud) */
  icon: z.string().optional(),
  tags: z.array(z.string()).default([]),
  asDropdown: z.boolean().default(false),
  targetBlank: z.boolean().default(false),
  includeVars: z.boolean().default(false),
  keepTime: z.boolean().default(false),
});
export type DashboardLink = z.infer<typeof dashboardLinkSchema>;

/* Per-series overrides: Grafana's `fieldConfig.overrides` shape, only the matchers and properties
 * Scry draws, each value checked (panels/shared/overrides.ts resolves them). */
export const overrideMatcherSchema = z
  .object({
    /** byName: the series' name (its legend); byRegexp: a regex over it; byFrameRefID: a query */
    id: z.enum(['byName', 'byRegexp', 'byFrameRefID']),
    options: z.string(),
  })
  .superRefine((m, ctx) => {
    const error = m.id === 'byRegexp' ? overrideRegexError(m.options) : undefined;
    if (error)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `not a regular expression: ${error}`,
      });
  });
export type OverrideMatcher = z.infer<typeof overrideMatcherSchema>;

const prop = <I extends string, V extends z.ZodType>(id: I, value: V) =>
  z.object({ id: z.literal(id), value });

/** The properties an override can set, under Grafana's ids and value shapes. */
export const overridePropertySchema = z.discriminatedUnion('id', [
  prop('unit', z.string().min(1)),
  prop('decimals', z.number().int().min(0).max(20)),
  prop('min', z.number()),
  prop('max', z.number()),
  prop('displayName', z.string()),
  /** only a fixed colour (Grafana's other colour modes are per panel) */
  prop('color', z.object({ mode: z.literal('fixed'), fixedColor: z.string().min(1) })),
  prop('custom.axisPlacement', z.enum(['auto', 'left', 'right', 'hidden'])),
  /** negative-Y: drawn mirrored below zero, the values shown as they are */
  prop('custom.transform', z.literal('negative-Y')),
  prop('custom.drawStyle', z.enum(['line', 'bars', 'points'])),
  prop('custom.fillOpacity', z.number().min(0).max(100)),
  prop('custom.lineWidth', z.number().min(0).max(10)),
  prop(
    'custom.stacking',
    z.object({ mode: z.enum(['none', 'normal', 'percent']), group: z.string().default('A') }),
  ),
  prop(
    'custom.hideFrom',
    z.object({
      legend: z.boolean().default(false),
      tooltip: z.boolean().default(false),
      viz: z.boolean().default(false),
    }),
  ),
]);
export type OverrideProperty = z.infer<typeof overridePropertySchema>;
export type OverridePropertyId = OverrideProperty['id'];

export const fieldOverrideSchema = z.object({
  matcher: overrideMatcherSchema,
  /** applied in order: a later property (or override) wins over an earlier one */
  properties: z.array(overridePropertySchema).default([]),
});
export type FieldOverride = z.infer<typeof fieldOverrideSchema>;

export const fieldConfigSchema = z.object({
  /** Grafana unit id ("short", "bytes", "s", "reqps", …) */
  unit: z.string().default('short'),
  decimals: z.number().int().min(0).max(20).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  thresholds: thresholdsSchema.optional(),
  /** value mappings, Grafana shapes (value, range, regex, special) */
  mappings: z.array(z.record(z.string(), z.unknown())).optional(),
  /** panel-type specific field options (draw style, fill, stacking …) */
  custom: z.record(z.string(), z.unknown()).optional(),
  /** data links: every value of the panel links there (table cells, the tooltip's series) */
  links: z.array(panelLinkSchema).optional(),
  /** per-series overrides (Grafana's shape; model/overrides.ts), applied in order */
  overrides: z.array(fieldOverrideSchema).optional(),
});
export type FieldConfig = z.infer<typeof fieldConfigSchema>;

/**
 * One Grafana transformation (`{ id, options, disabled }`), kept as Grafana writes it:
 * src/transform applies the ids it knows and names the others where the panel shows.
 */
export const transformationSchema = z.object({
  id: z.string().min(1),
  options: z.record(z.string(), z.unknown()).optional(),
  /** kept but skipped (Grafana's eye toggle) */
  disabled: z.boolean().optional(),
  /** Grafana's per-transformation frame filter (kept, not applied) */
  filter: z.record(z.string(), z.unknown()).optional(),
});
export type Transformation = z.infer<typeof transformationSchema>;

const basePanelSchema = z.object({
  id: z.number().int().min(0),
  /** panel type id from the panel registry ("timeseries", …) */
  type: z.string().min(1),
  title: z.string().default(''),
  description: z.string().default(''),
  gridPos: gridPosSchema,
  /** datasource name; absent = the default datasource. Never a URL or a credential. */
  datasource: z.string().optional(),
  targets: z.array(targetSchema).default([]),
  fieldConfig: fieldConfigSchema.default({ unit: 'short' }),
  /** panel-type options (legend, tooltip, …); each type validates its own */
  options: z.record(z.string(), z.unknown()).default({}),
  /** max points per series; default: panel width in pixels */
  maxDataPoints: z.number().int().positive().optional(),
  /** panel min interval ("1m") */
  interval: z.string().optional(),
  /** Grafana's "Relative time": the panel's own range, e.g. "1h" = the last hour (time/panelTime.ts) */
  timeFrom: z.string().optional(),
  /** Grafana's "Time shift": the panel's range moved back, e.g. "1d" */
  timeShift: z.string().optional(),
  /** no "Last 1 hour" / "timeshift -1d" text in the panel header */
  hideTimeOverride: z.boolean().optional(),
  /** repeat this panel (or row) once per selected value of this variable (All = every value) */
  repeat: z.string().optional(),
  /** where panel copies go: "h" side by side (default), "v" one under the other */
  repeatDirection: z.enum(['h', 'v']).optional(),
  /** horizontal repeats: at most this many copies per line (default 4) */
  maxPerRow: z.number().int().min(1).max(24).optional(),
  /** rows (`type: "row"`): folded; its panels are then kept in `panels` */
  collapsed: z.boolean().optional(),
  /** links in the panel header */
  links: z.array(panelLinkSchema).optional(),
  /** compare to the past for this panel ("1w", or "off"); absent = the dashboard's */
  compare: compareSchema.optional(),
  /** Grafana's transformations, in Grafana's shape, applied in order to the named data */
  transformations: z.array(transformationSchema).optional(),
});

/**
 * A panel, or a row (`type: "row"`, Grafana's model): an expanded row's panels follow it in the
 * dashboard's `panels` (down to the next row); a collapsed row holds them in its own `panels`.
 */
export const panelSchema = basePanelSchema.extend({
  /** a collapsed row's panels (never rows themselves) */
  panels: z.array(basePanelSchema).optional(),
});
export type Panel = z.infer<typeof panelSchema>;
/** A panel as written by hand or an importer: defaults not yet filled in. */
export type PanelInput = z.input<typeof panelSchema>;
/** The type id of row panels. */
export const ROW_TYPE = 'row';

export const dashboardSchema = z.object({
  scry: z.literal(DASHBOARD_VERSION),
  uid: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1–40 letters, digits, "-" or "_"'),
  title: z.string().min(1, 'must not be empty'),
  description: z.string().default(D.description),
  tags: z.array(z.string()).default([]),
  time: z.object({ from: z.string().min(1), to: z.string().min(1) }).default({ ...D.time }),
  /** auto-refresh interval ("30s"), '' = off */
  refresh: z.string().default(D.refresh),
  /** "browser", "utc" or an IANA zone */
  timezone: z.string().default(D.timezone),
  /** 0 off, 1 shared crosshair, 2 shared crosshair and tooltip */
  graphTooltip: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(D.graphTooltip),
  variables: z.array(variableSchema).default([]),
  /** links shown beside the variables */
  links: z.array(dashboardLinkSchema).optional(),
  /** text panels load images from other sites (off: an image server would see every viewer) */
  loadExternalImages: z.boolean().optional(),
  /** compare to the past on every panel ("1w"); absent or "off" = no comparison */
  compare: compareSchema.optional(),
  panels: z.array(panelSchema).default([]),
  /** incremented on each save */
  version: z.number().int().min(0).default(D.version),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
/** A dashboard as written by hand or by an older build: defaults not yet filled in. */
export type DashboardInput = z.input<typeof dashboardSchema>;
