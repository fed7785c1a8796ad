import type { ReactNode } from 'react';
import type { DashboardInput, FieldConfig, Panel, Thresholds } from '../model/dashboard';
import type { PanelData } from '../query/usePanelData';
import type { TransformProblem } from '../transform/index';
import type { MetricUnitLookup } from '../units/metricUnit';

/**
 * What the dashboard tells every panel besides its own JSON and the QueryEnv (which carries the
 * time: range and zone).
 */
export interface PanelContext {
  /** cursor sync group for the shared crosshair; undefined = off */
  syncKey?: string | undefined;
  sharedTooltip?: boolean | undefined;
  /** drag-to-zoom on a chart: a new absolute range */
  onZoom?: ((fromMs: number, toMs: number) => void) | undefined;
  /**
   * Panels with data of their own (queryMode 'none', e.g. the alert list) report their error
   * here, undefined once it is gone: the shell shows it and sets data-state="error". Views never
   * draw an error box themselves.
   */
  reportError?: ((message: string | undefined) => void) | undefined;
  /** text panels load images from other sites (the dashboard's switch); default off */
  externalImages?: boolean | undefined;
  /** turns the dashboard's "load external images" switch on */
  onAllowExternalImages?: (() => void) | undefined;
  /** the panel editor hears which series the preview draws (the overrides' name picker) */
  onSeries?: ((series: readonly SeriesName[]) => void) | undefined;
  /** the panel editor hears which transformations did not apply to the preview's data */
  onTransformProblems?: ((problems: readonly TransformProblem[]) => void) | undefined;
}

/** A drawn series as overrides match it: its name (legend) and its query. */
export interface SeriesName {
  name: string;
  refId: string;
}

export interface PanelViewProps<O = unknown> {
  panel: Panel;
  /** the panel's options as its plugin's readOptions reads them (defaults applied once) */
  options: O;
  data: PanelData;
  widthPx: number;
  heightPx: number;
  ctx: PanelContext;
}

/** Changed option keys; merged into the stored options, every other stored key is kept. */
export type OptionsPatch<O> = { [K in keyof O]?: unknown };

export interface OptionsEditorProps<O> {
  /** the options as readOptions reads them */
  options: O;
  /** the stored options as they are (for keys the reader leaves out, e.g. legend extras) */
  raw: Readonly<Record<string, unknown>>;
  onChange(patch: OptionsPatch<O>): void;
  /** the panel's field config and its changes (per-series overrides live there) */
  fieldConfig?: FieldConfig | undefined;
  onFieldConfigChange?: ((patch: Partial<FieldConfig>) => void) | undefined;
  /** the series the editor's preview draws now, and the panel's query refIds */
  series?: readonly SeriesName[] | undefined;
  refIds?: readonly string[] | undefined;
}

/** What a panel's targets are run as: range or instant queries, or none (the panel has its own data). */
export type QueryMode = 'range' | 'instant' | 'none';

/** What a new panel of a type starts with. */
export interface PanelDefaults {
  fieldConfig: FieldConfig;
  options: Record<string, unknown>;
}

export type FieldConfigInput = NonNullable<
  NonNullable<DashboardInput['panels']>[number]['fieldConfig']
>;

/**
 * What the Grafana importer hands a plugin for one panel: notes about it (the panel's path is
 * added), the panel's field defaults already converted, and Grafana's value vocabulary for old
 * panel shapes. The importer implements it, so panels never import `src/import`.
 */
export interface GrafanaPanelContext {
  /** something changed or was dropped that does not change what the panel shows */
  info(message: string): void;
  /** something changed or was dropped that the user will see */
  warn(message: string): void;
  /** unit (else `fallbackUnit`), decimals, min, max, thresholds and mappings of the field defaults */
  fieldConfig(fallbackUnit: string): FieldConfigInput;
  /** Grafana's field defaults (`fieldConfig.defaults`, Grafana 6's `options.fieldOptions` merged) */
  fieldDefaults: Readonly<Record<string, unknown>>;
  /** Grafana `decimals` as Scry accepts them (0–20), undefined for none */
  decimals(raw: unknown): number | undefined;
  /** a reducer id with Grafana's aliases resolved (`avg` → `mean`) */
  calc(id: string): string;
  /** a list of reducer ids, aliases resolved, non-strings dropped */
  calcs(raw: unknown): string[];
  /** singlestat `thresholds: "80,95"` with its `colors` → threshold steps */
  singlestatThresholds(thresholds: unknown, colors: unknown): Thresholds | undefined;
  /** Angular value maps and range maps → Grafana's current mapping shapes */
  legacyMappings(valueMaps: unknown[], rangeMaps: unknown[]): Record<string, unknown>[];
}

