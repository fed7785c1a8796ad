// The demo's backfill: the last 24 h of the "is it a cat?" service as OpenMetrics text for
// `promtool tsdb create-blocks-from openmetrics`, computed from the same model the live service
// follows (model.mjs): expected counts per step with a little deterministic noise, so the history
// looks scraped and is the same every time for the same window.
import {
  CAT_SHARE,
  FAST_LATENCY,
  LATENCY_BUCKETS,
  PATHS,
  PICTURE,
  STORE,
  errorRatio,
  latencyCdf,
  latencyMean,
  latencyModel,
  requestsBetween,
  storeBytes,
} from './model.mjs';

/** A deterministic uniform in [0, 1) for (series, step): mulberry32 of a mixed seed. */
export function noise(series, k) {
  let a = (Math.imul(series + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b)) >>> 0;
  a = (a + 0x6d2b79f5) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A multiplicative jitter around 1 with about the spread of Poisson counts of mean n. */
const jitter = (n, series, k) =>
  1 +
  Math.min(0.15, 1 / Math.sqrt(Math.max(n, 1))) *
    (noise(series, k) + noise(series + 97, k) - 1) *
    1.7;

/**
 * Yields the OpenMetrics lines of the service's metrics for samples every `stepMs` from `fromMs`
 * to `toMs` (inclusive), labelled with `labels` (e.g. { job, instance }) besides their own.
 * Counters start from zero at `originMs` (≤ fromMs, on the same step grid; default fromMs): a
 * later piece of the same day continues the earlier pieces' counters.
 */
export function* historyLines({ fromMs, toMs, stepMs, labels, originMs = fromMs }) {
  const points = Math.floor((toMs - originMs) / stepMs) + 1;
  const times = Array.from({ length: points }, (_, k) => originMs + k * stepMs);
  const first = Math.ceil((fromMs - originMs) / stepMs);
  const ts = (k) => (times[k] / 1000).toFixed(3);
  const own = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  const lbl = (extra) => `{${[own, extra].filter(Boolean).join(',')}}`;

  // requests per step and path (step 0 has none: the counters start there)
  const perPath = PATHS.map((p, i) =>
    times.map((t, k) => {
      if (k === 0) return 0;
      const n = requestsBetween(times[k - 1], t) * p.share;
      return n * jitter(n, i, k);
    }),
  );
  const classify = perPath[0];
  const failed = classify.map((n, k) => n * errorRatio(times[k]) * jitter(n / 10, 7, k));

  /** Cumulative sums of per-step increments, rounded: counters never go down. */
  const cumulative = (incs, digits = 0) => {
    let sum = 0;
    return incs.map((x) => {
      sum += x;
      return digits ? Number(sum.toFixed(digits)) : Math.round(sum);
    });
  };
  function* series(name, extra, values) {
    for (let k = first; k < points; k++) yield `${name}${lbl(extra)} ${values[k]} ${ts(k)}`;
  }

  yield '# HELP http_requests HTTP requests served, by method, path and status code.';
  yield '# TYPE http_requests counter';
  const ok = classify.map((n, k) => n - failed[k]);
  yield* series(
    'http_requests_total',
    'method="POST",path="/classify",status="200"',
    cumulative(ok),
  );
  yield* series(
    'http_requests_total',
    'method="POST",path="/classify",status="500"',
    cumulative(failed),
  );
  for (const [i, p] of PATHS.entries())
    if (i > 0)
      yield* series(
        'http_requests_total',
        `method="${p.method}",path="${p.path}",status="${p.status ?? '200'}"`,
        cumulative(perPath[i]),
      );

  yield '# HELP http_request_duration_seconds HTTP request latency in seconds, by method and path.';
  yield '# TYPE http_request_duration_seconds histogram';
  const les = [...LATENCY_BUCKETS, Infinity];
  for (const [i, p] of PATHS.entries()) {
    const models = times.map((t, k) => {
      const m = i === 0 ? latencyModel(t) : FAST_LATENCY;
      // the median wanders a little from step to step, as measured latency does
      return { ...m, median: m.median * Math.exp(0.08 * (noise(50 + i, k) - 0.5)) };
    });
    const pl = `method="${p.method}",path="${p.path}"`;
    for (const le of les) {
      const incs = perPath[i].map((n, k) => (le === Infinity ? n : n * latencyCdf(models[k], le)));
      yield* series(
        'http_request_duration_seconds_bucket',
        `${pl},le="${le === Infinity ? '+Inf' : le}"`,
        cumulative(incs),
      );
    }
    yield* series(
      'http_request_duration_seconds_sum',
      pl,
      cumulative(
        perPath[i].map((n, k) => n * latencyMean(models[k])),
        6,
      ),
    );
    yield* series('http_request_duration_seconds_count', pl, cumulative(perPath[i]));
  }

  yield '# HELP http_requests_in_progress HTTP requests being served right now, by path.';
  yield '# TYPE http_requests_in_progress gauge';
  for (const [i, p] of PATHS.entries()) {
    const mean = i === 0 ? null : latencyMean(FAST_LATENCY);
    yield* series(
      'http_requests_in_progress',
      `path="${p.path}"`,
      // Little's law: in flight = arrival rate × time in the system, drawn around that
      times.map((t, k) => {
        const rate = k === 0 ? 0 : perPath[i][k] / ((t - times[k - 1]) / 1000);
        const busy = rate * (mean ?? latencyMean(latencyModel(t)));
        return Math.max(0, Math.round(busy + 2 * Math.sqrt(busy) * (noise(60 + i, k) - 0.5)));
      }),
    );
  }

  yield '# HELP cat_classifications Pictures classified, by verdict.';
  yield '# TYPE cat_classifications counter';
  for (const [verdict, share] of [
    ['cat', CAT_SHARE],
    ['not_cat', 1 - CAT_SHARE],
  ])
    yield* series(
      'cat_classifications_total',
      `verdict="${verdict}"`,
      cumulative(ok.map((n, k) => n * share * (1 + 0.1 * (noise(70, k) - 0.5)))),
    );

  yield '# HELP cat_picture_size_bytes Size of the pictures received.';
  yield '# TYPE cat_picture_size_bytes summary';
  const span = PICTURE.max - PICTURE.min;
  for (const q of [0.5, 0.9, 0.99])
    yield* series(
      'cat_picture_size_bytes',
      `quantile="${q}"`,
      times.map((_, k) => Math.round(PICTURE.min + span * q + span * 0.04 * (noise(80, k) - 0.5))),
    );
  yield* series(
    'cat_picture_size_bytes_sum',
    '',
    cumulative(classify.map((n) => n * (PICTURE.min + span / 2))),
  );
  yield* series('cat_picture_size_bytes_count', '', cumulative(classify));

  yield '# HELP cat_picture_store_bytes Bytes in the picture store (cleaned at 00:00 UTC).';
  yield '# TYPE cat_picture_store_bytes gauge';
  yield* series(
    'cat_picture_store_bytes',
    '',
    times.map((t) => Math.round(storeBytes(t))),
  );
  yield '# HELP cat_picture_store_capacity_bytes Size of the picture store.';
  yield '# TYPE cat_picture_store_capacity_bytes gauge';
  yield* series(
    'cat_picture_store_capacity_bytes',
    '',
    times.map(() => STORE.capacityBytes),
  );
  yield '# EOF';
}
