import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useRemembered } from '../../charts/remembered';
import { useTheme } from '../../theme/runtime';
import { parseColor, resolveColor, seriesColor } from '../../units/colors';
import { formattedToString, formatValueToString } from '../../units/format';
import { useDisplayValues, ValueLimit } from '../shared/useDisplayValues';
import type { PanelViewProps } from '../types';
import { percentText, pieSlices, sliceAt, type PieInput, type Slice } from './geometry';
import type { PieOptions } from './options';
import './piechart.css';

const PIE_LIMIT = 200;
const PAD = 8;
const DONUT_INNER = 0.6;
/** the combined "Other" slice: a neutral grey that reads on both themes */
const OTHER_COLOR = '#8e8e8e';
/** slices narrower than this (radians) get no label on the pie */
const MIN_LABEL_ANGLE = 0.35;

export default function PiePanel(props: PanelViewProps<PieOptions>) {
  const { panel, options: opts, widthPx, heightPx } = props;
  const theme = useTheme();
  const { values, total: count } = useDisplayValues(props, opts.reduce, PIE_LIMIT);
  // the legend's toggles outlive the rebuild a theme change makes (charts/remembered.ts)
  const [hidden, setHidden] = useRemembered<ReadonlySet<string>>('pie legend', () => new Set());
  const { unit, decimals } = panel.fieldConfig;

  const inputs = useMemo<PieInput[]>(
    () =>
      values.map((v, i) => ({
        key: v.key,
        name: v.name,
        raw: v.raw,
        text: formattedToString(v.display),
        // resolved for the theme shown (named colours differ per theme)
        color: resolveColor(
          opts.sliceColors[v.name] ??
            (opts.colorBy === 'thresholds' ? v.color : seriesColor(i, theme)),
          theme,
        ),
      })),
    [values, opts.sliceColors, opts.colorBy, theme],
  );
  const pie = useMemo(
    () =>
      pieSlices(
        inputs.filter((v) => !hidden.has(v.key)),
        opts,
        OTHER_COLOR,
        (v) => formatValueToString(v, unit, decimals),
      ),
    [inputs, hidden, opts, unit, decimals],
  );

  if (values.length === 0) return null;
  const right = opts.legendPlacement === 'right' && widthPx >= 1.3 * heightPx && widthPx > 260;
  const showLegend = opts.legendPlacement !== 'hidden';
  const legendW = showLegend && right ? Math.min(280, Math.round(widthPx * 0.45)) : 0;
  const legendH =
    showLegend && !right ? Math.min(Math.round(heightPx * 0.4), inputs.length * 22 + 4) : 0;
  const size = Math.max(0, Math.min(widthPx - legendW - 2 * PAD, heightPx - legendH - 2 * PAD));

  return (
    <div
      className={`pie-panel pie-legend-${right ? 'right' : 'bottom'}`}
      data-testid="pie-panel"
      data-pie-type={opts.pieType}
    >
      <ValueLimit shown={values.length} total={count} />
      <div className="pie-body">
        <PieCanvas pie={pie} size={size} opts={opts} />
        {showLegend && (
          <PieLegend
            inputs={inputs}
            pie={pie}
            opts={opts}
            hidden={hidden}
            maxHeight={right ? undefined : legendH}
            onToggle={(key) =>
              setHidden((prev) => {
                const next = new Set(prev);
                if (!next.delete(key)) next.add(key);
                return next;
              })
            }
          />
        )}
      </div>
    </div>
  );
}

function PieCanvas({
  pie,
  size,
  opts,
}: {
  pie: ReturnType<typeof pieSlices>;
  size: number;
  opts: PieOptions;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ i: number; x: number; y: number }>();
  const outer = size / 2;
  const inner = opts.pieType === 'donut' ? outer * DONUT_INNER : 0;

  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = globalThis.devicePixelRatio || 1;
    canvas.width = Math.round(size * dpr);
    canvas.height = Math.round(size * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size, size);
    drawPie(ctx, pie.slices, outer, inner, hover?.i ?? -1, opts);
  }, [pie, size, outer, inner, hover?.i, opts]);

  const slice = hover && pie.slices[hover.i];
  return (
    <div className="pie-canvas-box" style={{ width: size, height: size }}>
      <canvas
        ref={ref}
        data-testid="pie-canvas"
        style={{ width: size, height: size }}
        onMouseMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const x = e.clientX - box.left;
          const y = e.clientY - box.top;
          const i = sliceAt(pie.slices, x - outer, y - outer, outer, inner);
          setHover(i < 0 ? undefined : { i, x, y });
        }}
        onMouseLeave={() => setHover(undefined)}
      />
      {slice && hover && <PieTooltip slice={slice} x={hover.x} y={hover.y} size={size} />}
    </div>
  );
}

