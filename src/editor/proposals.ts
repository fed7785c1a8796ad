// Query proposals: from a metric name and its /api/v1/metadata entry, the query a user most
// likely wants to graph (rate for counters, heatmap of buckets for histograms, …). Pure.

import type { MetadataResult } from '../prometheus/types';
import { guessUnit } from '../units/metricUnit';

export { guessUnit };

export const metricTypes = [
  'counter',
  'gauge',
  'histogram',
  'summary',
  'unknown',
  'info',
  'stateset',
  'gaugehistogram',
] as const;
export type MetricType = (typeof metricTypes)[number];

/** One entry of /api/v1/metadata (unit is optional: older servers omit it). */
export interface MetricMetadataEntry {
  type: string;
  help: string;
  unit?: string;
}

/** A series name traced back to the metric family it belongs to. */
export interface ResolvedMetric {
  /** the family (metadata) name, e.g. `http_request_duration_seconds` for `…_bucket` */
  base: string;
  type: MetricType;
  /** the suffix the given series name carried on top of `base` (`_bucket`, `_sum`, `_count`, `_total`, `_created`, `_info`), '' when none */
  suffix: string;
  /** the metadata entry found, if any */
  metadata?: MetricMetadataEntry;
}

export interface QueryAlternative {
  expr: string;
  legendFormat: string;
  explanation: string;
}

export interface QueryProposal {
  expr: string;
  legendFormat: string;
  panelType: 'timeseries' | 'heatmap';
  /** a Scry unit id (see src/units), when the name or metadata tells */
  unit?: string;
  explanation: string;
  /** histogram_quantile levels worth plotting (histograms only) */
  percentiles?: number[];
  /** further useful queries for the same metric (quantiles, averages) */
  alternatives: QueryAlternative[];
  /** what the name resolved to */
  metric: ResolvedMetric;
}

const RATE = '$__rate_interval';
export const DEFAULT_PERCENTILES = [0.5, 0.9, 0.99];

function isMetricType(t: string): t is MetricType {
  return (metricTypes as readonly string[]).includes(t);
}

function normType(t: string | undefined): MetricType {
  const s = (t ?? '').toLowerCase();
  return isMetricType(s) ? s : 'unknown';
}

type MetadataLike = MetadataResult | Record<string, MetricMetadataEntry[]>;

function firstEntry(md: MetadataLike | undefined, name: string): MetricMetadataEntry | undefined {
  if (!md || !Object.prototype.hasOwnProperty.call(md, name)) return undefined;
  return md[name]?.[0];
}

const FAMILY_SUFFIXES: [string, MetricType[]][] = [
  ['_bucket', ['histogram', 'gaugehistogram']],
  ['_sum', ['histogram', 'summary']],
  ['_count', ['histogram', 'summary']],
  ['_gsum', ['gaugehistogram']],
  ['_gcount', ['gaugehistogram']],
  ['_total', ['counter']],
  ['_created', ['counter', 'histogram', 'summary']],
  ['_info', ['info']],
];

/**
 * Maps a series name back to its metric family: `x_bucket` → `x` (histogram), `x_count` → `x`
 * (summary or histogram), `x_total` → `x` when only `x` carries metadata (OpenMetrics counters).
 * Without metadata, `_bucket` alone is taken as a histogram; everything else is `unknown`.
 */
export function resolveMetric(name: string, metadata?: MetadataLike): ResolvedMetric {
  const direct = firstEntry(metadata, name);
  if (direct) {
    return { base: name, type: normType(direct.type), suffix: '', metadata: direct };
  }
  for (const [suffix, types] of FAMILY_SUFFIXES) {
    if (!name.endsWith(suffix) || name.length === suffix.length) continue;
    const base = name.slice(0, -suffix.length);
    const md = firstEntry(metadata, base);
    if (md && types.includes(normType(md.type))) {
      return { base, type: normType(md.type), suffix, metadata: md };
    }
  }
  if (name.endsWith('_bucket') && name.length > '_bucket'.length) {
    return { base: name.slice(0, -'_bucket'.length), type: 'histogram', suffix: '_bucket' };
  }
  if (name.endsWith('_total')) return { base: name, type: 'counter', suffix: '' };
  return { base: name, type: 'unknown', suffix: '' };
}

function bucketRate(base: string, by = 'le'): string {
  return `sum by (${by}) (rate(${base}_bucket[${RATE}]))`;
}

/**
 * The query to start from for a metric. `metadata` is the /api/v1/metadata answer (or the part
 * of it for this metric); `name` may be a family or a series name (`x_bucket`, `x_count`).
 */
