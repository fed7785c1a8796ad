// Adapter: codemirror-promql's PrometheusClient interface on top of Scry's own client, so the
// editor's completion and hover requests carry the datasource's headers, share its concurrency
// limiter, and go through the app's TanStack Query cache (prometheus/queries.ts: one key per
// request, shared with Explore and variables), reused for a minute.
//
// Only type imports from codemirror-promql here: the app may import this module eagerly
// without pulling CodeMirror into the dashboard bundle.

import type { PrometheusClient as CompletionClient } from '@prometheus-io/codemirror-promql';
import type { FetchQueryOptions, QueryClient } from '@tanstack/react-query';
import type { PrometheusClient as ScryClient } from '../prometheus/client';
import {
  flagsQuery,
  labelNamesQuery,
  labelValuesQuery,
  metadataQuery,
  seriesQuery,
  type LookupWindow,
  type QuerySource,
} from '../prometheus/queries';
import type { MetadataResult } from '../prometheus/types';

/** The part of Scry's PrometheusClient the adapter uses (a fake in tests). */
export type ScryClientLike = Pick<
  ScryClient,
  'labelNames' | 'labelValues' | 'series' | 'metadata'
> &
  Partial<Pick<ScryClient, 'call' | 'base' | 'endpoint'>>;

/** A label matcher as codemirror-promql hands it over (`type` is a lezer-promql node id). */
export interface MatcherLike {
  type: number;
  name: string;
  value: string;
}

export interface EditorClientOptions {
  /** the datasource's identity in query keys; default: the client's base URL and headers */
  key?: string;
  /** how long answers are reused (their staleTime), ms; default 60 000 */
  cacheTtlMs?: number;
  /** look back this far for label names/values and series, ms; default 12 h; 0 = server default */
  lookbackMs?: number;
  /** failures are swallowed (completion just offers less); this hears about them */
  onError?: (e: unknown) => void;
  /**
   * the server offers /api/v1/metadata and /api/v1/status/flags (default true); without them
   * (VictoriaMetrics) completion and hover work from names and labels, and nothing is asked
   */
  metadata?: boolean;
  flags?: boolean;
  /** the server's query language: the linter tolerates MetricsQL for VictoriaMetrics */
  dialect?: 'promql' | 'metricsql';
  /** the app's cache: answers are shared with every other user of the same request */
  queryClient: QueryClient;
}

// lezer-promql node id → matcher operator; filled by the editor module from the parser's node
// set (registerMatcherOps) so that this module needs no runtime import of the parser.
const matcherOps = new Map<number, string>();
const OP_NAMES: Record<string, string> = {
  EqlSingle: '=',
  Neq: '!=',
  EqlRegex: '=~',
  NeqRegex: '!~',
};

/** Teaches the adapter which lezer node ids denote which match operator. */
export function registerMatcherOps(nodeTypes: readonly { id: number; name: string }[]): void {
  for (const t of nodeTypes) {
    const op = OP_NAMES[t.name];
    if (op) matcherOps.set(t.id, op);
  }
}

/** The metric family a series name belongs to: `x_bucket`, `x_sum`, `x_total`, … → `x`. */
export function familyName(metricName: string): string {
  return metricName.replace(/_(count|sum|bucket|total|created|info)$/, '');
}

