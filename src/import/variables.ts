import type { DashboardInput } from '../model/dashboard';
import { variableTypes } from '../model/variable';
import { parseDsRef, resolveDs, describeDs, type DsContext } from './datasource';
import { arr, isObj, num, obj, str, type Notes, type Obj } from './util';

/** A Scry variable as written by the importer. */
export type VariableInput = NonNullable<DashboardInput['variables']>[number];

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SUPPORTED: ReadonlySet<string> = new Set(variableTypes);

/** The query text of a query variable: a string, `{query}` or the Grafana 10 builder object. */
export function variableQueryText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw.trim();
  if (!isObj(raw)) return undefined;
  const q = str(raw.query);
  if (q !== undefined && q.trim() !== '') return q.trim();
  // PrometheusVariableQuery: qryType 0 label names, 1 label values, 2 metrics, 3 query result, 4 series
  const label = str(raw.label);
  const metric = str(raw.metric);
  switch (num(raw.qryType)) {
    case 0:
      return metric ? `label_names(${metric})` : 'label_names()';
    case 1:
      if (!label) return undefined;
      return metric ? `label_values(${metric}, ${label})` : `label_values(${label})`;
    case 2:
      return `metrics(${metric ?? '.*'})`;
  }
  return q?.trim();
}

/** Grafana `current: {text, value}` → Scry `current` (a value, several, or `$__all`). */
function currentOf(raw: unknown, type: string): string | string[] | undefined {
  const c = obj(raw);
  const value: unknown = c.value;
  if (type === 'interval' && typeof value === 'string' && value.startsWith('$__auto_interval')) {
    return 'auto';
  }
  if (Array.isArray(value)) {
    const values = value
      .filter((v) => typeof v === 'string' || typeof v === 'number')
      .map((v) => String(v));
    if (values.includes('$__all')) return '$__all';
    return values.length ? values : undefined;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  if (value === '' && type !== 'textbox') return undefined;
  return value;
}

/** Converts `templating.list`. adhoc and other unknown types are dropped with a warning. */
export function convertVariables(dash: Obj, ds: DsContext, notes: Notes): VariableInput[] {
  const out: VariableInput[] = [];
  const seen = new Set<string>();
  arr(obj(dash.templating).list).forEach((v, i) => {
    const path = `templating.list[${i}]`;
    if (!isObj(v)) return;
    const name = str(v.name) ?? '';
    const type = str(v.type) ?? '';
    if (!SUPPORTED.has(type)) {
      notes.warn(
        path,
        `Variable "${name}" of type "${type}" is not supported and was dropped${type === 'adhoc' ? ' (ad hoc filters are not applied to queries)' : ''}`,
      );
      return;
    }
    if (!NAME.test(name)) {
      notes.warn(
        path,
        `Variable name "${name}" is not valid in Scry (letters, digits and _ only); the variable was dropped and $${name} will not be replaced`,
      );
      return;
    }
    if (seen.has(name)) {
      notes.warn(path, `Duplicate variable "${name}" dropped`);
      return;
    }
    seen.add(name);
    const out1: VariableInput = { name, type: type as VariableInput['type'] };
    const label = str(v.label);
    if (label) out1.label = label;
    const description = str(v.description);
    if (description) out1.description = description;

    let query = '';
    if (type === 'query') {
      const q = variableQueryText(v.query);
      if (q === undefined) {
        notes.warn(path, `Variable "${name}": could not read its query`);
      } else query = q;
      const ref = parseDsRef(v.datasource, ds);
      if (ref.kind === 'other' || ref.kind === 'mixed') {
        notes.warn(
          path,
          `Variable "${name}" queries ${describeDs(ref)}, not Prometheus; it was dropped`,
        );
        seen.delete(name);
        return;
      }
      const resolved = resolveDs(ref, ds, notes, path);
      if (resolved !== undefined) out1.datasource = resolved;
    } else if (type === 'datasource') {
      query = str(v.query)?.trim() || 'prometheus';
      if (!/prometheus/i.test(query)) {
        notes.warn(
          path,
          `Datasource variable "${name}" lists "${query}" datasources; Scry only has Prometheus`,
        );
      }
    } else if (
      type === 'constant' ||
      type === 'textbox' ||
      type === 'custom' ||
      type === 'interval'
    ) {
      query = typeof v.query === 'number' ? String(v.query) : (str(v.query) ?? '');
    }
    out1.query = query;

    const regex = str(v.regex);
    if (regex) out1.regex = regex;
    const sort = num(v.sort);
    if (sort !== undefined) out1.sort = Math.min(8, Math.max(0, Math.round(sort)));
    const refresh = num(v.refresh);
    if (refresh === 0 || refresh === 1 || refresh === 2) out1.refresh = refresh;
    const hide = num(v.hide);
    if (hide === 0 || hide === 1 || hide === 2) out1.hide = hide;
    if (v.multi === true) out1.multi = true;
    if (v.includeAll === true) out1.includeAll = true;
    const allValue = str(v.allValue);
    if (allValue) out1.allValue = allValue;
    if (v.skipUrlSync === true) out1.skipUrlSync = true;

    let current = currentOf(v.current, type);
    if (type === 'constant') current = query;
    if (type === 'datasource') {
      const c = obj(v.current);
      const chosen = [c.text, c.value].filter(
        (x): x is string => typeof x === 'string' && x !== '',
      );
      const match =
        chosen.map((x) => ds.names.find((n) => n === x)).find((n) => n !== undefined) ??
        chosen
          .map((x) => ds.names.find((n) => n.toLowerCase() === x.toLowerCase()))
          .find((n) => n !== undefined);
      const shown = chosen[0];
      if (match === undefined && shown && shown !== 'default' && !shown.startsWith('$')) {
        notes.info(
          path,
          `Datasource variable "${name}": "${shown}" is not configured in Scry; it starts on the default datasource`,
        );
      }
      current = match;
    }
    if (Array.isArray(current) && v.multi !== true) current = current[0];
    if (current !== undefined) out1.current = current;

    if (type === 'interval') {
      if (v.auto === true) out1.auto = true;
      const count = num(v.auto_count);
      if (count !== undefined && count >= 1) out1.auto_count = Math.round(count);
      const min = str(v.auto_min);
      if (min) out1.auto_min = min;
    }
    out.push(out1);
  });
  return out;
}
