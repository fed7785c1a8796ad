import { useMemo, type CSSProperties } from 'react';
import { dataTextColor } from '../../theme/runtime';
import { alpha } from '../../units/colors';
import { formattedToString } from '../../units/format';
import { fraction, thresholdBands, type Band } from '../shared/bands';
import { dataRange, DEFAULT_THRESHOLDS, type DisplayValue } from '../shared/display';
import { useDisplayValues, ValueLimit } from '../shared/useDisplayValues';
import type { PanelViewProps } from '../types';
import ValueLinks, { useValueLinks, type ValueLink } from '../shared/ValueLinks';
import { barGradient, barOrientation, barRange, lcdCells } from './geometry';
import type { BarGaugeOptions } from './options';
import './bargauge.css';

const BARGAUGE_LIMIT = 200;
const GAP = 6;
const LCD_CELL = 12;

export default function BarGaugePanel(props: PanelViewProps<BarGaugeOptions>) {
  const { panel, options: opts, data, widthPx, heightPx } = props;
  const { values, total } = useDisplayValues(props, opts.reduce, BARGAUGE_LIMIT);
  const range = useMemo(() => {
    const finite = values.map((v) => v.raw).filter((x) => Number.isFinite(x));
    const reduced = finite.length
      ? { min: Math.min(...finite), max: Math.max(...finite) }
      : dataRange(data.results);
    return barRange(panel.fieldConfig, reduced);
  }, [values, data.results, panel.fieldConfig]);
  const bands = useMemo(
    () => thresholdBands(panel.fieldConfig.thresholds ?? DEFAULT_THRESHOLDS, range.min, range.max),
    [panel.fieldConfig.thresholds, range],
  );
  const linksOf = useValueLinks(panel.fieldConfig.links);
  if (values.length === 0) return null;
  const orientation = barOrientation(opts.orientation, widthPx, heightPx);
  const n = values.length;
  const longest = Math.max(...values.map((v) => formattedToString(v.display).length));
  const common = { opts, bands, min: range.min, max: range.max, longest };
  return (
    <div
      className={`bargauge-panel bargauge-${orientation}`}
      data-testid="bargauge-panel"
      style={{ gap: GAP }}
    >
      <ValueLimit shown={values.length} total={total} />
      {values.map((v) =>
        orientation === 'horizontal' ? (
          <HorizontalBar
            key={v.key}
            value={v}
            links={linksOf?.(v)}
            width={widthPx - 16}
            height={Math.max(4, (heightPx - 6 - GAP * (n - 1)) / n)}
            {...common}
          />
        ) : (
          <VerticalBar
            key={v.key}
            value={v}
            links={linksOf?.(v)}
            width={Math.max(4, (widthPx - 16 - GAP * (n - 1)) / n)}
            height={heightPx - 6}
            {...common}
          />
        ),
      )}
    </div>
  );
}

interface BarProps {
  value: DisplayValue;
  opts: BarGaugeOptions;
  bands: Band[];
  min: number;
  max: number;
  width: number;
  height: number;
  /** characters of the longest value text, to reserve the same room for every bar */
  longest: number;
  /** its data links: the bar opens them */
  links?: ValueLink[] | undefined;
}

function ValueText(props: BarProps & { fontSize: number; style?: CSSProperties }) {
  const { value: v, opts } = props;
  return (
    <div
      className="bargauge-value"
      data-testid="bargauge-value"
      data-value={String(v.raw)}
      hidden={opts.valueMode === 'hidden'}
      style={{
        fontSize: props.fontSize,
        color:
          opts.valueMode === 'color' ? dataTextColor(v.color, props.fontSize >= 24) : undefined,
        ...props.style,
      }}
    >
      {formattedToString(v.display)}
    </div>
  );
}

