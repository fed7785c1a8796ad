import { isObj, oneOf } from '../../model/json';
import { panelReducer } from '../shared/display';

export const PIE_TYPES = ['pie', 'donut'] as const;
export const LEGEND_PLACEMENTS = ['right', 'bottom', 'hidden'] as const;
export const LEGEND_VALUES = ['value', 'percent'] as const;
export const SLICE_LABELS = ['name', 'value', 'percent'] as const;
export const SORTS = ['desc', 'asc', 'none'] as const;
export const COLOR_BY = ['palette', 'thresholds'] as const;

export type LegendValue = (typeof LEGEND_VALUES)[number];
export type SliceLabel = (typeof SLICE_LABELS)[number];

/** Pie chart options, stored as they are named here (the importer converts Grafana's). */
export interface PieOptions {
  reduce: string;
  pieType: (typeof PIE_TYPES)[number];
  legendPlacement: (typeof LEGEND_PLACEMENTS)[number];
  /** what the legend shows after each name */
  legendValues: LegendValue[];
  /** what is written on the slices */
  displayLabels: SliceLabel[];
  sort: (typeof SORTS)[number];
  /** slices under this share of the total (0–0.5) are combined into one "Other" slice */
  otherBelow: number;
  /** the name of the combined slice */
  otherLabel: string;
  /** slice colours from the classic palette in order, or from the thresholds of each value */
  colorBy: (typeof COLOR_BY)[number];
  /** fixed colours by slice name (Grafana's aliasColors and byName colour overrides) */
  sliceColors: Record<string, string>;
}

function listOf<T extends string>(raw: unknown, allowed: readonly T[], fallback: T[]): T[] {
  if (!Array.isArray(raw)) return fallback;
  return allowed.filter((a) => raw.includes(a));
}

function colors(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObj(raw)) return out;
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && v) out[k] = v;
  return out;
}

export function readPieOptions(options: Record<string, unknown> | undefined): PieOptions {
  const o = options ?? {};
  const other =
    typeof o.otherBelow === 'number' && Number.isFinite(o.otherBelow) ? o.otherBelow : 0;
  return {
    reduce: panelReducer(o),
    pieType: oneOf(o.pieType, PIE_TYPES, 'pie'),
    legendPlacement: oneOf(o.legendPlacement, LEGEND_PLACEMENTS, 'right'),
    legendValues: listOf(o.legendValues, LEGEND_VALUES, ['value', 'percent']),
    displayLabels: listOf(o.displayLabels, SLICE_LABELS, []),
    sort: oneOf(o.sort, SORTS, 'desc'),
    otherBelow: Math.min(0.5, Math.max(0, other)),
    otherLabel: typeof o.otherLabel === 'string' && o.otherLabel ? o.otherLabel : 'Other',
    colorBy: oneOf(o.colorBy, COLOR_BY, 'palette'),
    sliceColors: colors(o.sliceColors),
  };
}
