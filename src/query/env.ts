import { createContext, useContext } from 'react';
import type { PrometheusClient } from '../prometheus/client';
import type { Flavour } from '../prometheus/flavour';
import type { VariableValue } from '../variables/interpolate';
import type { CompareTo } from './compare';

/** A datasource ready to query: what panels need, no credentials exposed. */
export interface DatasourceHandle {
  name: string;
  client: PrometheusClient;
  /** floor for the step and the base of $__rate_interval */
  scrapeIntervalMs: number;
  /** identity for query keys: URL + headers, so two datasources never share cache entries */
  cacheKey: string;
  /** the server's flavour: which optional endpoints (metadata, alerts, …) to use */
  flavour?: Flavour;
  /** exemplar link template (`https://tracing.example/trace/${trace_id}`), when set */
  exemplarLink?: string;
}

/** A variable's current value as interpolation sees it. */
export type ScopeValue = VariableValue;

/** Everything a panel needs to turn its targets into requests. */
export interface QueryEnv {
  /** resolved absolute range (ms) */
  fromMs: number;
  toMs: number;
  /**
   * the instant a relative range was resolved against, present only when the range's `from` is
   * relative ("now-6h"): a panel's relative time (Grafana's timeFrom) applies only then
   */
  nowMs?: number;
  timeZone: string;
  /** the datasource a panel names (undefined = default), or why there is none */
  datasource(name: string | undefined): DatasourceHandle | { error: string };
  /** template variables by name */
  scope: Record<string, ScopeValue>;
  dashboard: { uid: string; title: string };
  /** the range as the URL holds it (`now-6h`): links keep a relative range relative */
  rawRange?: { from: string; to: string } | undefined;
  /** the variables that travel in URLs (`var-…`), in order (links' `includeVars`) */
  urlVariables?: readonly string[] | undefined;
  /** compare to the past: the dashboard's comparison (URL over saved); a panel may override it */
  compare?: CompareTo | null | undefined;
}

export const QueryEnvContext = createContext<QueryEnv | null>(null);

export function useQueryEnv(): QueryEnv {
  const env = useContext(QueryEnvContext);
  if (!env) throw new Error('No QueryEnvContext: render panels inside a dashboard or explore page');
  return env;
}
