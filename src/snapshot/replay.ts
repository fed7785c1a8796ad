// The viewer's "network": a fetch function that answers the Prometheus client from a snapshot's
// captured answers and never makes a request. The same request as captured gets the captured
// answer; a range inside the captured one (zoom) gets the captured samples it covers; anything
// else is told it is not in this snapshot. Pure apart from building Response objects.

import type { FetchFn } from '../prometheus/client';
import type { MatrixResult, MatrixSeries } from '../prometheus/types';
import type { CapturedAnswer } from './format';

type RangeAnswer = Extract<CapturedAnswer, { path: 'query_range' }>;
type InstantAnswer = Extract<CapturedAnswer, { path: 'query' }>;

/** The base URL the viewer's clients are given: a name, never a server. */
export function snapshotUrl(ds: string): string {
  return `snapshot://${encodeURIComponent(ds) || 'default'}`;
}

/**
 * An expression with the contents of `[…]` (range selectors, subqueries) left out: a zoomed
 * panel's `rate(x[$__rate_interval])` asks another window than the captured one, and shows the
 * captured answer instead.
 */
export function exprShape(expr: string): string {
  return expr.replace(/\[[^\]]*\]/g, '[]').replace(/\s+/g, '');
}

const fmtTime = (sec: number) => new Date(sec * 1000).toISOString().replace('.000Z', 'Z');

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

const success = (a: { data?: unknown; warnings?: string[] | undefined }, data = a.data) =>
  json(200, { status: 'success', data, ...(a.warnings ? { warnings: a.warnings } : {}) });

const failure = (error: string) => json(422, { status: 'error', errorType: '', error });

function notCaptured(what: string): Response {
  return json(404, {
    status: 'error',
    errorType: '',
    error: `Not in this snapshot: ${what} was not captured (a snapshot holds what its panels showed when it was taken)`,
  });
}

/** Reads the parameters of a GET or form-POST request. */
async function paramsOf(url: URL, init: RequestInit): Promise<URLSearchParams> {
  if (init.method !== 'POST' || init.body == null) return url.searchParams;
  if (init.body instanceof URLSearchParams) return init.body;
  return new URLSearchParams(
    typeof init.body === 'string' ? init.body : await new Response(init.body).text(),
  );
}

/**
 * The samples of a captured matrix in [startSec, endSec], plus, when the request's grid is not
 * the captured one, the nearest captured sample outside the window: then the answer is off the
 * requested grid and the frame keeps the captured timestamps (prometheus/frames.ts,
 * matrixToFrame) — a zoom shows the captured points, never invented ones.
 */
export function sliceMatrix(
  data: MatrixResult,
  startSec: number,
  endSec: number,
  keepOwnTimes: boolean,
): MatrixResult {
  const result: MatrixSeries[] = data.result.map((s) => {
    const out: MatrixSeries = { metric: s.metric };
    if (s.values) {
      const inside = s.values.filter((p) => p[0] >= startSec && p[0] <= endSec);
      if (keepOwnTimes) {
        const before = s.values.filter((p) => p[0] < startSec).at(-1);
        const after = s.values.find((p) => p[0] > endSec);
        if (before) inside.unshift(before);
        else if (after) inside.push(after);
      }
      out.values = inside;
    }
    if (s.histograms)
      out.histograms = s.histograms.filter((p) => p[0] >= startSec && p[0] <= endSec);
    return out;
  });
  return { resultType: 'matrix', result };
}

