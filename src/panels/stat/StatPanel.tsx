import type { CSSProperties } from 'react';
import { dataTextColor } from '../../theme/runtime';
import { alpha } from '../../units/colors';
import { textOnColor } from '../../theme/contrast';
import { formattedToString, formatValueToString } from '../../units/format';
import type { PanelViewProps } from '../types';
import type { DisplayValue } from '../shared/display';
import { fitFontSize, gridLayout } from '../shared/layout';
import { textParts, type StatOptions } from './options';
import Sparkline from './Sparkline';
import { useDisplayValues, ValueLimit } from '../shared/useDisplayValues';
import './stat.css';
import { useMemo } from 'react';
import { displayValues } from '../shared/display';
import StatCompare, { compareLineHeight } from './StatCompare';
import ValueLinks, { useValueLinks, type ValueLink } from '../shared/ValueLinks';

/** Values beyond this are not drawn (the panel says so). */
const STAT_LIMIT = 200;
const GAP = 4;

export default function StatPanel(props: PanelViewProps<StatOptions>) {
  const { panel, options: opts, widthPx, heightPx } = props;
  const { values, total } = useDisplayValues(props, opts.reduce, STAT_LIMIT);
  // compare to the past: the same reducer over the past series, by key
  const pastResults = props.data.compare?.results;
  const { targets, fieldConfig } = panel;
  const past = useMemo(
    () =>
      pastResults?.length
        ? new Map(
            displayValues({
              results: pastResults,
              targets,
              fieldConfig,
              reducer: opts.reduce,
            }).values.map((v) => [v.key, v.raw]),
          )
        : undefined,
    [pastResults, targets, fieldConfig, opts.reduce],
  );
  const compareLabel = props.data.compare?.to.label;
  const linksOf = useValueLinks(panel.fieldConfig.links);
  if (values.length === 0) return null;
  // the panel body's padding (0 8px 6px) is outside the grid
  const innerW = Math.max(0, widthPx - 16);
  const innerH = Math.max(0, heightPx - 6);
  const grid = gridLayout(values.length, innerW, innerH, opts.orientation);
  const parts = textParts(opts.textMode, values.length);
  return (
    <div
      className="stat-panel"
      data-testid="stat-panel"
      style={{
        gridTemplateColumns: `repeat(${grid.cols}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))`,
        gap: GAP,
      }}
    >
      <ValueLimit shown={values.length} total={total} />
      {values.map((v) => (
        <StatCell
          key={v.key}
          value={v}
          opts={opts}
          showName={parts.name}
          showValue={parts.value}
          width={Math.max(0, (innerW - GAP * (grid.cols - 1)) / grid.cols)}
          height={Math.max(0, (innerH - GAP * (grid.rows - 1)) / grid.rows)}
          min={panel.fieldConfig.min}
          max={panel.fieldConfig.max}
          unit={panel.fieldConfig}
          links={linksOf?.(v)}
          compare={
            past && compareLabel !== undefined
              ? { label: compareLabel, then: past.get(v.key) ?? NaN }
              : undefined
          }
        />
      ))}
    </div>
  );
}

function StatCell(props: {
  value: DisplayValue;
  opts: StatOptions;
  showName: boolean;
  showValue: boolean;
  width: number;
  height: number;
  min: number | undefined;
  max: number | undefined;
  /** compare to the past: its words and the reduced value then */
  compare?: { label: string; then: number } | undefined;
  unit: { unit: string; decimals?: number | undefined };
  /** its data links: the tile opens them */
  links?: ValueLink[] | undefined;
}) {
  const { value: v, opts, showName, showValue, width, height } = props;
  const bg = opts.colorMode === 'background' || opts.colorMode === 'background_solid';
  const graph = opts.graphMode === 'area' && v.values && v.times && height >= 50 && width >= 50;
  const graphH = graph ? Math.round(height * 0.45) : 0;
  const textH = height - graphH * 0.7;
  const text = formattedToString(v.display);
  const compareH = props.compare ? compareLineHeight(textH) : 0;
  const valueSize = fitFontSize(
    text,
    width * 0.9,
    textH * (showName ? 0.55 : 0.8) - compareH,
    10,
    160,
  );
  const nameSize = Math.min(
    Math.max(10, Math.round(valueSize * 0.4)),
    fitFontSize(v.name, width * 0.95, textH * 0.25, 10, 28),
  );
  const style: CSSProperties = {};
  if (opts.colorMode === 'background')
    style.background = `linear-gradient(120deg, ${alpha(v.color, 0.7)}, ${v.color})`;
  else if (opts.colorMode === 'background_solid') style.background = v.color;
  // the data colour is the background: black or white text, whichever reads better on it
  const onBg = bg ? textOnColor(v.color) : undefined;
  if (onBg) style.color = onBg;
  const center = opts.justifyMode === 'center' || !showName;
  return (
    <div
      className={`stat-cell${bg ? ' stat-bg' : ''}${center ? ' stat-center' : ''}`}
      style={style}
      data-testid="stat"
      data-name={v.name}
      title={`${v.name}: ${text}`}
    >
      {graph && v.times && v.values && (
        <Sparkline
          times={v.times}
          values={v.values}
          width={width}
          height={graphH}
          stroke={onBg ? alpha(onBg, 0.6) : v.color}
          fill={onBg ? alpha(onBg, 0.12) : alpha(v.color, 0.2)}
          min={props.min}
          max={props.max}
        />
      )}
      <div className="stat-text" style={{ height: textH }}>
        {showName && (
          <div className="stat-name" style={{ fontSize: nameSize }}>
            {v.name}
          </div>
        )}
        <div
          className="stat-value"
          data-testid="stat-value"
          data-value={String(v.raw)}
          hidden={!showValue}
          style={{
            fontSize: valueSize,
            color: opts.colorMode === 'value' ? dataTextColor(v.color, valueSize >= 24) : undefined,
          }}
        >
          {v.display.prefix && <span className="stat-affix">{v.display.prefix}</span>}
          {v.display.text}
          {v.display.suffix && <span className="stat-affix">{v.display.suffix}</span>}
        </div>
        {props.compare && showValue && (
          <StatCompare
            now={v.raw}
            then={props.compare.then}
            thenText={formatValueToString(props.compare.then, props.unit.unit, props.unit.decimals)}
            label={props.compare.label}
            heightPx={compareH}
            onBackground={bg}
          />
        )}
      </div>
      {props.links && <ValueLinks links={props.links} name={v.name} />}
    </div>
  );
}
