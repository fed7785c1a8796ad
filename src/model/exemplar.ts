// Exemplars as panels see them: one traced observation (a trace id, its value, its real time)
// recorded on a series. Read from /api/v1/query_exemplars by prometheus/exemplars.ts.

export interface Exemplar {
  /** the series it was recorded on (for a histogram bucket: with its `le`) */
  seriesLabels: Readonly<Record<string, string>>;
  /** its own labels (`trace_id`, `span_id`, …) */
  labels: Readonly<Record<string, string>>;
  value: number;
  /** its real timestamp, seconds since the epoch (millisecond precision) */
  timeSec: number;
}

/** The exemplars of one panel target, oldest first. */
export interface ExemplarResult {
  refId: string;
  exemplars: readonly Exemplar[];
}
