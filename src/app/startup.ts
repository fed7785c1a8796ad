// Start-up fetches, begun by the entry script before the app's code has loaded: `config.json`
// (index.html also preloads it) and, as soon as it arrives, every dashboard it lists. Kept free of
// heavy imports (no zod, no React): validation happens later, in provisioning.ts, which is itself
// loaded only when there is a config to read.

import type { Flavour } from '../model/flavour';
import type { Datasource } from '../state/datasourceList';

/** One fetched file: its text, or why there is none. */
export type FetchedText =
  { ok: true; text: string } | { ok: false; status?: number; error: string };

/** What start-up fetched, unvalidated. */
export interface RawProvisioning {
  /** absolute URL of config.json; dashboard paths are relative to it */
  base: string;
  /** null: no config (404, or a static host answering index.html for unknown paths) */
  config: FetchedText | null;
  /** the dashboards config.json lists, by the path written there */
  dashboards: Map<string, Promise<FetchedText>>;
}

/** config.json's datasource fields when left out (provisioning.ts' schema uses the same). */
export const CONFIG_DEFAULTS = {
  default: false,
  scrapeInterval: '15s',
  maxConcurrent: 6,
  maxConcurrentMax: 64,
} as const;

/** One datasource of config.json, defaults filled in (validated by provisioning.ts' schema). */
export interface ConfigDatasource {
  name: string;
  url: string;
  default: boolean;
  scrapeInterval: string;
  headers: Record<string, string>;
  maxConcurrent: number;
  flavour?: Flavour | undefined;
  orgId?: string | undefined;
  partialResponse?: boolean | undefined;
  dedup?: boolean | undefined;
  exemplarLink?: string | undefined;
  timeout?: string | undefined;
}

/** config.json's datasources as Scry's (read-only, provisioned); the first is the default if none is. */
export function configDatasources(list: readonly ConfigDatasource[]): Datasource[] {
  const out: Datasource[] = list.map((d) => ({
    id: `provisioned:${d.name}`,
    name: d.name,
    url: d.url,
    scrapeInterval: d.scrapeInterval,
    headers: Object.entries(d.headers).map(([name, value]) => ({ name, value })),
    isDefault: d.default,
    maxConcurrent: d.maxConcurrent,
    ...(d.timeout ? { timeout: d.timeout } : {}),
    provisioned: true,
    ...(d.flavour ? { flavour: d.flavour } : {}),
    ...(d.orgId ? { orgId: d.orgId } : {}),
    ...(d.partialResponse !== undefined ? { partialResponse: d.partialResponse } : {}),
    ...(d.dedup !== undefined ? { dedup: d.dedup } : {}),
    ...(d.exemplarLink ? { exemplarLink: d.exemplarLink } : {}),
  }));
  if (out.length && !out.some((d) => d.isDefault)) out[0]!.isDefault = true;
  return out;
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function fetchText(url: string): Promise<FetchedText> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-cache' });
  } catch (e) {
    return { ok: false, error: `could not be fetched (${describe(e)})` };
  }
  if (!res.ok)
    return { ok: false, status: res.status, error: `HTTP ${res.status} ${res.statusText}` };
  try {
    return { ok: true, text: await res.text() };
  } catch (e) {
    return { ok: false, error: `could not be read (${describe(e)})` };
  }
}

/** The dashboard paths a config lists, read leniently (provisioning.ts validates properly). */
export function listedDashboards(configText: string): string[] {
  let raw: unknown;
  try {
    raw = JSON.parse(configText);
  } catch {
    return [];
  }
  const list = (raw as { dashboards?: unknown } | null)?.dashboards;
  return Array.isArray(list)
    ? [...new Set(list.filter((p): p is string => typeof p === 'string' && p !== ''))]
    : [];
}

/** Fetches config.json and then, in parallel, the dashboards it lists. Never rejects. */
export async function fetchProvisioning(
  base = new URL('config.json', document.baseURI).toString(),
): Promise<RawProvisioning> {
  const out: RawProvisioning = { base, config: null, dashboards: new Map() };
  const config = await fetchText(base);
  if (!config.ok && config.status === 404) return out;
  // A static host may answer index.html for unknown paths: treat that as "no config".
  if (config.ok && /^\s*</.test(config.text)) return out;
  out.config = config;
  performance.mark('scry:config');
  if (config.ok)
    for (const p of listedDashboards(config.text))
      out.dashboards.set(p, fetchText(new URL(p, base).toString()));
  return out;
}

/** The `uid` a parsed dashboard file declares (Scry's, or a Grafana export's), if any. */
export function declaredUid(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as { uid?: unknown; dashboard?: { uid?: unknown } | null };
  return o.uid ?? o.dashboard?.uid;
}

/** config.json's query timeout: a whole number of ms, s, m or h ("60s"). */
export const CONFIG_TIMEOUT = /^\d+(ms|s|m|h)$/;

/** Files the start-up planner parsed already, by their text: provisioning takes them once. */
const parsedFiles = new Map<string, unknown>();

/** JSON.parse of a fetched file, kept for provisioning (a 10 000-panel file is parsed once). */
export function parseFetched(text: string): unknown {
  const value = JSON.parse(text) as unknown;
  parsedFiles.set(text, value);
  return value;
}

/** The value `parseFetched` made of this very text, once; undefined if it made none. */
export function takeParsed(text: string): { value: unknown } | undefined {
  if (!parsedFiles.has(text)) return undefined;
  const value = parsedFiles.get(text);
  parsedFiles.delete(text);
  return { value };
}

let started: Promise<RawProvisioning> | null = null;

/** The start-up fetch: begun on the first call (by the entry script), shared afterwards. */
export function startupProvisioning(): Promise<RawProvisioning> {
  started ??= fetchProvisioning();
  return started;
}
