// The "is it a cat?" service's behaviour as pure functions of time: the live service
// (cat-service.mjs) draws its traffic, latency and errors from them, and the demo's backfill
// (history.mjs) writes their expected values for the last 24 h, so history and live data tell the
// same story:
//
// - a daily pattern: traffic peaks at 14:00 UTC (1.6 × the mean) and is lowest at 02:00 (0.4 ×);
//   latency rises a little with load;
// - a deploy every day at 09:00 UTC ("v2", a slow code path) that sends 8 % of classifications
//   down an 8 × slower path for an hour: p99 jumps, p50 and the average hardly move;
// - a 5xx burst at 17:20–17:40 UTC: 30 % of classifications fail (2 % otherwise), which fires
//   the CatServiceErrors alert;
// - the picture store fills with every classified picture and is cleaned at 00:00 UTC: the
//   CatStoreFullSoon alert (predict_linear) warns in the evening, before it would fill up.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Requests per second at the daily mean. */
export const BASE_RPS = 20;
/** Share of the traffic per path (method, status when it never fails). */
export const PATHS = [
  { path: '/classify', method: 'POST', share: 0.8 },
  { path: '/healthz', method: 'GET', share: 0.17 },
  { path: 'other', method: 'GET', share: 0.03, status: '404' },
];
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** Picture sizes are uniform in [min, max) bytes. */
export const PICTURE = { min: 20_000, max: 420_000 };
/** Share of successful classifications that are cats. */
export const CAT_SHARE = 0.6;
/** The picture store: what stays after the midnight clean-up, and its size. */
export const STORE = { baseBytes: 40e9, capacityBytes: 360e9 };

export const DEPLOY = { startHour: 9, hours: 1, slowShare: 0.08, slowFactor: 8 };
export const BURST = { startHour: 17 + 20 / 60, hours: 20 / 60, errorRatio: 0.3 };
export const NORMAL_ERROR_RATIO = 0.02;

const PEAK_HOUR = 14;
const AMPLITUDE = 0.6;
const OMEGA = (2 * Math.PI) / DAY_MS;
const PHASE_MS = (PEAK_HOUR - 6) * HOUR_MS; // sin(ω(t − phase)) peaks at PEAK_HOUR

/** Hours since 00:00 UTC of t's day, in [0, 24). */
export function hourOfDay(tMs) {
  return (((tMs % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
}

function within(tMs, { startHour, hours }) {
  const h = hourOfDay(tMs);
  return h >= startHour && h < startHour + hours;
}

/** Total requests per second at t (all paths). */
export function requestRate(tMs) {
  return BASE_RPS * (1 + AMPLITUDE * Math.sin(OMEGA * (tMs - PHASE_MS)));
}

/** ∫ requestRate over [aMs, bMs], in requests (closed form). */
export function requestsBetween(aMs, bMs) {
  const cos = (t) => Math.cos(OMEGA * (t - PHASE_MS));
  return (BASE_RPS * (bMs - aMs - (AMPLITUDE / OMEGA) * (cos(bMs) - cos(aMs)))) / 1000;
}

/** Share of /classify requests answered 500 at t. */
export function errorRatio(tMs) {
  return within(tMs, BURST) ? BURST.errorRatio : NORMAL_ERROR_RATIO;
}

/**
 * /classify latency at t: a log-normal around a median that grows with load, mixed with a slow
 * share `slowFactor` times slower (the deploy's slow path; otherwise a small share 3 × slower).
 */
export function latencyModel(tMs) {
  const load = requestRate(tMs) / BASE_RPS;
  const median = 0.04 * (0.8 + 0.2 * load);
  const deploy = within(tMs, DEPLOY);
  return {
    median,
    sigma: 0.6,
    slowShare: deploy ? DEPLOY.slowShare : 0.01,
    slowFactor: deploy ? DEPLOY.slowFactor : 3,
  };
}

/** Latencies (seconds) of the other paths: fixed, fast. */
export const FAST_LATENCY = { median: 0.002, sigma: 0.4, slowShare: 0, slowFactor: 1 };

function normalCdf(x) {
  // Abramowitz–Stegun 7.1.26 on erf; |error| < 1.5e-7
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-z * z);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** P(latency ≤ seconds) under a latency model. */
export function latencyCdf(m, seconds) {
  const ln = (median) => normalCdf((Math.log(seconds) - Math.log(median)) / m.sigma);
  return (1 - m.slowShare) * ln(m.median) + m.slowShare * ln(m.median * m.slowFactor);
}

/** Mean latency (seconds) under a latency model. */
export function latencyMean(m) {
  const spread = Math.exp((m.sigma * m.sigma) / 2);
  return m.median * spread * (1 - m.slowShare + m.slowShare * m.slowFactor);
}

/** One latency draw (seconds) from a model, given uniform randoms u, v, w in (0, 1). */
export function sampleLatency(m, u, v, w) {
  const normal = Math.sqrt(-2 * Math.log(u || 1e-9)) * Math.cos(2 * Math.PI * v);
  const median = w < m.slowShare ? m.median * m.slowFactor : m.median;
  return Math.min(10, median * Math.exp(m.sigma * normal));
}

/** Bytes in the picture store at t: cleaned at 00:00 UTC, then every classified picture stays. */
export function storeBytes(tMs) {
  const midnight = tMs - hourOfDay(tMs) * HOUR_MS;
  const classify = PATHS[0].share;
  const meanSize = (PICTURE.min + PICTURE.max) / 2;
  return STORE.baseBytes + requestsBetween(midnight, tMs) * classify * meanSize;
}
