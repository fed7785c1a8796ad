import { DEFAULT_TIMEOUT_MS, PrometheusClient } from '../prometheus/client';
import { flavourOf, flavourParams, offers } from '../prometheus/flavour';
import type { DatasourceHandle } from '../query/env';
import { parseDuration } from '../time/duration';
import { headerRecord, pickDatasource, type Datasource } from '../state/datasourceList';

const clients = new Map<string, PrometheusClient>();

/** One long-lived client per datasource configuration (URL + headers + limit). */
export function handleFor(d: Datasource): DatasourceHandle {
  const headers = headerRecord(d);
  const flavour = flavourOf(d);
  const params = flavourParams(flavour, d);
  const cacheKey = JSON.stringify(
    Object.keys(params).length ? [d.url, headers, params] : [d.url, headers],
  );
  const timeoutMs = (d.timeout && parseDuration(d.timeout)) || DEFAULT_TIMEOUT_MS;
  const clientKey = `${cacheKey} ${d.maxConcurrent} ${timeoutMs} ${flavour}`;
  let client = clients.get(clientKey);
  if (!client) {
    client = new PrometheusClient({
      url: d.url,
      headers,
      maxConcurrent: d.maxConcurrent,
      params,
      timeoutMs,
      queryStats: offers(flavour, 'queryStats'),
    });
    clients.set(clientKey, client);
  }
  return {
    name: d.name,
    client,
    scrapeIntervalMs: parseDuration(d.scrapeInterval) ?? 15_000,
    cacheKey,
    flavour,
    ...(d.exemplarLink ? { exemplarLink: d.exemplarLink } : {}),
  };
}

/** Resolves a panel's datasource name (undefined = default) against the configured ones. */
export function resolveDatasource(
  list: Datasource[],
  name: string | undefined,
): DatasourceHandle | { error: string } {
  const d = pickDatasource(list, name);
  if (d) return handleFor(d);
  if (!list.length) return { error: 'No datasource configured: add one under Datasources.' };
  return {
    error: `Datasource "${name}" not found: add one with that name under Datasources, or pick another in the panel editor.`,
  };
}
