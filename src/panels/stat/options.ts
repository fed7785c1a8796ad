import { oneOf } from '../../model/json';
import { panelReducer } from '../shared/display';
import { ORIENTATIONS, type Orientation } from '../shared/layout';

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

/** Options with defaults filled and unknown values replaced (Grafana's defaults). */
export function readStatOptions(options: Record<string, unknown> | undefined): StatOptions {
  const o = options ?? {};
  return {
    reduce: panelReducer(o),
    colorMode: oneOf(o.colorMode, ['value', 'background', 'background_solid', 'none'], 'value'),
    graphMode: oneOf(o.graphMode, ['area', 'none'], 'area'),
    textMode: oneOf(o.textMode, ['auto', 'value', 'value_and_name', 'name', 'none'], 'auto'),
    orientation: oneOf(o.orientation, ORIENTATIONS, 'auto'),
    justifyMode: oneOf(o.justifyMode, ['auto', 'center'], 'auto'),
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
