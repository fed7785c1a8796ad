// Compare to the past on the panel side: each series of the present matched with the same series
// of the past answer (same target, same name) and put on the present's time grid.
import { alignPast } from '../../charts/compareMath';

interface Keyed {
  key: string;
  values: Float64Array;
}

/**
 * `series` with `past`: the values of the past series of the same key, `offsetSec` earlier, on
 * `times` (NaN where the past has no sample). A series the past does not have gets no `past`.
 */
export function attachPast<S extends Keyed>(
  series: readonly S[],
  times: Float64Array,
  past: { times: Float64Array; series: readonly Keyed[] } | undefined,
  offsetSec: number,
): (S & { past?: Float64Array })[] {
  if (!past) return [...series];
  const byKey = new Map(past.series.map((s) => [s.key, s.values]));
  return series.map((s) => {
    const values = byKey.get(s.key);
    return values ? { ...s, past: alignPast(times, past.times, values, offsetSec) } : s;
  });
}
