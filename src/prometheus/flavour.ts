// Backend flavours: the servers that speak the Prometheus HTTP API, and which of its optional
// endpoints each one offers. The flavour (detected on Test, editable per datasource) decides
// which optional endpoints Scry calls at all: an endpoint the server does not offer is shown as
// a quiet "not offered by this server", never as an error (and never requested, so no CORS
// noise in the console either).

import { FLAVOURS, type Flavour } from '../model/flavour';

export { FLAVOURS, type Flavour };

/** The optional parts of the API (queries, labels and series are always there). */
export type Feature = 'metadata' | 'alerts' | 'rules' | 'exemplars' | 'queryStats' | 'flags';

export const FEATURES: readonly Feature[] = [
  'metadata',
  'alerts',
  'rules',
  'exemplars',
  'queryStats',
  'flags',
];

export interface FlavourInfo {
  label: string;
  /** optional endpoints the flavour offers */
  offers: Readonly<Record<Feature, boolean>>;
  /** PromQL dialect of the editor's linter */
  dialect: 'promql' | 'metricsql';
  /** has Thanos' `partial_response` and `dedup` query parameters */
  thanosParams: boolean;
}

const all = (v: boolean): Record<Feature, boolean> => ({
  metadata: v,
  alerts: v,
  rules: v,
  exemplars: v,
  queryStats: v,
  flags: v,
});

export const FLAVOUR_INFO: Readonly<Record<Flavour, FlavourInfo>> = {
  prometheus: { label: 'Prometheus', offers: all(true), dialect: 'promql', thanosParams: false },
  // 1.79: /api/v1/metadata answers {} and /api/v1/alerts, /rules only proxy to vmalert; none of
  // them (nor buildinfo) carries CORS headers, so a browser cannot read them anyway.
  victoriametrics: {
    label: 'VictoriaMetrics',
    offers: all(false),
    dialect: 'metricsql',
    thanosParams: false,
  },
  // Thanos Query: metadata, rules/alerts and exemplars are proxied to the stores (0.19+).
  thanos: {
    label: 'Thanos',
    offers: { ...all(true), queryStats: false },
    dialect: 'promql',
    thanosParams: true,
  },
  // Mimir/Cortex behind /prometheus: metadata from the ingesters, rules/alerts from the ruler.
  mimir: {
    label: 'Mimir/Cortex',
    offers: { ...all(true), queryStats: false, flags: false },
    dialect: 'promql',
    thanosParams: false,
  },
};

export const FEATURE_LABEL: Readonly<Record<Feature, string>> = {
  metadata: 'metric metadata (TYPE/HELP)',
  alerts: 'alerts',
  rules: 'rules',
  exemplars: 'exemplars',
  queryStats: 'query stats',
  flags: 'server flags',
};

/** A stored flavour, or Prometheus for datasources saved before flavours existed. */
export function flavourOf(d: { flavour?: string | undefined }): Flavour {
  return FLAVOURS.includes(d.flavour as Flavour) ? (d.flavour as Flavour) : 'prometheus';
}

export function offers(flavour: Flavour, feature: Feature): boolean {
  return FLAVOUR_INFO[flavour].offers[feature];
}

/** The quiet note shown where an optional endpoint's data would be. */
export function notOfferedText(flavour: Flavour, feature: Feature): string {
  const what = FEATURE_LABEL[feature];
  return `${what[0]!.toUpperCase()}${what.slice(1)}: not offered by this server (${FLAVOUR_INFO[flavour].label}).`;
}

/** Thanos' query parameters, as a datasource sets them. */
export interface ThanosOptions {
  /** answer with the stores that replied, with a warning, instead of failing */
  partialResponse?: boolean | undefined;
  /** deduplicate replicas by the replica labels */
  dedup?: boolean | undefined;
}

/**
 * Extra query parameters of a flavour. Thanos: `partial_response` (default false here: a missing
 * store is an error, not a silently thinner graph) and `dedup` (default true), always sent so
 * the datasource's form shows what the server does.
 */
export function flavourParams(flavour: Flavour, o: ThanosOptions): Record<string, string> {
  if (!FLAVOUR_INFO[flavour].thanosParams) return {};
  return {
    partial_response: String(o.partialResponse ?? false),
    dedup: String(o.dedup ?? true),
  };
}
