// Datasources as plain data: the type, which one a panel means, and the headers a request sends.
// No store here (state/datasources.ts holds that): the start-up planner (app/earlyQueries.ts)
// resolves a panel's datasource with these before the app's code has loaded.
import type { Flavour } from '../model/flavour';
import { isUnsafeKey } from '../model/limits';

/** A Prometheus-compatible datasource as the user configured it (kept in this browser only). */
export interface Datasource {
  id: string;
  name: string;
  url: string;
  /** Prometheus scrape interval ("15s"): floor for the step and base of $__rate_interval */
  scrapeInterval: string;
  /** custom HTTP headers (Authorization, X-Scope-OrgID, …) */
  headers: { name: string; value: string }[];
  isDefault: boolean;
  /** requests in flight at once; default 6 */
  maxConcurrent: number;
  /** query timeout ("60s", the default when absent): Scry gives up, and asks Prometheus to */
  timeout?: string;
  /** from config.json: read-only here */
  provisioned?: boolean;
  /** server flavour, detected on Test (absent: Prometheus); decides the optional endpoints used */
  flavour?: Flavour;
  /** tenant sent as X-Scope-OrgID (Mimir, Cortex, multi-tenant proxies) */
  orgId?: string;
  /** Authorization header value ("Bearer …", "Basic …") */
  authorization?: string;
  /** Thanos: partial_response (answer with the stores that replied, with a warning) */
  partialResponse?: boolean;
  /** Thanos: dedup (merge replicas) */
  dedup?: boolean;
  /** exemplar link template: makes an exemplar's trace id a link (`https://…/${trace_id}`) */
  exemplarLink?: string;
}

/** Every datasource, own first; names are unique (an own one shadows a provisioned namesake). */
export function allDatasources(s: { own: Datasource[]; provisioned: Datasource[] }): Datasource[] {
  const names = new Set(s.own.map((o) => o.name));
  return [...s.own, ...s.provisioned.filter((p) => !names.has(p.name))];
}

/** The datasource a panel means: by name, else the default, else the first. */
export function pickDatasource(
  list: Datasource[],
  name: string | undefined,
): Datasource | undefined {
  if (name) {
    const byName = list.find((d) => d.name === name);
    if (byName) return byName;
  }
  return name ? undefined : (list.find((d) => d.isDefault) ?? list[0]);
}

/** Headers as a plain object, blank names dropped; the tenant and Authorization fields win. */
export function headerRecord(
  d: Pick<Datasource, 'headers' | 'orgId' | 'authorization'>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of d.headers) {
    const name = h.name.trim();
    // a header named "__proto__" would set the object's prototype instead of a header
    if (name && !isUnsafeKey(name)) out[name] = h.value;
  }
  const first = (name: string, value: string | undefined) => {
    if (!value?.trim()) return;
    for (const k of Object.keys(out)) if (k.toLowerCase() === name.toLowerCase()) delete out[k];
    out[name] = value.trim();
  };
  first('X-Scope-OrgID', d.orgId);
  first('Authorization', d.authorization);
  return out;
}
