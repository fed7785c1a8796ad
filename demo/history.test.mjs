import { describe, expect, it } from 'vitest';
import { historyLines } from './history.mjs';
import { historyPieces } from './backfill.mjs';
import { DAY_MS, HOUR_MS, LATENCY_BUCKETS, STORE, storeBytes } from './model.mjs';

const DAY = Date.UTC(2026, 0, 10);
const STEP = 10_000;
const LABELS = { job: 'cat-service', instance: 'cat-service' };

/** series text → [[tMs, value]] in time order */
function parse(lines) {
  const out = new Map();
  for (const line of lines) {
    if (line.startsWith('#')) continue;
    const m = /^(\S+\{[^}]*\}) (\S+) (\S+)$/.exec(line);
    if (!m) throw new Error(`bad line: ${line}`);
    const s = out.get(m[1]) ?? [];
    s.push([Math.round(Number(m[3]) * 1000), Number(m[2])]);
    out.set(m[1], s);
  }
  return out;
}

const day = parse(
  historyLines({ fromMs: DAY, toMs: DAY + DAY_MS - STEP, stepMs: STEP, labels: LABELS }),
);
const key = (name, extra) =>
  `${name}{job="cat-service",instance="cat-service"${extra ? ',' + extra : ''}}`;
const index = new WeakMap();
/** the sample of a series at tMs */
function at(series, tMs) {
  if (!index.has(series)) index.set(series, new Map(series));
  return index.get(series).get(tMs);
}
const bucket = (le) =>
  day.get(key('http_request_duration_seconds_bucket', `method="POST",path="/classify",le="${le}"`));

/** histogram_quantile over the bucket increases between a and b (linear in the bucket). */
function quantile(q, aMs, bMs) {
  const les = [...LATENCY_BUCKETS, '+Inf'];
  const inc = les.map((le) => at(bucket(le), bMs) - at(bucket(le), aMs));
  const rank = q * inc.at(-1);
  const i = inc.findIndex((c) => c >= rank);
  const lower = i === 0 ? 0 : LATENCY_BUCKETS[i - 1];
  const below = i === 0 ? 0 : inc[i - 1];
  return lower + (LATENCY_BUCKETS[i] - lower) * ((rank - below) / (inc[i] - below));
}
const H = (h) => DAY + h * HOUR_MS;

describe('the demo history', { timeout: 30_000 }, () => {
  it('has counters that never go down and cumulative buckets that grow with le', () => {
    const decreasing = [];
    for (const [name, samples] of day)
      if (/_total|_bucket|_count|_sum/.test(name))
        for (let k = 1; k < samples.length; k++)
          if (samples[k][1] < samples[k - 1][1]) decreasing.push(`${name} at ${samples[k][0]}`);
    expect(decreasing).toEqual([]);
    const les = [...LATENCY_BUCKETS, '+Inf'];
    for (const t of [H(3), H(9.5), H(20)])
      for (let i = 1; i < les.length; i++)
        expect(at(bucket(les[i]), t)).toBeGreaterThanOrEqual(at(bucket(les[i - 1]), t));
    const count = day.get(
      key('http_request_duration_seconds_count', 'method="POST",path="/classify"'),
    );
    expect(at(bucket('+Inf'), H(12))).toBe(at(count, H(12)));
  });

  it('tells the story: daily wave, the 09:00 deploy raises p99 not p50, the 17:20 burst of 500s', () => {
    const ok = day.get(key('http_requests_total', 'method="POST",path="/classify",status="200"'));
    const failed = day.get(
      key('http_requests_total', 'method="POST",path="/classify",status="500"'),
    );
    const perHour = (s, h) => (at(s, H(h + 1)) - at(s, H(h))) / 3600;
    expect(perHour(ok, 13.5)).toBeGreaterThan(3 * perHour(ok, 1.5));
    const p99Before = quantile(0.99, H(8), H(9));
    const p99Deploy = quantile(0.99, H(9), H(10));
    expect(p99Deploy).toBeGreaterThan(3 * p99Before);
    expect(quantile(0.5, H(9), H(10))).toBeLessThan(1.3 * quantile(0.5, H(8), H(9)));
    const ratio = (a, b) => {
      const f = at(failed, b) - at(failed, a);
      return f / (f + at(ok, b) - at(ok, a));
    };
    expect(ratio(H(17 + 25 / 60), H(17 + 35 / 60))).toBeGreaterThan(0.2);
    expect(ratio(H(15), H(16))).toBeLessThan(0.05);
  });

  it('writes the picture store from the closed form, the capacity flat', () => {
    const store = day.get(key('cat_picture_store_bytes'));
    for (const h of [0, 6, 19.5]) expect(at(store, H(h))).toBe(Math.round(storeBytes(H(h))));
    expect(new Set(day.get(key('cat_picture_store_capacity_bytes')).map(([, v]) => v))).toEqual(
      new Set([STORE.capacityBytes]),
    );
  });

  it('pieces cover the last 24 h on the step grid and continue the day’s counters', () => {
    const now = H(13) + 4321;
    const pieces = historyPieces(now, STEP);
    expect(pieces[0].fromMs).toBeLessThanOrEqual(now - DAY_MS);
    expect(pieces.at(-1)).toMatchObject({ done: false, toMs: H(13) });
    for (let i = 1; i < pieces.length; i++)
      expect(pieces[i].fromMs).toBe(pieces[i - 1].toMs + STEP);
    expect(pieces.every((p) => p.originMs === Math.floor(p.fromMs / DAY_MS) * DAY_MS)).toBe(true);
    // a piece made on its own holds the same samples as the whole day made at once
    const piece = pieces.find((p) => p.fromMs === H(10));
    const alone = parse(historyLines({ ...piece, stepMs: STEP, labels: LABELS }));
    const differ = [];
    for (const [name, samples] of alone) {
      expect(samples[0][0]).toBe(H(10));
      for (const [t, v] of samples) if (v !== at(day.get(name), t)) differ.push(`${name} at ${t}`);
    }
    expect(alone.size).toBe(day.size);
    expect(differ).toEqual([]);
  });
});
