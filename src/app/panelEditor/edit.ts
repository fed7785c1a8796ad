import type { Target } from '../../model/dashboard';

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

/** A new panel type: see panels/changeType (the dashboard's "Show as …" does the same). */
export { changePanelType } from '../../panels/changeType';
