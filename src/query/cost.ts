// What each mounted panel's queries cost the server on their last fetch, for the dashboard's
// cost view. Panels report from usePanelData; the view subscribes. Lives only in memory.
import { useSyncExternalStore } from 'react';
import type { TargetCost } from '../prometheus/stats';

export interface TargetCostRow {
  refId: string;
  /** the query as sent */
  expr: string;
  /** the query as written in the panel (template variables kept) */
  template: string;
  cost: TargetCost;
}

export interface PanelCost {
  panelId: number;
  title: string;
  targets: TargetCostRow[];
}

// keyed by the reporting hook (a panel and its editor preview report separately)
let entries = new Map<string, PanelCost>();
let snapshot: PanelCost[] = [];
const listeners = new Set<() => void>();

function publish(next: Map<string, PanelCost>) {
  entries = next;
  snapshot = [...next.values()];
  for (const l of listeners) l();
}

const same = (a: TargetCostRow[], b: TargetCostRow[]) =>
  a.length === b.length &&
  a.every((r, i) => r.cost === b[i]!.cost && r.expr === b[i]!.expr && r.refId === b[i]!.refId);

/** A panel's targets and what their last answers cost (unchanged reports are ignored). */
export function reportPanelCost(
  key: string,
  panelId: number,
  title: string,
  targets: TargetCostRow[],
): void {
  const cur = entries.get(key);
  if (cur && cur.panelId === panelId && cur.title === title && same(cur.targets, targets)) return;
  publish(new Map(entries).set(key, { panelId, title, targets }));
}

/** A panel that left the page. */
export function forgetPanelCost(key: string): void {
  if (!entries.has(key)) return;
  const next = new Map(entries);
  next.delete(key);
  publish(next);
}

/** Every mounted panel's cost, re-rendered when one changes. */
export function usePanelCosts(): PanelCost[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}
