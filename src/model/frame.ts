/** Label set of one Prometheus series, `__name__` included when the API returns it. */
export type Labels = Record<string, string>;

/**
 * One series of a Frame: values on the frame's time grid, NaN where the series has no sample
 * (a gap). ±Inf stay ±Inf; charts treat non-finite values as gaps.
 */
export interface FrameSeries {
  labels: Labels;
  values: Float64Array;
  /** display name set by a transformation (src/transform); absent = the legend names it */
  name?: string;
}

/**
 * Columnar result of one query: one shared time axis (seconds since epoch, on the step grid)
 * and one value column per series. The seam between Prometheus and the charts: no per-point
 * objects anywhere.
 */
export interface Frame {
  /** refId of the target that produced it ("A", "B", …) */
  refId: string;
  /** seconds since epoch, ascending, one entry per step */
  times: Float64Array;
  series: FrameSeries[];
  /**
   * the server answered off the requested step grid (another alignment): `times` are the
   * answer's own timestamps, not start + k·step
   */
  offGrid?: true;
}

/** One row of an instant-query result (vector or scalar). */
export interface InstantRow {
  labels: Labels;
  timeSec: number;
  value: number;
  /** display name set by a transformation (src/transform); absent = the legend names it */
  name?: string;
}
