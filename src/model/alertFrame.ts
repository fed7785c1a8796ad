import type { Labels } from './frame';

export type AlertState = 'firing' | 'pending' | 'inactive';

/** One alert of a datasource's alerting rules, as panels see it. */
export interface AlertRecord {
  labels: Labels;
  annotations: Record<string, string>;
  state: AlertState;
  /** when the alert became active (ms since epoch); undefined when never active or unknown */
  activeAtMs: number | undefined;
  /** the value of the rule's expression when it was last evaluated */
  value: number;
}

/** The alerts of one datasource (its alerts endpoint), in the server's order. */
export interface AlertFrame {
  alerts: AlertRecord[];
}
