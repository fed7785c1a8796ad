/**
 * Grafana's field reducers (legend `calcs`, stat `reduceOptions.calcs`) over one series column,
 * where NaN marks a missing sample (Grafana's null with the default "ignore nulls").
 *
 * Results are numbers: booleans (allIsZero, allIsNull) are 1/0. Value reducers return NaN when the
 * series has no samples; count-like reducers (count, countAll, sum, changeCount, distinctCount)
 * return 0, as Grafana does. Differences from Grafana, on purpose:
 * - `delta` counts a counter reset as the new value (like Prometheus' increase()); Grafana ≤ 10
 *   agrees for isolated resets, Grafana 11 drops the first increase after a reset.
 * - `variance`/`stdDev` of no samples is NaN (Grafana: 0).
 */

const BASE_IDS = [
  'lastNotNull',
  'last',
  'firstNotNull',
  'first',
  'min',
  'max',
  'mean',
  'median',
  'variance',
  'stdDev',
  'sum',
  'count',
  'countAll',
  'range',
  'delta',
  'step',
  'diff',
  'diffperc',
  'logmin',
  'allIsZero',
  'allIsNull',
  'changeCount',
  'distinctCount',
] as const;

/** Reducer ids without the percentiles. */
export type BaseReducerId = (typeof BASE_IDS)[number];
/** Percentile reducers p1 … p99. */
export type PercentileReducerId = `p${number}`;
/** Any Grafana reducer id Scry computes. */
export type ReducerId = BaseReducerId | PercentileReducerId;

/** A reducer for pickers: id, short label and one-line description (Grafana's wording). */
export interface ReducerOption {
  id: ReducerId;
  label: string;
  description: string;
}

const BASE_SET: ReadonlySet<string> = new Set(BASE_IDS);
const PERCENTILE = /^p([1-9]|[1-9][0-9])$/;

/** True for a Grafana reducer id Scry computes (aliases such as "avg" are not ids; see normalizeReducerId). */
export function isReducerId(id: unknown): id is ReducerId {
  return typeof id === 'string' && (BASE_SET.has(id) || PERCENTILE.test(id));
}

const ALIASES: Record<string, ReducerId> = {
  current: 'lastNotNull',
  avg: 'mean',
  total: 'sum',
};

/** The reducer id for an id or a Grafana alias (current, avg, total); undefined if unknown. */
export function normalizeReducerId(id: string): ReducerId | undefined {
  if (isReducerId(id)) return id;
  return ALIASES[id];
}

const ordinal = (n: number): string =>
  n > 3 && n < 21 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';

/** Reducers in Grafana's picker order, percentiles last. */
export const reducerOptions: readonly ReducerOption[] = [
  { id: 'lastNotNull', label: 'Last *', description: 'Last non-null value (also excludes NaNs)' },
  { id: 'last', label: 'Last', description: 'Last value' },
  {
    id: 'firstNotNull',
    label: 'First *',
    description: 'First non-null value (also excludes NaNs)',
  },
  { id: 'first', label: 'First', description: 'First Value' },
  { id: 'min', label: 'Min', description: 'Minimum Value' },
  { id: 'max', label: 'Max', description: 'Maximum Value' },
  { id: 'mean', label: 'Mean', description: 'Average Value' },
  { id: 'median', label: 'Median', description: 'Median Value' },
  { id: 'variance', label: 'Variance', description: 'Variance of all values in a field' },
  { id: 'stdDev', label: 'StdDev', description: 'Standard deviation of all values in a field' },
  { id: 'sum', label: 'Total', description: 'The sum of all values' },
  { id: 'count', label: 'Count', description: 'Number of values in response' },
  { id: 'countAll', label: 'Count all', description: 'Number of values (including empty)' },
  { id: 'range', label: 'Range', description: 'Difference between minimum and maximum values' },
  { id: 'delta', label: 'Delta', description: 'Cumulative change in value' },
  { id: 'step', label: 'Step', description: 'Minimum interval between values' },
  { id: 'diff', label: 'Difference', description: 'Difference between first and last values' },
  {
    id: 'diffperc',
    label: 'Difference percent',
    description: 'Percentage difference between first and last values',
  },
  { id: 'logmin', label: 'Min (above zero)', description: 'Used for log min scale' },
  { id: 'allIsZero', label: 'All Zeros', description: 'All values are zero' },
  { id: 'allIsNull', label: 'All Nulls', description: 'All values are null' },
  { id: 'changeCount', label: 'Change Count', description: 'Number of times the value changes' },
  { id: 'distinctCount', label: 'Distinct Count', description: 'Number of distinct values' },
  ...Array.from({ length: 99 }, (_, i): ReducerOption => {
    const p = i + 1;
    return {
      id: `p${p}`,
      label: `${p}${ordinal(p)} %`,
      description: `${p}${ordinal(p)} percentile value`,
    };
  }),
];

