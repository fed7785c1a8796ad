// Limits for dashboard JSON read from outside (import, paste, URL, backup, provisioning) and
// the keys that must never become property assignments. A dashboard beyond these limits is
// refused with a message naming the place, before anything is converted or stored: a
// 10 000-level `options` once passed validation and then broke every later save (JSON.stringify
// ran out of stack).

/** Deepest nesting of objects/arrays accepted in a dashboard (Grafana's own stay below 20). */
export const MAX_JSON_DEPTH = 64;

/** Largest dashboard JSON text accepted, in bytes (UTF-16 code units, close enough). */
export const MAX_DASHBOARD_BYTES = 10 * 1024 * 1024;

/** Keys that would reach an object's prototype when assigned with `obj[key] = …`. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** True for `__proto__`, `constructor` and `prototype`. */
export const isUnsafeKey = (key: string): boolean => UNSAFE_KEYS.has(key);

/** "1.5 MB" */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** An error for text larger than the limit, else null. */
export function checkTextSize(text: string, what = 'The dashboard JSON'): string | null {
  return text.length > MAX_DASHBOARD_BYTES
    ? `${what} is ${formatBytes(text.length)}; Scry accepts at most ${formatBytes(MAX_DASHBOARD_BYTES)}`
    : null;
}

const pathPart = (key: string | number, first: boolean): string =>
  typeof key === 'number'
    ? `[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? first
        ? key
        : `.${key}`
      : `[${JSON.stringify(key)}]`;

/**
 * The first place where `value` nests deeper than `maxDepth`, as an error naming it
 * (`panels[0].options.a.a…: nested deeper than 64 levels`), or null. Iterative, so a value of any
 * depth is checked without exhausting the stack.
 */
export function checkJsonDepth(value: unknown, maxDepth = MAX_JSON_DEPTH): string | null {
  // Only objects and arrays are visited; each knows its parent, so the path is built only for
  // the error (a 10 000-panel dashboard has ~200 000 values: no path copy per value).
  type Node = { v: object; depth: number; key: string | number; parent: Node | null };
  if (typeof value !== 'object' || value === null) return null;
  const stack: Node[] = [{ v: value, depth: 0, key: '', parent: null }];
  while (stack.length) {
    const node = stack.pop()!;
    const { v, depth } = node;
    if (depth >= maxDepth) {
      const path: (string | number)[] = [];
      for (let n: Node | null = node; n?.parent; n = n.parent) path.push(n.key);
      path.reverse();
      const shown = path.length > 12 ? [...path.slice(0, 6), '…', ...path.slice(-3)] : path;
      const where = shown
        .map((k, i) => (k === '…' ? '…' : pathPart(k, i === 0)))
        .join('')
        .replace('….', '…');
      return `${where || '(root)'}: nested deeper than ${maxDepth} levels (Scry accepts at most ${maxDepth})`;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const c: unknown = v[i];
        if (typeof c === 'object' && c !== null)
          stack.push({ v: c, depth: depth + 1, key: i, parent: node });
      }
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const c = (v as Record<string, unknown>)[keys[i]!];
        if (typeof c === 'object' && c !== null)
          stack.push({ v: c, depth: depth + 1, key: keys[i]!, parent: node });
      }
    }
  }
  return null;
}