function drawPie(
  ctx: CanvasRenderingContext2D,
  slices: readonly Slice[],
  outer: number,
  inner: number,
  hovered: number,
  opts: PieOptions,
) {
  if (outer <= 0) return;
  const c = outer;
  // canvas angles start at 3 o'clock; the slices' at 12
  const at = (a: number) => a - Math.PI / 2;
  for (const [i, s] of slices.entries()) {
    const r = i === hovered ? outer : outer - 3;
    ctx.beginPath();
    ctx.moveTo(c + inner * Math.cos(at(s.start)), c + inner * Math.sin(at(s.start)));
    ctx.arc(c, c, r, at(s.start), at(s.end));
    if (inner > 0) ctx.arc(c, c, inner, at(s.end), at(s.start), true);
    else ctx.lineTo(c, c);
    ctx.closePath();
    ctx.fillStyle = s.color;
    ctx.fill();
    if (slices.length > 1) {
      ctx.lineWidth = 1;
      ctx.strokeStyle = 'rgba(0, 0, 0, 0.25)';
      ctx.stroke();
    }
  }
  if (opts.displayLabels.length === 0) return;
  ctx.font = `${Math.max(10, Math.min(14, outer / 8))}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const mid = inner > 0 ? (inner + outer) / 2 : outer * 0.62;
  for (const s of slices) {
    if (s.end - s.start < MIN_LABEL_ANGLE) continue;
    const a = at((s.start + s.end) / 2);
    const lines = opts.displayLabels.map((l) =>
      l === 'name' ? s.name : l === 'value' ? s.text : percentText(s.fraction),
    );
    ctx.fillStyle = textOn(s.color);
    const lh = parseInt(ctx.font, 10) + 2;
    lines.forEach((t, k) =>
      ctx.fillText(
        t,
        c + mid * Math.cos(a),
        c + mid * Math.sin(a) + (k - (lines.length - 1) / 2) * lh,
        outer * 0.9,
      ),
    );
  }
}

/** Black or white, whichever reads on the colour. */
function textOn(color: string): string {
  const c = parseColor(color);
  if (!c) return '#000';
  const lum = (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255;
  return lum > 0.55 ? '#000' : '#fff';
}

function PieTooltip({ slice, x, y, size }: { slice: Slice; x: number; y: number; size: number }) {
  const style = {
    left: x < size / 2 ? x + 14 : undefined,
    right: x >= size / 2 ? size - x + 14 : undefined,
    top: y + 10,
  };
  const rows = slice.members.length > 1 ? slice.members : [];
  return (
    <div className="chart-tooltip pie-tooltip" data-testid="pie-tooltip" style={style}>
      <div className="pie-tooltip-head">
        <span className="swatch" style={{ background: slice.color }} />
        <span data-testid="pie-tooltip-name">{slice.name}</span>
      </div>
      <div>
        <strong data-testid="pie-tooltip-value">{slice.text}</strong>{' '}
        <span className="muted" data-testid="pie-tooltip-percent">
          {percentText(slice.fraction)}
        </span>
      </div>
      {rows.map((m) => (
        <div key={m.key} className="muted">
          {m.name}: {m.text}
        </div>
      ))}
    </div>
  );
}

function PieLegend(props: {
  inputs: readonly PieInput[];
  pie: ReturnType<typeof pieSlices>;
  opts: PieOptions;
  hidden: ReadonlySet<string>;
  maxHeight: number | undefined;
  onToggle(key: string): void;
}) {
  const { inputs, pie, opts, hidden } = props;
  const fractionOf = new Map<string, number>();
  for (const s of pie.slices) for (const m of s.members) fractionOf.set(m.key, m.raw / pie.total);
  const order = new Map(
    pie.slices.flatMap((s, i) => s.members.map((m, k) => [m.key, i * 1e4 + k])),
  );
  const shown = [...inputs].sort(
    (a, b) => (order.get(a.key) ?? Infinity) - (order.get(b.key) ?? Infinity),
  );
  return (
    <ul
      className="pie-legend"
      data-testid="pie-legend"
      style={props.maxHeight ? { maxHeight: props.maxHeight } : undefined}
    >
      {shown.map((v) => {
        const fraction = fractionOf.get(v.key);
        return (
          <li
            key={v.key}
            data-testid="pie-legend-item"
            data-name={v.name}
            data-value={v.raw}
            data-hidden={hidden.has(v.key) || undefined}
          >
            <button type="button" onClick={() => props.onToggle(v.key)} title="Show or hide">
              <span className="swatch" style={{ background: v.color }} />
              <span className="pie-legend-name">{v.name}</span>
            </button>
            {opts.legendValues.includes('value') && (
              <span className="pie-legend-value" data-testid="pie-legend-value">
                {v.text}
              </span>
            )}
            {opts.legendValues.includes('percent') && (
              <span className="pie-legend-percent muted" data-testid="pie-legend-percent">
                {fraction === undefined ? '—' : percentText(fraction)}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
