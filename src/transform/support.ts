/**
 * What of a Grafana transformation Scry applies: the ids and, per id, the options it reads.
 * The importer names the rest in its notes, the panel editor next to the transformation.
 */
import type { Transformation } from '../model/dashboard';

/** Options each supported id reads (others are kept in the JSON but have no effect). */
const OPTIONS: Readonly<Record<string, readonly string[]>> = {
  calculateField: ['mode', 'reduce', 'binary', 'alias', 'replaceFields', 'timeSeries'],
  organize: ['excludeByName', 'indexByName', 'renameByName', 'includeByName'],
  renameByRegex: ['regex', 'renamePattern'],
  labelsToFields: ['valueLabel', 'keepLabels', 'mode'],
  groupBy: ['fields'],
  merge: [],
  sortBy: ['sort', 'fields'],
  reduce: ['reducers', 'mode'],
  filterFieldsByName: ['include', 'exclude'],
  seriesToColumns: ['byField', 'mode'],
  joinByField: ['byField', 'mode'],
};

const set = (v: unknown) => v !== undefined && v !== null && v !== '' && v !== false;

/** What Scry cannot do of `t` (empty: applied as Grafana does). */
export function transformationIssues(t: Transformation): string[] {
  const known = OPTIONS[t.id];
  if (!known) return ['not supported by Scry: kept, not applied'];
  const o = t.options ?? {};
  const out: string[] = [];
  const unknown = Object.keys(o).filter((k) => !known.includes(k) && set(o[k]));
  if (unknown.length) out.push(`option(s) ${unknown.join(', ')} not applied`);
  if (
    t.id === 'calculateField' &&
    o.mode !== undefined &&
    o.mode !== 'reduceRow' &&
    o.mode !== 'binary'
  )
    out.push(`mode "${String(o.mode)}" not supported: kept, not applied`);
  if (t.id === 'labelsToFields' && o.mode === 'rows') out.push('mode "rows" not supported');
  if ((t.id === 'seriesToColumns' || t.id === 'joinByField') && set(o.mode) && o.mode !== 'outer')
    out.push(`join mode "${String(o.mode)}" not supported: outer join used`);
  if (t.id === 'reduce' && set(o.mode) && o.mode !== 'seriesToRows' && o.mode !== 'reduceFields')
    out.push(`mode "${String(o.mode)}" not supported`);
  return out;
}

/** One line for lists: the id and what it does ("organize: hide Time, rename mountpoint"). */
export function transformationSummary(t: Transformation): string {
  const o = t.options ?? {};
  const rec = (v: unknown): Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const keys = (v: unknown, pred: (x: unknown) => boolean) =>
    Object.entries(rec(v))
      .filter(([, x]) => pred(x))
      .map(([k]) => k);
  const parts: string[] = [];
  switch (t.id) {
    case 'calculateField': {
      const b = rec(o.binary);
      const side = (v: unknown) =>
        typeof v === 'string' ? v : String(rec(rec(v).matcher).options ?? rec(v).fixed ?? '');
      if (o.mode === 'binary')
        parts.push(`${side(b.left)} ${String(b.operator ?? '+')} ${side(b.right)}`);
      else {
        const r = rec(o.reduce);
        const inc = Array.isArray(r.include) ? r.include.join(', ') : 'all numbers';
        parts.push(`${String(r.reducer ?? 'sum')} of ${inc}`);
      }
      if (typeof o.alias === 'string' && o.alias) parts.push(`as "${o.alias}"`);
      if (o.replaceFields) parts.push('replacing the fields');
      break;
    }
    case 'organize': {
      const hide = keys(o.excludeByName, (x) => x === true);
      const ren = Object.entries(rec(o.renameByName)).filter(([, x]) => typeof x === 'string' && x);
      if (hide.length) parts.push(`hide ${hide.join(', ')}`);
      if (ren.length) parts.push(`rename ${ren.map(([a, b]) => `${a} → ${String(b)}`).join(', ')}`);
      if (Object.keys(rec(o.indexByName)).length) parts.push('reorder');
      break;
    }
    case 'renameByRegex':
      parts.push(`${String(o.regex ?? '')} → ${String(o.renamePattern ?? '')}`);
      break;
    case 'groupBy':
      parts.push(`by ${keys(o.fields, (x) => rec(x).operation === 'groupby').join(', ')}`);
      break;
    case 'sortBy':
      parts.push(
        (Array.isArray(o.sort) ? o.sort : [])
          .map((s) => `${String(rec(s).field)}${rec(s).desc ? ' ↓' : ''}`)
          .join(', '),
      );
      break;
    case 'reduce':
      parts.push(Array.isArray(o.reducers) ? o.reducers.join(', ') : '');
      break;
  }
  const text = parts.filter(Boolean).join('; ');
  return text ? `${t.id}: ${text}` : t.id;
}
