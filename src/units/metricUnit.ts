// A unit from a Prometheus metric name (naming conventions) or its metadata's `unit`. Pure.

const UNIT_WORDS: Record<string, string> = {
  seconds: 's',
  milliseconds: 'ms',
  bytes: 'bytes',
  ratio: 'percentunit',
  percent: 'percent',
  celsius: 'celsius',
  volts: 'volt',
  watts: 'watt',
  joules: 'joule',
  hertz: 'hertz',
};

/** Rates of these units get a per-second unit instead. */
const RATE_UNITS: Record<string, string> = {
  bytes: 'binBps',
  seconds: 's',
  milliseconds: 'ms',
  joules: 'watt',
};

/**
 * Unit guess from a metric name (Prometheus naming conventions) or the metadata's `unit`:
 * `_seconds` → `s`, `_bytes` → `bytes`, `_ratio` → `percentunit`; `rated` says the value is
 * plotted as a per-second rate (`_bytes_total` → `binBps`, `_seconds_total` → `s`).
 */
export function guessUnit(
  name: string,
  opts: { rated?: boolean; unit?: string | undefined } = {},
): string | undefined {
  let n = name.replace(/_(bucket|sum|count|total|created|gsum|gcount)$/, '');
  // `_seconds_total` → `_seconds`; `_bytes_sum` → `_bytes`
  n = n.replace(/_total$/, '');
  const word = (opts.unit && opts.unit.toLowerCase()) || n.split('_').pop() || '';
  if (opts.rated && RATE_UNITS[word]) return RATE_UNITS[word];
  if (opts.rated && name.endsWith('_total')) {
    return UNIT_WORDS[word] ? RATE_UNITS[word] : 'ops';
  }
  return UNIT_WORDS[word];
}

/** The metadata `unit` of a metric family (`http_request_duration_seconds`), when known. */
export type MetricUnitLookup = (family: string) => string | undefined;

// string literals (their text is not a metric name) and `_bucket` series names outside them;
// a `$` or `.` before the name makes it a template variable or a label/value, not a metric
const STRING = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g;
const BUCKET = /(?<![\w:$.])([a-zA-Z_:][\w:]*)_bucket\b/g;
// label matchers `{…}` and label lists `by (…)`, `on (…)`: label names, not metrics
const LABELS = /\{[^{}]*\}|\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)/g;

/**
 * The `_bucket` metric families a PromQL expression reads (`rate(x_seconds_bucket[5m])` →
 * `x_seconds`), in order of appearance, each once.
 */
export function bucketFamilies(expr: string): string[] {
  const code = expr.replace(STRING, '""').replace(LABELS, ' ');
  const found = new Set<string>();
  for (const m of code.matchAll(BUCKET)) found.add(m[1]!);
  return [...found];
}

/**
 * The unit of the histogram buckets some expressions read: seconds for `…_seconds_bucket`,
 * bytes for `…_bytes_bucket`, or what the metadata's `unit` says for the family. Undefined when
 * they read no buckets, a bucket of unknown unit, or buckets of different units.
 */
export function bucketUnit(
  exprs: readonly string[],
  metadataUnit?: MetricUnitLookup,
): string | undefined {
  const units = new Set<string | undefined>();
  for (const family of exprs.flatMap(bucketFamilies)) {
    units.add(guessUnit(family, { unit: metadataUnit?.(family) }));
  }
  if (units.size !== 1) return undefined;
  return [...units][0];
}
