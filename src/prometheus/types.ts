// Wire types of the Prometheus HTTP API.
// See: https://prometheus.io/docs/prometheus/latest/querying/api/

import type { Labels } from '../model/frame';

/** `[<unix seconds>, "<value>"]`; values are strings because JSON has no NaN/±Inf. */
export type SamplePair = [number, string];

/** Native histogram as the query API encodes it (2.40+). */
export interface HistogramWire {
  count: string;
  sum: string;
  /** [boundaryRule, lower, upper, count] */
  buckets?: [number, string, string, string][];
}

export interface MatrixSeries {
  metric: Labels;
  values?: SamplePair[];
  histograms?: [number, HistogramWire][];
}

export interface VectorSample {
  metric: Labels;
  value?: SamplePair;
  histogram?: [number, HistogramWire];
}

/** Result of /api/v1/query_range. */
export interface MatrixResult {
  resultType: 'matrix';
  result: MatrixSeries[];
}

/** Result of /api/v1/query (instant). */
export type InstantResult =
  | { resultType: 'vector'; result: VectorSample[] }
  | { resultType: 'matrix'; result: MatrixSeries[] }
  | { resultType: 'scalar'; result: SamplePair }
  | { resultType: 'string'; result: SamplePair };

export interface ApiSuccess<T> {
  status: 'success';
  data: T;
  warnings?: string[];
  infos?: string[];
}

export interface ApiError {
  status: 'error';
  errorType: string;
  error: string;
  warnings?: string[];
}

/** /api/v1/status/buildinfo */
export interface BuildInfo {
  version: string;
  revision?: string;
  branch?: string;
  buildDate?: string;
  goVersion?: string;
}

/** /api/v1/metadata: metric name → one entry per distinct metadata */
export type MetadataResult = Record<string, { type: string; help: string; unit: string }[]>;

/** /api/v1/alerts */
export interface AlertsResult {
  alerts: {
    labels: Labels;
    annotations: Record<string, string>;
    state: 'firing' | 'pending' | 'inactive';
    activeAt?: string;
    value: string;
  }[];
}
