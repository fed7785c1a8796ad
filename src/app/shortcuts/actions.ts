// Pure helpers behind the dashboard shortcuts.

export interface MsRangeLike {
  fromMs: number;
  toMs: number;
}

/**
 * Grafana's `t ←` / `t →`: moves the range by half its span. Forward never runs past `nowMs`
 * when the range ended before it (the end stops at now and the start stays).
 */
export function shiftRange(r: MsRangeLike, dir: -1 | 1, nowMs: number): MsRangeLike {
  const half = Math.round((r.toMs - r.fromMs) / 2);
  const moved = { fromMs: r.fromMs + dir * half, toMs: r.toMs + dir * half };
  if (dir === 1 && moved.toMs > nowMs && r.toMs < nowMs) return { fromMs: r.fromMs, toMs: nowMs };
  return moved;
}

/** What the panel lookup reads of the document (testable without a browser). */
export interface PanelQueryRoot {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

/**
 * The panel the `e`, `v`, `p d`, `p r` shortcuts act on: the one under the pointer, else the one
 * holding the keyboard focus (Grafana's "focused panel"). Null when neither.
 */
export function focusedPanelId(root: PanelQueryRoot): number | null {
  const el =
    root.querySelector('[data-testid="panel"]:hover') ??
    root.querySelector('[data-testid="panel"]:focus-within');
  const id = Number(el?.getAttribute('data-panel-id') ?? NaN);
  return Number.isInteger(id) ? id : null;
}
