// Before a query runs from Explore or the panel editor: how many series would it touch? One cheap
// instant query counts the series of every selector in it at the range's end (issue 16, "the cost
// of every panel": warn before a costly query, with the estimate, and let the user go on).
import { parser } from '@prometheus-io/lezer-promql';
import type { PrometheusClient } from './client';

/** The probe gives up after this long: a slow count never holds a query back for more. */
export const PROBE_TIMEOUT_MS = 3000;

/** The distinct vector selectors of `expr` as written (`x{a="b"}`, also inside `x[5m]`); [] when it does not parse. */
export function selectorsOf(expr: string): string[] {
  const text = expr.trim();
  if (!text) return [];
  const tree = parser.parse(text);
  let bad = false;
  const out = new Set<string>();
  tree.iterate({
    enter: (n) => {
      if (n.type.isError) bad = true;
      if (n.name === 'VectorSelector') {
        out.add(text.slice(n.from, n.to));
        return false;
      }
      return undefined;
    },
  });
  return bad ? [] : [...out];
}

/**
 * One instant query counting the series of every selector (each counted alone, then added: a
 * selector with no series adds 0). null when there is nothing to count.
 */
export function probeExpr(selectors: readonly string[]): string | null {
  if (selectors.length === 0) return null;
  return selectors.map((s) => `(count(${s}) or vector(0))`).join(' + ');
}

/** Grafana's interval built-ins, as a duration the grammar accepts (only the selectors count). */
const BUILTIN_DURATION = /\$\{?__(?:rate_interval|interval|range)(?:_ms|_s)?\}?/g;

/** A panel query ready to probe: built-in intervals become a duration. */
export function probeText(expr: string): string {
  return expr.replace(BUILTIN_DURATION, '5m');
}

/**
 * The number of series `expr` (or several queries: their distinct selectors) touches at `atSec` (each selector's series present then, added up),
 * or undefined when it cannot be told (no selector, a probe error or timeout: the query then runs
 * unwarned).
 */
export async function probeSeries(
  client: Pick<PrometheusClient, 'query'>,
  expr: string | readonly string[],
  atSec: number,
  signal?: AbortSignal,
): Promise<number | undefined> {
  const exprs = typeof expr === 'string' ? [expr] : expr;
  const probe = probeExpr([...new Set(exprs.flatMap(selectorsOf))]);
  if (probe === null) return undefined;
  const timeout = AbortSignal.timeout(PROBE_TIMEOUT_MS);
  try {
    const a = await client.query(
      { expr: probe, timeSec: atSec },
      { signal: signal ? AbortSignal.any([signal, timeout]) : timeout },
    );
    if (a.data.resultType !== 'vector') return undefined;
    const v = Number(a.data.result[0]?.value?.[1]);
    return Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The warning shown before running, or null below the limit (0 = never warn). */
export function seriesWarning(count: number | undefined, limit: number): string | null {
  if (count === undefined || limit <= 0 || count <= limit) return null;
  return `This query touches about ${count.toLocaleString('en')} series (counted at the end of the range), above the warning limit of ${limit.toLocaleString('en')} (Settings). It may be slow, and heavy for Prometheus: narrow it with label matchers first.`;
}
