import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { PrometheusClient } from '../../prometheus/client';
import { notOfferedText, offers, type Flavour } from '../../prometheus/flavour';
import { labelValuesQuery, metadataQuery, seriesQuery } from '../../prometheus/queries';
import type { MetadataResult } from '../../prometheus/types';
import { escapeRegExp } from './queryEdit';

export interface MetricChoice {
  name: string;
  metadata: MetadataResult;
}

const MAX_SHOWN = 300;

/**
 * Every metric of the datasource: names from /api/v1/metadata (with TYPE and HELP) and from the
 * `__name__` label values over the range (those without metadata too), searchable.
 */
export default function MetricBrowser(props: {
  client: PrometheusClient;
  cacheKey: string;
  /** without the metadata API (VictoriaMetrics) names come from `__name__` alone, quietly */
  flavour?: Flavour | undefined;
  startSec: number;
  endSec: number;
  onChoose(c: MetricChoice): void;
}) {
  const { client, cacheKey } = props;
  const flavour = props.flavour ?? 'prometheus';
  const withMetadata = offers(flavour, 'metadata');
  const [search, setSearch] = useState('');
  // whole minutes: the list does not refetch on every "now" tick
  const startSec = Math.floor(props.startSec / 60) * 60;
  const endSec = Math.ceil(props.endSec / 60) * 60;
  const metadata = useQuery({
    ...metadataQuery({ client, cacheKey }),
    staleTime: 60_000,
    enabled: withMetadata,
  });
  const names = useQuery({
    ...labelValuesQuery({ client, cacheKey }, '__name__', { window: { startSec, endSec } }),
    staleTime: 60_000,
  });
  const all = useMemo(() => {
    const md = metadata.data ?? {};
    const set = new Set([...Object.keys(md), ...(names.data ?? [])]);
    return [...set].sort().map((name) => ({ name, md: md[name]?.[0] }));
  }, [metadata.data, names.data]);
  const q = search.trim().toLowerCase();
  const shown = q
    ? all.filter((m) => m.name.toLowerCase().includes(q) || m.md?.help.toLowerCase().includes(q))
    : all;

  return (
    <div className="metric-browser" data-testid="metric-browser">
      <input
        type="search"
        placeholder={`Search ${all.length} metrics`}
        aria-label="Search metrics"
        data-testid="metric-search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {(metadata.error || names.error) && (
        <div className="panel-error">{(metadata.error ?? names.error)?.message}</div>
      )}
      {!withMetadata && (
        <p className="not-offered-note" data-testid="metric-browser-not-offered">
          {notOfferedText(flavour, 'metadata')}
        </p>
      )}
      {((withMetadata && metadata.isPending) || names.isPending) && (
        <p className="muted">Loading metrics…</p>
      )}
      <ul className="metric-list">
        {shown.slice(0, MAX_SHOWN).map((m) => (
          <li key={m.name}>
            <button
              type="button"
              data-testid="metric-item"
              data-metric={m.name}
              title={m.md?.help}
              onClick={() => props.onChoose({ name: m.name, metadata: metadata.data ?? {} })}
            >
              <span className="mono">{m.name}</span>
              <span className={`metric-type t-${m.md?.type ?? 'none'}`}>{m.md?.type ?? '—'}</span>
              {m.md?.help && <span className="muted metric-help">{m.md.help}</span>}
            </button>
          </li>
        ))}
      </ul>
      {shown.length > MAX_SHOWN && (
        <p className="muted">{shown.length - MAX_SHOWN} more: narrow the search to see them.</p>
      )}
    </div>
  );
}

/** Label names of a metric's series over the range, each with its distinct values. */
export function MetricLabels(props: {
  client: PrometheusClient;
  cacheKey: string;
  /** the family name; its _bucket/_sum/_count/_total series count too */
  metric: string;
  startSec: number;
  endSec: number;
  onGroupBy(label: string): void;
  onFilter(label: string, value: string): void;
}) {
  const { client, cacheKey, metric } = props;
  const startSec = Math.floor(props.startSec / 60) * 60;
  const endSec = Math.ceil(props.endSec / 60) * 60;
  const escaped = escapeRegExp(metric);
  const series = useQuery({
    ...seriesQuery(
      { client, cacheKey },
      {
        match: [`{__name__=~"${escaped}(_bucket|_sum|_count|_total)?"}`],
        window: { startSec, endSec },
      },
    ),
    staleTime: 60_000,
  });
  const labels = useMemo(() => {
    const m = new Map<string, Set<string>>();
    for (const s of series.data ?? []) {
      for (const [k, v] of Object.entries(s)) {
        if (k === '__name__') continue;
        let set = m.get(k);
        if (!set) m.set(k, (set = new Set()));
        set.add(v);
      }
    }
    return [...m.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, values]) => ({ name, values: [...values].sort() }));
  }, [series.data]);

  return (
    <div className="metric-labels" data-testid="metric-labels">
      <strong>
        Labels of <span className="mono">{metric}</span>
      </strong>{' '}
      {series.data && <span className="muted">({series.data.length} series)</span>}
      {series.isPending && <p className="muted">Loading labels…</p>}
      {series.error && <div className="panel-error">{series.error.message}</div>}
      <table>
        <tbody>
          {labels.map((l) => (
            <tr key={l.name} data-testid="metric-label" data-label={l.name}>
              <td className="mono">{l.name}</td>
              <td data-testid="metric-label-count">{l.values.length}</td>
              <td>
                <button type="button" onClick={() => props.onGroupBy(l.name)}>
                  Group by
                </button>
              </td>
              <td>
                <select
                  aria-label={`Filter by ${l.name}`}
                  value=""
                  onChange={(e) => e.target.value && props.onFilter(l.name, e.target.value)}
                >
                  <option value="">Filter…</option>
                  {l.values.slice(0, 500).map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
