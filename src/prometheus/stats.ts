// Query statistics: Prometheus answers `stats=all` with what a query cost it (samples loaded,
// peak samples held, time spent). Scry shows them per panel and per dashboard (the cost view).

/** What one query cost the server, as Prometheus reports it (absent fields: not reported). */
export interface QueryStats {
  /** samples loaded from storage, summed over every step (`totalQueryableSamples`) */
  samples?: number;
  /** the most samples held in memory at once (`peakSamples`) */
  peakSamples?: number;
  /** seconds the server spent on the query (`execTotalTime`, else `evalTotalTime`) */
  serverSec?: number;
}

const num = (x: unknown): number | undefined =>
  typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : undefined;
const obj = (x: unknown): Record<string, unknown> | undefined =>
  typeof x === 'object' && x !== null && !Array.isArray(x)
    ? (x as Record<string, unknown>)
    : undefined;

/** The `stats` member of an answer; undefined when absent or holding nothing Scry reads. */
export function parseQueryStats(raw: unknown): QueryStats | undefined {
  const s = obj(raw);
  if (!s) return undefined;
  const samples = obj(s.samples);
  const timings = obj(s.timings);
  const out: QueryStats = {};
  const total = num(samples?.totalQueryableSamples);
  const peak = num(samples?.peakSamples);
  const time = num(timings?.execTotalTime) ?? num(timings?.evalTotalTime);
  if (total !== undefined) out.samples = total;
  if (peak !== undefined) out.peakSamples = peak;
  if (time !== undefined) out.serverSec = time;
  return Object.keys(out).length ? out : undefined;
}

/** What one panel target cost: the server's statistics and what travelled and was drawn. */
export interface TargetCost extends QueryStats {
  /** series in the answer */
  series: number;
  /** points in the answer (samples of every series) */
  points: number;
  /** bytes of the answer's body */
  bytes?: number;
}

/** Adds up costs (the dashboard's total per refresh). */
export function sumCosts(costs: readonly TargetCost[]): TargetCost {
  const out: TargetCost = { series: 0, points: 0 };
  const add = (k: 'samples' | 'peakSamples' | 'serverSec' | 'bytes', v: number | undefined) => {
    if (v !== undefined) out[k] = (out[k] ?? 0) + v;
  };
  for (const c of costs) {
    out.series += c.series;
    out.points += c.points;
    add('samples', c.samples);
    add('serverSec', c.serverSec);
    add('bytes', c.bytes);
    if (c.peakSamples !== undefined)
      out.peakSamples = Math.max(out.peakSamples ?? 0, c.peakSamples);
  }
  return out;
}
