// Draws the exemplar dots of the time series chart (loaded on demand by `exemplars.ts`).
import uPlot from 'uplot';
import { drawExemplarDots, type ExemplarDots } from '../exemplarLayer';
import { exemplarTooltipHtml } from '../exemplars';
import { chartAxes } from './axes';
import { EXEMPLAR_COLOR, type TimeSeriesExemplarPoint } from './exemplars';
import type { TimeSeriesChartProps } from './types';

export function drawTimeSeriesExemplars(
  u: uPlot,
  ref: { current: ExemplarDots<TimeSeriesExemplarPoint> | undefined },
  p: TimeSeriesChartProps,
): void {
  const log = !!p.style?.logBase;
  const height = u.bbox.height / uPlot.pxRatio;
  const placed = (p.exemplars?.points ?? [])
    .filter((pt) => Number.isFinite(pt.exemplar.value) && (!log || pt.exemplar.value > 0))
    .map((pt) => ({
      pt,
      x: u.valToPos(pt.exemplar.timeSec, 'x'),
      y: u.valToPos(pt.exemplar.value, pt.scale ?? 'y'),
      value: pt.exemplar.value,
      lane: pt.refId,
      color: EXEMPLAR_COLOR,
      attrs: {
        'trace-id': pt.exemplar.labels.trace_id ?? '',
        'ref-id': pt.refId,
        'time-ms': String(Math.round(pt.exemplar.timeSec * 1000)),
        value: String(pt.exemplar.value),
      },
    }))
    .filter((d) => d.y >= 0 && d.y <= height);
  // the value in the unit of the axis it is drawn on (an override's own unit)
  const axes = chartAxes(p);
  const formatOf = (scale = 'y') => axes.find((a) => a.scale === scale)?.formatValue;
  drawExemplarDots(u.over, ref, placed, u.bbox.width / uPlot.pxRatio, (pt, hidden) =>
    exemplarTooltipHtml(pt.exemplar, {
      formatValue: formatOf(pt.scale) ?? p.formatValue,
      formatTime: p.formatTime,
      linkTemplate: p.exemplars?.linkTemplate,
      hidden,
    }),
  );
}
