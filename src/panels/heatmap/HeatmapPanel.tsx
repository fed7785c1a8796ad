import { useMemo, useState } from 'react';
import HeatmapChart, { type HeatmapLine } from '../../charts/heatmap/HeatmapChart';
import { alignPast } from '../../charts/compareMath';
import { formatValueToString } from '../../units/format';
import { useQueryEnv } from '../../query/env';
import { chartTimeProps } from '../shared/chartTime';
import type { PanelViewProps } from '../types';
import { quantilesSeries } from './buckets';
import { placeExemplars } from './exemplars';
import { panelBucketGroups, percentileLabel, type HeatmapOptions } from './options';

/** Line colours over the viridis cells: light, then warm, so they stand out on any cell. */
const LINE_COLORS = ['#ffffff', '#ff9830', '#f2495c', '#8ab8ff', '#b877d9', '#73bf69'];

/**
 * Heatmap of a histogram: classic `_bucket` series (grouped by their labels without `le`) or
 * native histograms, with percentile lines computed here from the same buckets, exactly as
 * histogram_quantile would (no extra query).
 */
export default function HeatmapPanel({
  panel,
  options,
  data,
  ctx,
}: PanelViewProps<HeatmapOptions>) {
  const env = useQueryEnv();
  const unit = panel.fieldConfig.unit;
  const decimals = panel.fieldConfig.decimals;
  const groups = useMemo(() => panelBucketGroups(data.results), [data.results]);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const wanted = picked ?? options.group;
  const group = groups.find((g) => g.key === wanted || g.name === wanted) ?? groups[0];

  // compare to the past: the same group's buckets then (query/compare.ts moved the requests)
  const pastResults = data.compare?.results;
  const offsetSec = (data.compare?.to.offsetMs ?? 0) / 1000;
  const pastGroup = useMemo(
    () =>
      group && pastResults
        ? panelBucketGroups(pastResults).find((g) => g.key === group.key)
        : undefined,
    [group, pastResults],
  );

  const percentilesKey = options.percentiles.join(',');
  const lines = useMemo<HeatmapLine[]>(
    () => {
      if (!group) return [];
      // all percentiles in one pass over the buckets
      const values = quantilesSeries(group, options.percentiles);
      const past = pastGroup && quantilesSeries(pastGroup, options.percentiles);
      return options.percentiles.map((q, i) => ({
        key: percentileLabel(q),
        label: percentileLabel(q),
        q,
        values: values[i]!,
        color: LINE_COLORS[i % LINE_COLORS.length]!,
        ...(past && pastGroup
          ? { past: alignPast(group.times, pastGroup.times, past[i]!, offsetSec) }
          : {}),
      }));
    },
    // percentilesKey stands for options.percentiles (a new array on every options read)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [group, pastGroup, offsetSec, percentilesKey],
  );

  const exemplarData = data.exemplars;
  const exemplars = useMemo(
    () =>
      group && exemplarData
        ? {
            points: placeExemplars(group, exemplarData.results),
            linkTemplate: exemplarData.linkTemplate,
          }
        : undefined,
    [group, exemplarData],
  );

  if (!group) {
    return data.results.some((r) => r.frame && r.frame.series.length > 0) ? (
      <div className="panel-warning" data-testid="heatmap-no-buckets">
        No histogram buckets: the query must return `_bucket` series with an `le` label (e.g. sum by
        (le) (rate(x_bucket[$__rate_interval]))) or native histograms.
      </div>
    ) : null;
  }
  const fmt = (v: number) => formatValueToString(v, unit, decimals);
  return (
    <div
      className="ts-panel heatmap-panel"
      data-testid="heatmap-panel"
      data-group={group.name}
      data-buckets={group.bounds.length}
      data-steps={group.times.length}
      data-source={group.native ? 'native' : 'classic'}
      data-exemplars={exemplars?.points.length ?? 0}
    >
      {groups.length > 1 && (
        <label style={{ fontSize: 12, color: 'var(--muted)' }}>
          Series{' '}
          <select
            data-testid="heatmap-group"
            value={group.key}
            onChange={(e) => setPicked(e.target.value)}
          >
            {groups.map((g) => (
              <option key={g.key} value={g.key}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <HeatmapChart
        times={group.times}
        bounds={group.bounds}
        lowest={group.lowest}
        counts={group.counts}
        totals={group.totals}
        lines={lines}
        exemplars={exemplars}
        compare={data.compare ? { offsetSec, label: data.compare.to.label } : undefined}
        colorScale={options.colorScale}
        formatValue={fmt}
        formatCount={(v) => formatValueToString(v, 'short')}
        {...chartTimeProps(env, ctx)}
      />
    </div>
  );
}
