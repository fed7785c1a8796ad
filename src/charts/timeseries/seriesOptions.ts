// How one series is drawn: uPlot's series options from the panel's draw style.
import uPlot from 'uplot';
import { alpha } from '../../units/colors';
import type { ChartSeries, ChartStyle } from './types';

/** uPlot's options of series `s`: the chart's style with the series' own on top, on its scale. */
export function seriesOptions(
  s: ChartSeries,
  chartStyle: ChartStyle,
  hidden: ReadonlySet<string>,
): uPlot.Series {
  const style = s.style ? { ...chartStyle, ...s.style } : chartStyle;
  const fill =
    style.fillOpacity > 0 ? alpha(s.color, Math.min(1, style.fillOpacity / 100)) : undefined;
  const base: uPlot.Series = {
    label: s.label,
    scale: s.scale ?? 'y',
    stroke: s.color,
    width: style.lineWidth,
    spanGaps: false,
    show: !hidden.has(s.key),
    ...(fill ? { fill } : {}),
  };
  if (style.drawStyle === 'bars')
    return {
      ...base,
      width: Math.max(1, style.lineWidth),
      fill: fill ?? alpha(s.color, 0.8),
      paths: uPlot.paths.bars!({ size: [0.6, 100], align: 0 }),
      points: { show: false },
    };
  if (style.drawStyle === 'points')
    return {
      ...base,
      paths: () => null,
      points: { show: true, size: style.pointSize, fill: s.color, stroke: s.color },
    };
  return { ...base, points: { show: false } };
}
