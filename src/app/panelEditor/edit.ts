import type { Panel, Target } from '../../model/dashboard';
import { panelPlugin } from '../../panels/registry';

/** A new query row: no expression yet, nothing hidden. */
export function emptyTarget(refId: string): Target {
  return { refId, expr: '', legendFormat: '', interval: '', instant: false, hide: false };
}

const REF_IDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The first free refId: A … Z, then Q<n>. */
export function nextRefId(targets: readonly Pick<Target, 'refId'>[]): string {
  const used = new Set(targets.map((t) => t.refId));
  for (const c of REF_IDS) if (!used.has(c)) return c;
  let n = targets.length;
  while (used.has(`Q${n}`)) n++;
  return `Q${n}`;
}

/** A new panel type: its default options, the shared field settings kept (Grafana's behaviour). */
export function changePanelType(p: Panel, type: string): Panel {
  const plugin = panelPlugin(type);
  if (!plugin || type === p.type) return { ...p, type };
  const d = plugin.defaults();
  const keep = Object.fromEntries(
    Object.entries(p.options).filter(([k]) => k in d.options && k === 'reduce'),
  );
  return {
    ...p,
    type,
    options: { ...d.options, ...keep },
    fieldConfig: {
      ...d.fieldConfig,
      ...p.fieldConfig,
      thresholds: p.fieldConfig.thresholds ?? d.fieldConfig.thresholds,
    },
  };
}