/** The average (rate of the sum over rate of the count) and the rate of observations per job. */
function sumCountAlternatives(base: string): QueryAlternative[] {
  return [
    {
      expr: `sum(rate(${base}_sum[${RATE}])) / sum(rate(${base}_count[${RATE}]))`,
      legendFormat: 'average',
      explanation: 'Average observed value (rate of the sum divided by rate of the count).',
    },
    {
      expr: `sum by (job) (rate(${base}_count[${RATE}]))`,
      legendFormat: '{{job}}',
      explanation: 'Observations per second, per job.',
    },
  ];
}

export function proposeQuery(name: string, metadata?: MetadataLike): QueryProposal {
  const m = resolveMetric(name, metadata);
  const help = m.metadata?.help ? ` ${m.metadata.help}` : '';
  const mdUnit = m.metadata?.unit || undefined;
  const base = m.base;
  switch (m.type) {
    case 'counter': {
      // the name as typed: classic counters carry _total in the family name, OpenMetrics ones
      // only in the series name, and metadata alone cannot tell which one was scraped
      const series = name;
      return {
        expr: `sum by (job) (rate(${series}[${RATE}]))`,
        legendFormat: '{{job}}',
        panelType: 'timeseries',
        unit: guessUnit(series, { rated: true, unit: mdUnit }),
        explanation: `${series} is a counter: it only goes up (and resets on restart), so plot its per-second rate, summed per job.${help}`,
        alternatives: [
          {
            expr: `sum by (job) (increase(${series}[$__range]))`,
            legendFormat: '{{job}}',
            explanation: 'Total increase over the dashboard time range, per job.',
          },
        ],
        metric: m,
      };
    }
    case 'histogram': {
      const rate = bucketRate(base);
      return {
        expr: rate,
        legendFormat: '{{le}}',
        panelType: 'heatmap',
        unit: guessUnit(base, { unit: mdUnit }),
        explanation: `${base} is a histogram: plot the rate of its buckets as a heatmap, or quantiles with histogram_quantile.${help}`,
        percentiles: [...DEFAULT_PERCENTILES],
        alternatives: [
          ...DEFAULT_PERCENTILES.map((q) => ({
            expr: `histogram_quantile(${q}, ${rate})`,
            legendFormat: `p${Math.round(q * 100)}`,
            explanation: `${Math.round(q * 100)}th percentile over all series.`,
          })),
          ...sumCountAlternatives(base),
        ],
        metric: m,
      };
    }
    case 'gaugehistogram':
      return {
        expr: `sum by (le) (${base}_bucket)`,
        legendFormat: '{{le}}',
        panelType: 'heatmap',
        unit: guessUnit(base, { unit: mdUnit }),
        explanation: `${base} is a gauge histogram: its buckets are current values, plotted as a heatmap without rate().${help}`,
        alternatives: [],
        metric: m,
      };
    case 'summary':
      return {
        expr: `${base}{quantile=~".+"}`,
        legendFormat: '{{quantile}}',
        panelType: 'timeseries',
        unit: guessUnit(base, { unit: mdUnit }),
        explanation: `${base} is a summary: its quantiles are precomputed per series, one line per quantile (they cannot be aggregated across series).${help}`,
        alternatives: sumCountAlternatives(base),
        metric: m,
      };
    case 'stateset':
      return {
        expr: base,
        legendFormat: `{{${base}}}`,
        panelType: 'timeseries',
        explanation: `${base} is a state set: one series per state (label ${base}), 1 for the current state.${help}`,
        alternatives: [],
        metric: m,
      };
    case 'info': {
      const series = m.suffix === '_info' ? name : base;
      return {
        expr: series,
        legendFormat: '',
        panelType: 'timeseries',
        explanation: `${series} is an info metric: its labels carry the information, the value is always 1.${help}`,
        alternatives: [],
        metric: m,
      };
    }
    case 'gauge':
      return {
        expr: name,
        legendFormat: '',
        panelType: 'timeseries',
        unit: guessUnit(name, { unit: mdUnit }),
        explanation: `${name} is a gauge: its current value is meaningful as is.${help}`,
        alternatives: [],
        metric: m,
      };
    default:
      return {
        expr: name,
        legendFormat: '',
        panelType: 'timeseries',
        unit: guessUnit(name, { unit: mdUnit }),
        explanation: `${name} has no known type: plotted as is.${help}`,
        alternatives: [],
        metric: m,
      };
  }
}
