import { isObj, str, type Notes } from './util';

/** A Grafana datasource reference, classified. */
export type DsRef =
  /** null, "default", `{type:"prometheus"}` without uid: the default datasource */
  | { kind: 'default' }
  /** `$datasource`, `${datasource}`, `[[datasource]]`, `{uid:"${datasource}"}` */
  | { kind: 'var'; name: string }
  /** `${DS_PROMETHEUS}` placeholder from an "export for sharing" `__inputs` entry */
  | { kind: 'input'; name: string }
  /** a datasource name (pre-8.3 strings) or a literal uid */
  | { kind: 'name'; name: string }
  | { kind: 'mixed' }
  /** not Prometheus: `-- Grafana --`, `-- Dashboard --`, Loki, Jaeger, OpenSearch … */
  | { kind: 'other'; label: string };

const VAR_REF = /^(?:\$(\w+)|\$\{(\w+)(?::\w+)?\}|\[\[(\w+)(?::\w+)?\]\])$/;

/** Types of datasource that speak the Prometheus HTTP API. */
const isPromType = (type: string): boolean => /prometheus|thanos|cortex|mimir/i.test(type);

/** What Scry knows when resolving references. */
export interface DsContext {
  /** names of the dashboard's `datasource` variables */
  dsVariables: ReadonlySet<string>;
  /** names of `__inputs` of type datasource (`DS_PROMETHEUS`) */
  inputs: ReadonlySet<string>;
  /** Scry datasource names references may resolve to */
  names: readonly string[];
  /** where `${DS_*}` inputs go; undefined = Scry's default datasource */
  defaultDatasource: string | undefined;
}

function fromText(text: string, ctx: DsContext): DsRef {
  const t = text.trim();
  if (t === '' || t === 'default') return { kind: 'default' };
  if (t === '-- Mixed --') return { kind: 'mixed' };
  if (t === '-- Grafana --' || t === 'grafana') return { kind: 'other', label: '-- Grafana --' };
  if (t === '-- Dashboard --') return { kind: 'other', label: '-- Dashboard --' };
  const m = VAR_REF.exec(t);
  if (m) {
    const name = m[1] ?? m[2] ?? m[3] ?? '';
    if (!ctx.dsVariables.has(name) && ctx.inputs.has(name)) return { kind: 'input', name };
    if (!ctx.dsVariables.has(name) && /^DS_/.test(name)) return { kind: 'input', name };
    return { kind: 'var', name };
  }
  return { kind: 'name', name: t };
}

/** Classifies a Grafana datasource reference: a string (pre-8.3) or `{type, uid}`. */
export function parseDsRef(raw: unknown, ctx: DsContext): DsRef {
  if (raw === null || raw === undefined) return { kind: 'default' };
  if (typeof raw === 'string') return fromText(raw, ctx);
  if (!isObj(raw)) return { kind: 'default' };
  const type = str(raw.type) ?? '';
  const uid = str(raw.uid) ?? '';
  if (uid === '-- Mixed --' || (type === 'datasource' && uid === '-- Mixed --'))
    return { kind: 'mixed' };
  if (uid === '-- Grafana --' || uid === 'grafana' || type === 'grafana')
    return { kind: 'other', label: '-- Grafana --' };
  if (uid === '-- Dashboard --') return { kind: 'other', label: '-- Dashboard --' };
  if (type !== '' && type !== 'datasource' && !isPromType(type) && !VAR_REF.test(uid))
    return { kind: 'other', label: type };
  if (uid === '') return { kind: 'default' };
  return fromText(uid, ctx);
}

/** True when targets under this reference can be Prometheus queries. */
export const isPromRef = (ref: DsRef): boolean => ref.kind !== 'other' && ref.kind !== 'mixed';

/**
 * A Prometheus reference → Scry's panel/variable `datasource` (a name or `$var`); undefined means
 * Scry's default datasource. Unresolvable references are reported once each.
 */
export function resolveDs(
  ref: DsRef,
  ctx: DsContext,
  notes: Notes,
  path: string,
): string | undefined {
  switch (ref.kind) {
    case 'var':
      return `$${ref.name}`;
    case 'input':
      if (ctx.defaultDatasource !== undefined) {
        notes.infoOnce(
          `input:${ref.name}`,
          path,
          `Import input \${${ref.name}} is mapped to datasource "${ctx.defaultDatasource}"`,
        );
        return ctx.defaultDatasource;
      }
      notes.infoOnce(
        `input:${ref.name}`,
        path,
        `Import input \${${ref.name}} uses Scry's default datasource`,
      );
      return undefined;
    case 'name': {
      const exact = ctx.names.find((n) => n === ref.name);
      if (exact !== undefined) return exact;
      const folded = ctx.names.find((n) => n.toLowerCase() === ref.name.toLowerCase());
      if (folded !== undefined) return folded;
      notes.infoOnce(
        `name:${ref.name}`,
        path,
        `Datasource "${ref.name}" is not configured in Scry; its panels use the default datasource`,
      );
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A short human description of a reference, for notes. */
export function describeDs(ref: DsRef): string {
  switch (ref.kind) {
    case 'default':
      return 'the default datasource';
    case 'var':
      return `$${ref.name}`;
    case 'input':
      return `\${${ref.name}}`;
    case 'name':
      return `"${ref.name}"`;
    case 'mixed':
      return '-- Mixed --';
    case 'other':
      return ref.label;
  }
}
