// The time series panel's exemplar dots: each on the y scale of its query's series, so an
// override that gives a query a unit (and a right axis) of its own moves its dots with it.
import type { ChartExemplars, TimeSeriesExemplarPoint } from '../../charts/timeseries/exemplars';
import type { PanelExemplars } from '../../query/exemplars';
import type { PanelSeries } from './overrideSeries';

/** Each query's scale other than the first axis': that of its first series. */
export function queryScales(
  series: readonly Pick<PanelSeries, 'refId' | 'scale'>[],
): Record<string, string> {
  const seen = new Set<string>();
  const out: Record<string, string> = {};
  for (const s of series) {
    if (seen.has(s.refId)) continue;
    seen.add(s.refId);
    if (s.scale && s.scale !== 'y') out[s.refId] = s.scale;
  }
  return out;
}

/** The chart's exemplars from the panel's, each on its query's scale (`queryScales`). */
export function exemplarPoints(
  data: PanelExemplars,
  scales: Readonly<Record<string, string>>,
): ChartExemplars {
  return {
    points: data.results.flatMap((r) =>
      r.exemplars.map((exemplar): TimeSeriesExemplarPoint => {
        const scale = Object.hasOwn(scales, r.refId) ? scales[r.refId] : undefined;
        return { exemplar, refId: r.refId, ...(scale ? { scale } : {}) };
      }),
    ),
    linkTemplate: data.linkTemplate,
  };
}
