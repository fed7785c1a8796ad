import type { ComponentType } from 'react';
import type { Panel } from '../model/dashboard';
import type { PanelData } from '../query/usePanelData';

/**
 * What the dashboard tells every panel besides its own JSON and the QueryEnv (which carries the
 * time: range and zone).
 */
export interface PanelContext {
  /** cursor sync group for the shared crosshair; undefined = off */
  syncKey?: string | undefined;
  sharedTooltip?: boolean | undefined;
  /** drag-to-zoom on a chart: a new absolute range */
  onZoom?: ((fromMs: number, toMs: number) => void) | undefined;
  /** panels without queries (alert list) say whether they show an error (data-state) */
  reportError?: ((failed: boolean) => void) | undefined;
}

export interface PanelViewProps {
  panel: Panel;
  data: PanelData;
  widthPx: number;
  heightPx: number;
  ctx: PanelContext;
}

/** A panel type: one folder, one registry line. */
export interface PanelPlugin {
  id: string;
  name: string;
  View: ComponentType<PanelViewProps>;
  /** what the panel's targets are run as by default */
  queryMode: 'range' | 'instant' | 'none';
  /** defaults for a new panel of this type */
  defaults: () => Pick<Panel, 'fieldConfig' | 'options'>;
}