/** A converted Grafana panel's type-specific part. */
/** Converts a Grafana panel (targets and common fields are the importer's). */
export type GrafanaConverter = (
  raw: Readonly<Record<string, unknown>>,
  ctx: GrafanaPanelContext,
) => GrafanaConversion;

export interface GrafanaConversion {
  /** the Scry type when it is not the plugin's own (a singlestat with a gauge → `gauge`) */
  type?: string;
  fieldConfig?: FieldConfigInput;
  /** stored options (Grafana's names, as readOptions reads them) */
  options: Record<string, unknown>;
  /** how many of Grafana's `fieldConfig.overrides` the conversion carried over (not noted as dropped) */
  handledOverrides?: number;
}

/** The panel this plugin offers to turn another type's panel into, from its data. */
export interface PanelOffer {
  /** the panel types whose data is looked at */
  from: readonly string[];
  /** tooltip of the button */
  title: string;
  /** whether the data suits this type */
  when(data: PanelData): boolean;
}

/**
 * A panel type: one folder `src/panels/<type>/` whose index.ts exports this, and one line in
 * registry.ts. `O` is the options as the panel works with them, read from the stored JSON once
 * by `readOptions` (defaults applied there and nowhere else).
 */
export interface PanelPlugin<O extends object = object> {
  /** the stored `panel.type` (Grafana's id where Grafana has the type) */
  type: string;
  /** shown in the editor's visualization list */
  name: string;
  queryMode: QueryMode;
  View(props: PanelViewProps<O>): ReactNode;
  /** the type's own part of the panel editor */
  OptionsEditor(props: OptionsEditorProps<O>): ReactNode;
  /**
   * Loads View's and OptionsEditor's code when they load on demand (shared/lazy.tsx: the rare
   * types keep them out of the dashboard view's entry); they render once it is there.
   */
  load?(): Promise<void>;
  /** fieldConfig and options of a new panel of this type */
  defaults(): PanelDefaults;
  readOptions(panel: Pick<Panel, 'options' | 'fieldConfig'>): O;
  /** Grafana panel types this plugin imports; default: its own type */
  grafanaTypes?: readonly string[];
  /**
   * Converts a Grafana panel of one of `grafanaTypes` (targets and common fields are the
   * importer's). A panel folder puts it in its `grafana.ts` as `export const fromGrafana` instead
   * (panels/grafanaConverters.ts), so that it loads with the importer, not the dashboard view.
   */
  fromGrafana?: GrafanaConverter;
  /** offered on other panels ("Show as heatmap") when their data suits this type */
  offer?: PanelOffer;
  /** the view shows the data links of `fieldConfig.links` (table cells, the tooltip) */
  dataLinks?: boolean;
  /**
   * The unit a panel switched to this type takes when its own is the default `short` (a
   * heatmap of `…_seconds_bucket` shows seconds); undefined keeps it.
   */
  unitFor?(exprs: readonly string[], metadataUnit?: MetricUnitLookup): string | undefined;
  /** server data the View asks for besides its targets (a snapshot captures it too) */
  extraData?(options: O): PanelExtraData;
  /** the View shows "compare to the past" (PanelData.compare): only then is the past queried */
  comparesToPast?: boolean;
  /** the View draws exemplars (PanelData.exemplars): only then are they queried */
  showsExemplars?: boolean;
}

/** Server data a panel's View fetches itself, besides its targets. */
export interface PanelExtraData {
  /** the alerts endpoint (the alert list) */
  alerts?: boolean;
  /** the `ALERTS` series on the first target's range grid (alert annotations) */
  alertAnnotations?: boolean;
}
