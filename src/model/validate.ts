import { z } from 'zod';
import { DASHBOARD_VERSION, dashboardSchema, type Dashboard } from './dashboard';
import { checkJsonDepth, checkTextSize } from './limits';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * Migration steps, keyed by the version they upgrade *from*. Each step is pure and takes the
 * raw JSON of version N to version N+1. Empty while only version 1 exists.
 */
const migrations: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

/** Upgrades a raw Scry dashboard object to the current version (or says why it cannot). */
export function migrate(raw: Record<string, unknown>): ParseResult<Record<string, unknown>> {
  const version = raw.scry;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      errors: [`scry: expected the format version (a whole number ≥ 1), got ${describe(version)}`],
    };
  }
  if (version > DASHBOARD_VERSION) {
    return {
      ok: false,
      errors: [
        `scry: this dashboard is format version ${version}, made by a newer Scry; this one reads up to ${DASHBOARD_VERSION}`,
      ],
    };
  }
  let current = raw;
  for (let v = version; v < DASHBOARD_VERSION; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, errors: [`scry: no migration from version ${v}`] };
    current = { ...step(current), scry: v + 1 };
  }
  return { ok: true, value: current };
}

/** Parses JSON text, reporting the line and column of a syntax error. */
export function parseJsonText(text: string): ParseResult<unknown> {
  if (text.trim() === '') return { ok: false, errors: ['Invalid JSON: the text is empty'] };
  const tooBig = checkTextSize(text);
  if (tooBig) return { ok: false, errors: [tooBig] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const found = jsonErrorOffset(text);
    const offset = found ?? Number(/position (\d+)/.exec(msg)?.[1] ?? NaN);
    if (Number.isFinite(offset)) {
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const col = offset - before.lastIndexOf('\n');
      const near = text.slice(offset, offset + 20).split('\n')[0] || 'end of text';
      return {
        ok: false,
        errors: [`Invalid JSON at line ${line}, column ${col} (near ${JSON.stringify(near)})`],
      };
    }
    return { ok: false, errors: [`Invalid JSON: ${msg}`] };
  }
}

/**
 * Offset of the first JSON syntax error, found by a small recursive-descent scan (V8's
 * JSON.parse messages do not always carry a position). Undefined when the scan finds none.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const str = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '') fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') str();
    else if (c === 't') lit('true');
    else if (c === 'f') lit('false');
    else if (c === 'n') lit('null');
    else num();
  };
  try {
    value();
    ws();
    return i < text.length ? i : undefined;
  } catch (at) {
    return typeof at === 'number' ? at : undefined;
  }
}

/** Validates (and migrates) a raw Scry dashboard object: every problem with its path. */
export function validateDashboard(raw: unknown): ParseResult<Dashboard> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [`Expected a dashboard object, got ${describe(raw)}`] };
  }
  const tooDeep = checkJsonDepth(raw);
  if (tooDeep) return { ok: false, errors: [tooDeep] };
  const migrated = migrate(raw as Record<string, unknown>);
  if (!migrated.ok) return migrated;
  const result = dashboardSchema.safeParse(migrated.value);
  if (result.success) {
    const dup = duplicatePanelIds(result.data);
    if (dup.length) return { ok: false, errors: dup };
    return { ok: true, value: result.data };
  }
  return { ok: false, errors: formatIssues(result.error.issues) };
}

function duplicatePanelIds(d: Dashboard): string[] {
  const seen = new Map<number, number>();
  const errors: string[] = [];
  d.panels.forEach((p, i) => {
    const first = seen.get(p.id);
    if (first !== undefined)
      errors.push(`panels[${i}].id: ${p.id} is already used by panels[${first}]`);
    else seen.set(p.id, i);
  });
  return errors;
}

/** `panels[2].gridPos.w: Too big: expected number to be <=24` */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string')
    return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v} ${typeof v === 'object' ? '' : String(v)}`.trim();
}
