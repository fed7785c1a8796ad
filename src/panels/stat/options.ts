import type { Orientation } from './layout';
import { panelReducer } from './display';

/** Stat panel options as Scry stores them (Grafana's names and values). */
export interface StatOptions {
  /** reducer id (Grafana's reduceOptions.calcs[0] is read too) */
  reduce: string;
  colorMode: 'value' | 'background' | 'background_solid' | 'none';
  graphMode: 'area' | 'none';
  /** auto: the name is shown only when there are several values */
  textMode: 'auto' | 'value' | 'value_and_name' | 'name' | 'none';
  orientation: Orientation;
  justifyMode: 'auto' | 'center';
}

/** `v` when it is one of `allowed`, else `fallback` (reading stored panel options). */
export const pick = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
  typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;

/** Options with defaults filled and unknown values replaced (Grafana's defaults). */
export function readStatOptions(options: Record<string, unknown> | undefined): StatOptions {
  const o = options ?? {};
  return {
    reduce: panelReducer(o),
    colorMode: pick(o.colorMode, ['value', 'background', 'background_solid', 'none'], 'value'),
    graphMode: pick(o.graphMode, ['area', 'none'], 'area'),
    textMode: pick(o.textMode, ['auto', 'value', 'value_and_name', 'name', 'none'], 'auto'),
    orientation: pick(o.orientation, ['auto', 'horizontal', 'vertical'], 'auto'),
    justifyMode: pick(o.justifyMode, ['auto', 'center'], 'auto'),
  };
}

/** Whether the name and the value are shown, for a text mode and a number of values. */
export function textParts(
  textMode: StatOptions['textMode'],
  count: number,
): { name: boolean; value: boolean } {
  switch (textMode) {
    case 'value':
      return { name: false, value: true };
    case 'value_and_name':
      return { name: true, value: true };
    case 'name':
      return { name: true, value: false };
    case 'none':
      return { name: false, value: false };
    default:
      return { name: count > 1, value: true };
  }
}