/** True when a text contains a template variable reference ($x, ${x}, [[x]]). */
function hasVariable(s: string): boolean {
  return /\$\w|\$\{|\[\[/.test(s);
}

/**
 * `metric{a="b",c=~"d"}` for /api/v1/series and match[] (the same rules as codemirror-promql:
 * the label being completed and empty values are left out). Matchers whose value holds a
 * template variable are left out too: the server would match them literally.
 */
export function matchersToSelector(
  metricName: string | undefined,
  matchers: readonly MatcherLike[] | undefined,
  labelName?: string,
): string {
  const parts: string[] = [];
  for (const m of matchers ?? []) {
    if (m.name === labelName || m.value === '' || hasVariable(m.value)) continue;
    parts.push(`${m.name}${matcherOps.get(m.type) ?? '='}"${m.value}"`);
  }
  const name = metricName ?? '';
  if (hasVariable(name)) return parts.length ? `{${parts.join(',')}}` : '';
  return parts.length ? `${name}{${parts.join(',')}}` : name;
}

function defaultKey(c: ScryClientLike): string {
  const headers = c.endpoint?.headers ?? {};
  const h = Object.keys(headers)
    .sort()
    .map((k) => `${k}:${headers[k]}`)
    .join('\n');
  return `${c.base ?? c.endpoint?.url ?? ''}\n${h}`;
}

/**
 * codemirror-promql's PrometheusClient over Scry's client. Pass it as
 * `new PromQLExtension().setComplete({ remote: adapter })`, or to <PromQLEditor client=…>.
 */
export class EditorPromClient implements CompletionClient {
  readonly key: string;
  readonly dialect: 'promql' | 'metricsql';
  private readonly ttl: number;
  private readonly window: LookupWindow;
  private readonly src: QuerySource<ScryClientLike>;

  constructor(
    private readonly client: ScryClientLike,
    private readonly opts: EditorClientOptions,
  ) {
    this.key = opts.key ?? defaultKey(client);
    this.dialect = opts.dialect ?? 'promql';
    this.ttl = opts.cacheTtlMs ?? 60_000;
    this.window = { lookbackMs: opts.lookbackMs ?? 12 * 3600_000 };
    this.src = { client, cacheKey: this.key };
  }

  labelNames(metricName?: string): Promise<string[]> {
    const match = metricName && !hasVariable(metricName) ? [metricName] : undefined;
    return this.cached(
      labelNamesQuery(this.src, { window: this.window, ...(match ? { match } : {}) }),
      [],
    );
  }

  labelValues(labelName: string, metricName?: string, matchers?: MatcherLike[]): Promise<string[]> {
    const sel =
      metricName || matchers?.length ? matchersToSelector(metricName, matchers, labelName) : '';
    return this.cached(
      labelValuesQuery(this.src, labelName, {
        window: this.window,
        ...(sel ? { match: [sel] } : {}),
      }),
      [],
    );
  }

  metricMetadata(): Promise<Record<string, { type: string; help: string }[]>> {
    return this.fullMetadata();
  }

  /** The whole /api/v1/metadata answer, including units (what proposals.ts takes). */
  fullMetadata(): Promise<MetadataResult> {
    if (this.opts.metadata === false) return Promise.resolve({});
    return this.cached(metadataQuery(this.src), {});
  }

  /**
   * Metadata of one metric: its own entry, or its family's for `_bucket`/`_sum`/`_count`/
   * `_total` series (what the hover tooltip shows).
   */
  async metadataFor(
    metricName: string,
  ): Promise<{ name: string; type: string; help: string; unit: string }[]> {
    const pick = (md: MetadataResult, name: string) =>
      (Object.prototype.hasOwnProperty.call(md, name) ? (md[name] ?? []) : []).map((e) => ({
        name,
        type: e.type,
        help: e.help,
        unit: e.unit ?? '',
      }));
    if (this.opts.metadata === false) return [];
    const base = familyName(metricName);
    const names = base !== metricName ? [metricName, base] : [metricName];
    // the whole list when completion fetched it already (or is fetching it), else just this
    // metric (cheaper)
    const whole = this.opts.queryClient.getQueryState(metadataQuery(this.src).queryKey);
    const full =
      whole &&
      (whole.fetchStatus === 'fetching' ||
        (whole.data !== undefined && Date.now() - whole.dataUpdatedAt < this.ttl))
        ? this.fullMetadata()
        : undefined;
    for (const name of names) {
      const md = full ? await full : await this.cached(metadataQuery(this.src, name), {});
      const found = pick(md, name);
      if (found.length) return found;
    }
    return [];
  }

  async series(
    metricName: string,
    matchers?: MatcherLike[],
    labelName?: string,
  ): Promise<Map<string, string>[]> {
    const sel = matchersToSelector(metricName, matchers, labelName);
    if (!sel) return [];
    const found = await this.cached(
      seriesQuery(this.src, { match: [sel], window: this.window }),
      [],
    );
    return found.map((labels) => new Map(Object.entries(labels)));
  }

  metricNames(_prefix?: string): Promise<string[]> {
    // the whole list: codemirror-promql filters (fuzzily) itself
    return this.labelValues('__name__');
  }

  flags(): Promise<Record<string, string>> {
    const call = this.client.call?.bind(this.client);
    if (!call || this.opts.flags === false) return Promise.resolve({});
    return this.cached(flagsQuery({ client: { call }, cacheKey: this.key }), {});
  }

  /**
   * Through the TanStack cache: a fresh answer (younger than the TTL) or the request in flight is
   * reused; a failure gives `fallback`, is reported, and is not kept (the next ask sends again).
   */
  private async cached<T>(
    options: { queryKey: readonly unknown[]; queryFn?: unknown },
    fallback: T,
  ): Promise<T> {
    try {
      return (await this.opts.queryClient.fetchQuery({
        ...(options as FetchQueryOptions<T>),
        staleTime: this.ttl,
        retry: false,
      })) as T;
    } catch (e) {
      this.opts.onError?.(e);
      return fallback;
    }
  }
}

/** The adapter for one datasource's client. */
export function createEditorClient(
  client: ScryClientLike,
  opts: EditorClientOptions,
): EditorPromClient {
  return new EditorPromClient(client, opts);
}
