import { oneOf } from '../../model/json';
import { panelReducer } from '../shared/display';
import { ORIENTATIONS, type Orientation } from '../shared/layout';

/** Gauge panel options (Grafana's names). */
export interface GaugeOptions {
  reduce: string;
  /** the thin ring of threshold colours outside the arc */
  showThresholdMarkers: boolean;
  /** threshold step values written around the arc */
  showThresholdLabels: boolean;
  orientation: Orientation;
}

export function readGaugeOptions(options: Record<string, unknown> | undefined): GaugeOptions {
  const o = options ?? {};
  return {
    reduce: panelReducer(o),
    showThresholdMarkers: o.showThresholdMarkers !== false,
    showThresholdLabels: o.showThresholdLabels === true,
    orientation: oneOf(o.orientation, ORIENTATIONS, 'auto'),
  };
}
