import { useEffect, useState } from 'react';
import type { EditorClient } from '../../editor/types';
import { bucketFamilies, type MetricUnitLookup } from '../../units/metricUnit';

/**
 * The metadata `unit` of every histogram family the expressions read (`…_bucket`), for a type
 * switch to follow it (a heatmap of `latency_bucket` whose metadata says `seconds`). Fetched
 * through the editor's client (its cache); until an answer comes, the lookup knows nothing and
 * the metric's name decides.
 */
export function useMetadataUnits(
  client: EditorClient | null,
  exprs: readonly string[],
): MetricUnitLookup {
  const families = [...new Set(exprs.flatMap(bucketFamilies))].sort().join('\n');
  const [units, setUnits] = useState<ReadonlyMap<string, string>>(() => new Map());
  useEffect(() => {
    const metadataFor = client?.metadataFor?.bind(client);
    if (!metadataFor || !families) return;
    let live = true;
    void Promise.all(
      families.split('\n').map(async (f) => {
        const unit = (await metadataFor(f).catch(() => [])).find((e) => e.unit)?.unit;
        return [f, unit] as const;
      }),
    ).then((found) => {
      if (!live) return;
      setUnits(new Map(found.filter((e): e is readonly [string, string] => !!e[1])));
    });
    return () => {
      live = false;
    };
  }, [client, families]);
  return (family) => units.get(family);
}
