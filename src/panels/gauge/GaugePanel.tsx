import { useMemo } from 'react';
import { dataTextColor } from '../../theme/runtime';
import { formatValue, formattedToString } from '../../units/format';
import { DEFAULT_THRESHOLDS, type DisplayValue } from '../shared/display';
import { fitFontSize, gridLayout } from '../shared/layout';
import { useDisplayValues, ValueLimit } from '../shared/useDisplayValues';
import { fraction, thresholdBands, type Band } from '../shared/bands';
import type { PanelViewProps } from '../types';
import ValueLinks, { useValueLinks, type ValueLink } from '../shared/ValueLinks';
import { angleOf, arcPath, gaugeBox, gaugeRange, thresholdStepValues } from './geometry';
import type { GaugeOptions } from './options';
import './gauge.css';

const GAUGE_LIMIT = 100;

export default function GaugePanel(props: PanelViewProps<GaugeOptions>) {
  const { panel, options: opts, widthPx, heightPx } = props;
  const { values, total } = useDisplayValues(props, opts.reduce, GAUGE_LIMIT);
  const range = useMemo(
    () =>
      gaugeRange(
        panel.fieldConfig,
        values.map((v) => v.raw),
      ),
    [panel.fieldConfig, values],
  );
  // The same for every gauge of the panel: computed once, not per gauge and render.
  const { showThresholdMarkers, showThresholdLabels } = opts;
  const marks = useMemo(() => {
    const { unit, decimals } = panel.fieldConfig;
    const thresholds = panel.fieldConfig.thresholds ?? DEFAULT_THRESHOLDS;
    const { min, max } = range;
    return {
      bands: showThresholdMarkers ? thresholdBands(thresholds, min, max) : [],
      labels: showThresholdLabels
        ? thresholdStepValues(thresholds, min, max).map((x) => ({
            fraction: fraction(x, min, max),
            text: formattedToString(formatValue(x, unit, decimals)),
          }))
        : [],
    };
  }, [panel.fieldConfig, range, showThresholdMarkers, showThresholdLabels]);
  const linksOf = useValueLinks(panel.fieldConfig.links);
  if (values.length === 0) return null;
  // the panel body's padding (0 8px 6px) is outside the grid
  const grid = gridLayout(
    values.length,
    Math.max(0, widthPx - 16),
    Math.max(0, heightPx - 6),
    opts.orientation,
    1.3,
  );
  return (
    <div
      className="gauge-panel"
      data-testid="gauge-panel"
      style={{
        gridTemplateColumns: `repeat(${grid.cols}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))`,
      }}
    >
      <ValueLimit shown={values.length} total={total} />
      {values.map((v) => (
        <Gauge
          key={v.key}
          value={v}
          opts={opts}
          showName={values.length > 1}
          width={grid.cellW}
          height={grid.cellH}
          min={range.min}
          max={range.max}
          bands={marks.bands}
          stepLabels={marks.labels}
          links={linksOf?.(v)}
        />
      ))}
    </div>
  );
}

function Gauge(props: {
  value: DisplayValue;
  opts: GaugeOptions;
  showName: boolean;
  width: number;
  height: number;
  min: number;
  max: number;
  /** threshold marker bands (empty when markers are off) */
  bands: readonly Band[];
  /** threshold step labels (empty when labels are off) */
  stepLabels: readonly { fraction: number; text: string }[];
  /** its data links: the gauge opens them */
  links?: ValueLink[] | undefined;
}) {
  const { value: v, opts, width, height, min, max, bands, stepLabels } = props;
  const nameSize = props.showName ? Math.max(10, Math.min(16, Math.round(height * 0.09))) : 0;
  const reserve = props.showName ? nameSize + 4 : 0;
  const { cx, cy, r: outer } = gaugeBox(width, height, reserve);
  const markers = opts.showThresholdMarkers;
  const labels = opts.showThresholdLabels;
  const labelSize = Math.max(9, Math.round(outer * 0.09));
  const rOuter = labels ? outer - labelSize * 2.2 : outer;
  const markerW = markers ? Math.max(2, rOuter * 0.06) : 0;
  const gaugeW = Math.max(4, rOuter * 0.2);
  const r = rOuter - markerW - (markers ? 3 : 0) - gaugeW / 2;
  if (r <= 2) return <div className="gauge-cell" />;
  const f = fraction(v.raw, min, max);
  const text = formattedToString(v.display);
  const valueSize = fitFontSize(text, (r - gaugeW / 2) * 1.6, r * 0.6, 9, 100);
  return (
    <div
      className="gauge-cell"
      data-testid="gauge"
      data-name={v.name}
      data-min={min}
      data-max={max}
      data-fraction={f}
      title={`${v.name}: ${text}`}
    >
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        {props.showName && (
          <text
            className="gauge-name"
            x={width / 2}
            y={4 + nameSize * 0.85}
            textAnchor="middle"
            fontSize={nameSize}
          >
            {v.name}
          </text>
        )}
        {bands.map((b, i) => (
          <path
            key={i}
            d={arcPath(cx, cy, rOuter - markerW / 2, b.from, b.to)}
            stroke={b.color}
            strokeWidth={markerW}
            fill="none"
          />
        ))}
        <path
          d={arcPath(cx, cy, r, 0, 1)}
          style={{ stroke: 'var(--tint-3)' }}
          strokeWidth={gaugeW}
          fill="none"
        />
        {f > 0 && (
          <path
            className="gauge-arc"
            d={arcPath(cx, cy, r, 0, f)}
            stroke={v.color}
            strokeWidth={gaugeW}
            fill="none"
          />
        )}
        {stepLabels.map((l, i) => {
          const a = angleOf(l.fraction);
          const lr = rOuter + labelSize * 1.1;
          return (
            <text
              key={i}
              className="gauge-threshold-label"
              x={cx + lr * Math.sin(a)}
              y={cy - lr * Math.cos(a)}
              textAnchor="middle"
              dominantBaseline="middle"
              fontSize={labelSize}
            >
              {l.text}
            </text>
          );
        })}
        <text
          className="gauge-value"
          data-testid="gauge-value"
          data-value={String(v.raw)}
          x={cx}
          y={cy}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={valueSize}
          fill={dataTextColor(v.color, valueSize >= 24)}
        >
          {text}
        </text>
      </svg>
      {props.links && <ValueLinks links={props.links} name={v.name} />}
    </div>
  );
}