/** The samples that are present (not NaN), in order. */
function present(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) out.push(v);
  }
  return out;
}

function firstPresent(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) return v;
  }
  return NaN;
}

function lastPresent(values: ArrayLike<number>): number {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) return v;
  }
  return NaN;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function min(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return xs.length ? m : NaN;
}

function max(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return xs.length ? m : NaN;
}

/** Population variance (Welford), as Grafana's calculateStdDev. */
function variance(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  let mean = 0;
  let sq = 0;
  let n = 0;
  for (const x of xs) {
    n++;
    const old = mean;
    mean += (x - old) / n;
    sq += (x - old) * (x - mean);
  }
  return sq / n;
}

function sortedCopy(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = sortedCopy(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 0
    ? ((s[mid - 1] as number) + (s[mid] as number)) / 2
    : (s[mid] as number);
}

/** Grafana's nearest-rank percentile: sorted[round((n − 1) × p)]. */
function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = sortedCopy(xs);
  return s[Math.round((s.length - 1) * p)] as number;
}

/** Sum of increases; a decrease is a counter reset that contributes the new value. */
function delta(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  let d = 0;
  for (let i = 1; i < xs.length; i++) {
    const prev = xs[i - 1] as number;
    const cur = xs[i] as number;
    d += cur >= prev ? cur - prev : cur;
  }
  return d;
}

function step(xs: readonly number[]): number {
  let m = Infinity;
  for (let i = 1; i < xs.length; i++) m = Math.min(m, (xs[i] as number) - (xs[i - 1] as number));
  return m === Infinity ? NaN : m;
}

function changeCount(xs: readonly number[]): number {
  let c = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] !== xs[i - 1]) c++;
  return c;
}

function logmin(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x > 0 && x < m) m = x;
  return m === Infinity ? NaN : m;
}

/**
 * Reduces a series column (NaN = missing sample) with a Grafana reducer id or alias. Unknown ids
 * give NaN.
 */
export function reduce(values: ArrayLike<number>, id: string): number {
  const rid = normalizeReducerId(id);
  if (rid === undefined) return NaN;
  switch (rid) {
    case 'last':
      return values.length ? (values[values.length - 1] as number) : NaN;
    case 'first':
      return values.length ? (values[0] as number) : NaN;
    case 'lastNotNull':
      return lastPresent(values);
    case 'firstNotNull':
      return firstPresent(values);
    case 'countAll':
      return values.length;
    default:
      break;
  }
  const xs = present(values);
  switch (rid) {
    case 'min':
      return min(xs);
    case 'max':
      return max(xs);
    case 'mean':
      return xs.length ? sum(xs) / xs.length : NaN;
    case 'median':
      return median(xs);
    case 'variance':
      return variance(xs);
    case 'stdDev':
      return Math.sqrt(variance(xs));
    case 'sum':
      return sum(xs);
    case 'count':
      return xs.length;
    case 'range':
      return max(xs) - min(xs);
    case 'delta':
      return delta(xs);
    case 'step':
      return step(xs);
    case 'diff':
      return xs.length ? (xs[xs.length - 1] as number) - (xs[0] as number) : NaN;
    case 'diffperc': {
      if (!xs.length) return NaN;
      const first = xs[0] as number;
      return (((xs[xs.length - 1] as number) - first) / first) * 100;
    }
    case 'logmin':
      return logmin(xs);
    case 'allIsZero':
      return xs.length > 0 && xs.every((x) => x === 0) ? 1 : 0;
    case 'allIsNull':
      return xs.length === 0 ? 1 : 0;
    case 'changeCount':
      return changeCount(xs);
    case 'distinctCount':
      return new Set(xs).size;
    default: {
      const m = PERCENTILE.exec(rid);
      return m ? percentile(xs, Number(m[1]) / 100) : NaN;
    }
  }
}

/** Several reducers over one column, keyed by the ids as given. */
export function reduceAll(
  values: ArrayLike<number>,
  ids: readonly string[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of ids) out[id] = reduce(values, id);
  return out;
}
