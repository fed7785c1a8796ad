// /api/v1/query_exemplars: the exemplars of the series a PromQL expression selects over a time
// range. The answer's `data` is a list of `{seriesLabels, exemplars: [{labels, value, timestamp}]}`
// (value a string, timestamp float seconds); read here into model Exemplars, checked deep
// enough that reading it cannot throw.
import type { Exemplar } from '../model/exemplar';
import type { PrometheusClient, RequestOptions } from './client';
import { badAnswer } from './errors';

/** What one exemplar request asks: an expression over [start, end] (seconds). */
export interface ExemplarRequest {
  expr: string;
  startSec: number;
  endSec: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function labelSet(v: unknown, where: string): Record<string, string> {
  if (!isObject(v)) throw badAnswer(`${where} is not a set of labels`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'string') throw badAnswer(`${where}: label "${k}" is not a text`);
    out[k] = x;
  }
  return out;
}

/** Reads a query_exemplars answer's `data` into exemplars, oldest first. */
export function parseExemplars(data: unknown): Exemplar[] {
  // Prometheus answers `null` (not []) when nothing matched
  if (data === null) return [];
  if (!Array.isArray(data)) throw badAnswer('exemplars: "data" is not a list of series');
  const out: Exemplar[] = [];
  data.forEach((s: unknown, i) => {
    const where = `exemplar series ${i + 1}`;
    if (!isObject(s)) throw badAnswer(`${where} is not an object`);
    const seriesLabels = labelSet(s.seriesLabels, `${where}: "seriesLabels"`);
    const list = s.exemplars ?? [];
    if (!Array.isArray(list)) throw badAnswer(`${where}: "exemplars" is not a list`);
    list.forEach((e: unknown, j) => {
      const at = `exemplar ${j + 1} of series ${i + 1}`;
      if (!isObject(e)) throw badAnswer(`${at} is not an object`);
      const value = typeof e.value === 'number' ? e.value : Number(e.value);
      if (typeof e.value !== 'string' && typeof e.value !== 'number')
        throw badAnswer(`${at} has no "value"`);
      const t = typeof e.timestamp === 'string' ? Number(e.timestamp) : e.timestamp;
      if (typeof t !== 'number' || !Number.isFinite(t))
        throw badAnswer(`${at} has no numeric "timestamp"`);
      out.push({
        seriesLabels,
        labels: labelSet(e.labels ?? {}, `${at}: "labels"`),
        value,
        timeSec: t,
      });
    });
  });
  return out.sort((a, b) => a.timeSec - b.timeSec);
}

/** One exemplar request, parsed. */
export async function fetchExemplars(
  client: Pick<PrometheusClient, 'call'>,
  req: ExemplarRequest,
  opts: RequestOptions = {},
): Promise<Exemplar[]> {
  const p = new URLSearchParams({
    query: req.expr,
    start: String(req.startSec),
    end: String(req.endSec),
  });
  // Prometheus takes POST here too (a long expression)
  const a = await client.call<unknown>('/api/v1/query_exemplars', p, { ...opts, allowPost: true });
  return parseExemplars(a.data);
}
