import { oneOf } from '../../model/json';
import { panelReducer } from '../shared/display';
import { ORIENTATIONS, type Orientation } from '../shared/layout';

/** Bar gauge options (Grafana's names). */
export interface BarGaugeOptions {
  reduce: string;
  /** auto: vertical bars side by side in a wide panel, horizontal bars stacked in a tall one */
  orientation: Orientation;
  displayMode: 'basic' | 'gradient' | 'lcd';
  /** draw the empty part of the bar */
  showUnfilled: boolean;
  /** value text coloured, plain, or not shown */
  valueMode: 'color' | 'text' | 'hidden';
  namePlacement: 'auto' | 'top' | 'left' | 'hidden';
}

export function readBarGaugeOptions(options: Record<string, unknown> | undefined): BarGaugeOptions {
  const o = options ?? {};
  return {
    reduce: panelReducer(o),
    orientation: oneOf(o.orientation, ORIENTATIONS, 'auto'),
    displayMode: oneOf(o.displayMode, ['basic', 'gradient', 'lcd'], 'gradient'),
    showUnfilled: o.showUnfilled !== false,
    valueMode: oneOf(o.valueMode, ['color', 'text', 'hidden'], 'color'),
    namePlacement: oneOf(o.namePlacement, ['auto', 'top', 'left', 'hidden'], 'auto'),
  };
}
