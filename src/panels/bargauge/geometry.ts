/**
 * Bar gauge math: range, orientation, gradient and LCD cells. Pure.
 */
import type { FieldConfig } from '../../model/dashboard';
import { alpha, FALLBACK_COLOR } from '../../units/colors';
import type { Band } from '../shared/bands';
import type { BarGaugeOptions } from './options';

/** Grafana's auto orientation: wider than tall → vertical bars, else horizontal bars. */
export function barOrientation(
  orientation: BarGaugeOptions['orientation'],
  width: number,
  height: number,
): 'horizontal' | 'vertical' {
  if (orientation !== 'auto') return orientation;
  return width > height ? 'vertical' : 'horizontal';
}

/**
 * The range every bar spans: fieldConfig min/max, else 0 (or the data minimum when negative) up
 * to the data maximum. An empty range becomes [min, min + 1].
 */
export function barRange(
  fieldConfig: Pick<FieldConfig, 'min' | 'max'>,
  data: { min: number; max: number } | undefined,
): { min: number; max: number } {
  const min = fieldConfig.min ?? Math.min(0, data?.min ?? 0);
  let max = fieldConfig.max ?? data?.max ?? min + 1;
  if (!(max > min)) max = min + 1;
  return { min, max };
}

/**
 * CSS gradient over the whole bar length through the threshold colours (gradient mode): the
 * first colour faded at the start, then each band's colour from where it starts.
 */
export function barGradient(bands: readonly Band[], direction: 'to right' | 'to top'): string {
  const first = bands[0];
  if (!first) return 'none';
  const stops = [`${alpha(first.color, 0.35)} 0%`];
  for (const b of bands)
    stops.push(`${b.color} ${Math.round(Math.max(b.from, 0.05) * 1000) / 10}%`);
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}

/** One LCD cell: its colour (the band under its centre) and whether the value reaches it. */
export interface LcdCell {
  color: string;
  lit: boolean;
}

/** `count` LCD cells along the bar; a cell is lit when the value reaches its centre. */
export function lcdCells(count: number, frac: number, bands: readonly Band[]): LcdCell[] {
  const cells: LcdCell[] = [];
  for (let i = 0; i < count; i++) {
    const c = (i + 0.5) / count;
    const band = bands.find((b) => c >= b.from && c < b.to) ?? bands[bands.length - 1];
    cells.push({ color: band?.color ?? FALLBACK_COLOR, lit: c <= frac });
  }
  return cells;
}
