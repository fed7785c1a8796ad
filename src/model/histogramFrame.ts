import type { Labels } from './frame';

/**
 * One bucket of a native histogram. `rule` is its boundary rule as Prometheus states it:
 * 0 = (lower, upper], 1 = [lower, upper), 2 = (lower, upper), 3 = [lower, upper].
 */
export interface NativeBucket {
  rule: 0 | 1 | 2 | 3;
  lower: number;
  upper: number;
  count: number;
}

/** One native-histogram sample: its count, sum and non-empty buckets. */
export interface NativeHistogram {
  count: number;
  sum: number;
  buckets: NativeBucket[];
}

/** One series of a HistogramFrame: a histogram per entry of the frame's times, or none. */
export interface HistogramSeries {
  labels: Labels;
  /** same length as the frame's `times`; undefined where the series has no sample */
  histograms: (NativeHistogram | undefined)[];
}

/**
 * The native histograms of one query, as a Frame holds float samples: one shared time axis
 * (seconds since epoch, ascending: every timestamp a histogram was answered at) and one column
 * per series. Frames carry only float samples; this is the shape panels see for the rest.
 */
export interface HistogramFrame {
  /** refId of the target that produced it */
  refId: string;
  times: Float64Array;
  series: HistogramSeries[];
}
