// Deterministic bench dataset: 200 gauge series × 1 441 samples (6 h at 15 s), float values
// with several significant digits (the worst case for parsing), written as OpenMetrics.
export const BENCH = {
  series: 200,
  stepSec: 15,
  startSec: Date.UTC(2026, 0, 2, 0, 0, 0) / 1000,
  points: 1441,
  get endSec() {
    return this.startSec + (this.points - 1) * this.stepSec;
  },
};

/** Value of series `i` at sample `k`: smooth, distinct per series, exactly reproducible. */
export function benchValue(i, k) {
  return (
    Math.round(
      (100 + i * 3 + 40 * Math.sin((k + i * 7) / 60) + ((k * 7919 + i * 104729) % 1000) / 100) *
        1e4,
    ) / 1e4
  );
}

/** Heatmap workload: 40 cumulative buckets (le) of one histogram, 1 441 samples. */
export const BUCKETS = Array.from(
  { length: 39 },
  (_v, j) => Math.round(0.001 * Math.pow(1.35, j) * 1e6) / 1e6,
);

export function* openMetricsLines() {
  yield '# HELP bench_value A float gauge per idx for benchmarks.';
  yield '# TYPE bench_value gauge';
  for (let i = 0; i < BENCH.series; i++) {
    for (let k = 0; k < BENCH.points; k++) {
      yield `bench_value{idx="${i}"} ${benchValue(i, k)} ${BENCH.startSec + k * BENCH.stepSec}`;
    }
  }
  yield '# HELP bench_latency_seconds Request latency for the heatmap benchmark.';
  yield '# TYPE bench_latency_seconds histogram';
  const les = [...BUCKETS.map(String), '+Inf'];
  for (let j = 0; j < les.length; j++) {
    for (let k = 0; k < BENCH.points; k++) {
      // cumulative counts: each bucket holds a smooth, time-varying share of 10 obs/s
      let cum = 0;
      for (let b = 0; b <= j; b++)
        cum += Math.round(10 * k * BENCH.stepSec * share(b, k) * 100) / 100;
      yield `bench_latency_seconds_bucket{le="${les[j]}"} ${cum.toFixed(2)} ${BENCH.startSec + k * BENCH.stepSec}`;
    }
  }
  yield '# EOF';
}

function share(b, k) {
  const centre = 18 + 6 * Math.sin(k / 200);
  const w = Math.exp(-((b - centre) ** 2) / 30);
  return w / 11;
}