function Fill(props: BarProps & { vertical: boolean; length: number }) {
  const { value: v, opts, bands, vertical } = props;
  const f = fraction(v.raw, props.min, props.max);
  const track: CSSProperties = {
    background: opts.showUnfilled ? 'var(--tint-2)' : undefined,
  };
  if (opts.displayMode === 'lcd') {
    const count = Math.max(1, Math.min(100, Math.floor(props.length / LCD_CELL)));
    const cells = lcdCells(count, f, bands);
    return (
      <div className="bargauge-track bargauge-lcd" style={track} data-fraction={f}>
        {cells.map((c, i) => (
          <div
            key={i}
            className="bargauge-cell"
            style={{
              background: c.lit ? c.color : alpha(c.color, opts.showUnfilled ? 0.12 : 0),
            }}
          />
        ))}
      </div>
    );
  }
  const pct = `${f * 100}%`;
  const fill: CSSProperties = vertical ? { height: pct } : { width: pct };
  if (opts.displayMode === 'gradient' && f > 0) {
    fill.background = barGradient(bands, vertical ? 'to top' : 'to right');
    fill.backgroundSize = vertical ? `100% ${100 / f}%` : `${100 / f}% 100%`;
    fill.backgroundPosition = vertical ? 'bottom' : 'left';
  } else {
    fill.background = v.color;
  }
  return (
    <div className="bargauge-track" style={track} data-fraction={f}>
      <div className="bargauge-fill" style={fill} />
    </div>
  );
}

function HorizontalBar(props: BarProps) {
  const { value: v, opts, width, height } = props;
  const placement =
    opts.namePlacement === 'auto' ? (height >= 40 ? 'top' : 'left') : opts.namePlacement;
  const nameSize = Math.max(10, Math.min(14, Math.round(height * 0.3)));
  const barH = placement === 'top' ? height - nameSize - 4 : height;
  const valueSize = Math.max(10, Math.min(28, Math.round(barH * 0.7)));
  const valueW =
    opts.valueMode === 'hidden' ? 0 : Math.min(width * 0.35, props.longest * valueSize * 0.62 + 10);
  const nameW = placement === 'left' ? Math.min(width * 0.3, 160) : 0;
  const barW = Math.max(4, width - valueW - nameW);
  return (
    <div
      className={`bargauge-bar bargauge-name-${placement}`}
      data-testid="bargauge"
      data-name={v.name}
      style={{ height }}
      title={`${v.name}: ${formattedToString(v.display)}`}
    >
      {placement !== 'hidden' && (
        <div
          className="bargauge-name"
          style={{ fontSize: nameSize, width: placement === 'left' ? nameW : undefined }}
        >
          {v.name}
        </div>
      )}
      <div className="bargauge-row" style={{ height: barH }}>
        <Fill {...props} vertical={false} length={barW} />
        <ValueText {...props} fontSize={valueSize} style={{ width: valueW }} />
      </div>
      {props.links && <ValueLinks links={props.links} name={v.name} />}
    </div>
  );
}

function VerticalBar(props: BarProps) {
  const { value: v, opts, width, height } = props;
  const nameSize = Math.max(10, Math.min(14, Math.round(width * 0.15)));
  const showName = opts.namePlacement !== 'hidden';
  const valueSize = Math.max(
    10,
    Math.min(28, Math.floor(width / (Math.max(1, props.longest) * 0.62)), height * 0.15),
  );
  const barLen = height - (showName ? nameSize + 6 : 0) - (valueSize + 6);
  return (
    <div
      className="bargauge-bar"
      data-testid="bargauge"
      data-name={v.name}
      style={{ width }}
      title={`${v.name}: ${formattedToString(v.display)}`}
    >
      <ValueText {...props} fontSize={valueSize} />
      <Fill {...props} vertical length={barLen} />
      {showName && (
        <div className="bargauge-name" style={{ fontSize: nameSize }}>
          {v.name}
        </div>
      )}
      {props.links && <ValueLinks links={props.links} name={v.name} />}
    </div>
  );
}
