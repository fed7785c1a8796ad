// The dashboard's cost view as data: one row per panel target, costliest first, and the total
// of one refresh.
import { sumCosts, type TargetCost } from '../../prometheus/stats';
import type { PanelCost } from '../../query/cost';

export interface CostRow {
  panelId: number;
  title: string;
  refId: string;
  expr: string;
  template: string;
  cost: TargetCost;
}

/** Rows sorted by samples processed, then server time, then bytes (all descending). */
export function costRows(panels: readonly PanelCost[]): CostRow[] {
  const rows = panels.flatMap((p) =>
    p.targets.map((t) => ({
      panelId: p.panelId,
      title: p.title,
      refId: t.refId,
      expr: t.expr,
      template: t.template,
      cost: t.cost,
    })),
  );
  const key = (c: TargetCost) => [c.samples ?? -1, c.serverSec ?? -1, c.bytes ?? -1];
  return rows.sort((a, b) => {
    const ka = key(a.cost);
    const kb = key(b.cost);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return a.panelId - b.panelId || a.refId.localeCompare(b.refId);
  });
}

/** One refresh of every row (identical queries shared by panels are fetched once: counted once). */
export function costTotal(rows: readonly CostRow[]): TargetCost {
  const seen = new Set<TargetCost>();
  return sumCosts(rows.map((r) => r.cost).filter((c) => !seen.has(c) && !!seen.add(c)));
}

/** 2883 → "2 883", 1 234 567 → "1.23 M". */
export function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toPrecision(3)} M`;
  return Math.round(n).toLocaleString('en').replace(/,/g, ' ');
}

/** Server seconds as ms below a second ("0.48 ms", "12 ms"), else seconds. */
export function formatServerTime(sec: number): string {
  const ms = sec * 1000;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${sec.toFixed(2)} s`;
}