function answerRange(list: RangeAnswer[], p: URLSearchParams): Response {
  const expr = p.get('query') ?? '';
  const start = Number(p.get('start'));
  const end = Number(p.get('end'));
  const step = Number(p.get('step'));
  const exact = list.find(
    (a) => a.expr === expr && a.start === start && a.end === end && a.step === step,
  );
  if (exact) return 'error' in exact ? failure(exact.error) : success(exact);
  // a window inside a capture of the same expression (or the same shape: zoomed intervals)
  const shape = exprShape(expr);
  const covering = (a: RangeAnswer) => a.start <= end && a.end >= start;
  const candidates = [
    ...list.filter((a) => a.expr === expr && covering(a)),
    ...list.filter((a) => a.expr !== expr && exprShape(a.expr) === shape && covering(a)),
  ];
  const best = candidates.find((a) => a.step === step) ?? candidates[0];
  if (!best) return notCaptured(`"${expr}" from ${fmtTime(start)} to ${fmtTime(end)}`);
  if ('error' in best) return failure(best.error);
  const data = best.data as MatrixResult;
  if (data?.resultType !== 'matrix' || !Array.isArray(data.result)) return success(best);
  const onGrid = best.step === step && (start - best.start) % step === 0;
  return success(best, sliceMatrix(data, start, end, !onGrid));
}

function answerInstant(list: InstantAnswer[], p: URLSearchParams): Response {
  const expr = p.get('query') ?? '';
  const time = Number(p.get('time'));
  // the captured instant (stat, gauge, table panels show the values at the capture's end)
  const shape = exprShape(expr);
  const best =
    list.find((a) => a.expr === expr && a.time === time) ??
    list.find((a) => a.expr === expr) ??
    list.find((a) => exprShape(a.expr) === shape);
  if (!best) return notCaptured(`"${expr}" at ${fmtTime(time)}`);
  return 'error' in best ? failure(best.error) : success(best);
}

type ExemplarAnswer = Extract<CapturedAnswer, { path: 'query_exemplars' }>;

/** The captured exemplars of the expression, those inside the asked window (a zoom). */
function answerExemplars(list: ExemplarAnswer[], p: URLSearchParams): Response {
  const expr = p.get('query') ?? '';
  const start = Number(p.get('start'));
  const end = Number(p.get('end'));
  const shape = exprShape(expr);
  const covering = (a: ExemplarAnswer) => a.start <= end && a.end >= start;
  const best =
    list.find((a) => a.expr === expr && a.start === start && a.end === end) ??
    list.find((a) => a.expr === expr && covering(a)) ??
    list.find((a) => exprShape(a.expr) === shape && covering(a));
  if (!best) return notCaptured(`the exemplars of "${expr}"`);
  if ('error' in best) return failure(best.error);
  if (!Array.isArray(best.data)) return success(best);
  const inside = (
    best.data as { seriesLabels: unknown; exemplars?: { timestamp: number }[] }[]
  ).map((s) => ({
    ...s,
    exemplars: (s.exemplars ?? []).filter((e) => e.timestamp >= start && e.timestamp <= end),
  }));
  return success(best, inside);
}

/** A FetchFn serving one datasource's captured answers. */
export function replayFetch(answers: readonly CapturedAnswer[], ds: string): FetchFn {
  const mine = answers.filter((a) => a.ds === ds);
  const ranges = mine.filter((a): a is RangeAnswer => a.path === 'query_range');
  const instants = mine.filter((a): a is InstantAnswer => a.path === 'query');
  const alerts = mine.find((a) => a.path === 'alerts');
  const exemplars = mine.filter((a): a is ExemplarAnswer => a.path === 'query_exemplars');
  return async (input, init) => {
    const url = new URL(input);
    const path = url.pathname.replace(/^.*(\/api\/v1\/)/, '$1');
    const params = await paramsOf(url, init);
    if (path === '/api/v1/query_range') return answerRange(ranges, params);
    if (path === '/api/v1/query') return answerInstant(instants, params);
    if (path === '/api/v1/query_exemplars') return answerExemplars(exemplars, params);
    if (path === '/api/v1/alerts') {
      if (!alerts) return notCaptured('the alert list');
      return 'error' in alerts ? failure(alerts.error) : success(alerts);
    }
    return notCaptured(path);
  };
}
