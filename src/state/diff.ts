// A readable diff of two JSON values (two versions of a dashboard): one line per changed leaf,
// with its path. Arrays whose items all carry a numeric `id` (panels) are matched by id, so
// inserting a panel does not show every later panel as changed.

export interface DiffLine {
  /** `title`, `panels[id=2].targets[0].expr` */
  path: string;
  kind: 'changed' | 'added' | 'removed';
  before?: unknown;
  after?: unknown;
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const byId = (xs: unknown[]): Map<number, unknown> | null => {
  const m = new Map<number, unknown>();
  for (const x of xs) {
    if (!isObj(x) || typeof x.id !== 'number' || m.has(x.id)) return null;
    m.set(x.id, x);
  }
  return m;
};

const key = (path: string, k: string) =>
  /^[A-Za-z_$][\w$]*$/.test(k) ? (path ? `${path}.${k}` : k) : `${path}[${JSON.stringify(k)}]`;

/** The differences from `a` to `b`, in document order; `ignore` lists top-level keys to skip. */
export function diffJson(a: unknown, b: unknown, ignore: readonly string[] = []): DiffLine[] {
  const out: DiffLine[] = [];
  const walk = (x: unknown, y: unknown, path: string, depth: number) => {
    if (x === y) return;
    if (x === undefined) return void out.push({ path, kind: 'added', after: y });
    if (y === undefined) return void out.push({ path, kind: 'removed', before: x });
    if (depth < 64 && Array.isArray(x) && Array.isArray(y)) {
      const mx = byId(x);
      const my = mx && byId(y);
      if (mx && my) {
        for (const [id, v] of mx) walk(v, my.get(id), `${path}[id=${id}]`, depth + 1);
        for (const [id, v] of my)
          if (!mx.has(id)) walk(undefined, v, `${path}[id=${id}]`, depth + 1);
      } else
        for (let i = 0; i < Math.max(x.length, y.length); i++)
          walk(x[i], y[i], `${path}[${i}]`, depth + 1);
      return;
    }
    if (depth < 64 && isObj(x) && isObj(y)) {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
      for (const k of keys) {
        if (depth === 0 && ignore.includes(k)) continue;
        walk(
          Object.hasOwn(x, k) ? x[k] : undefined,
          Object.hasOwn(y, k) ? y[k] : undefined,
          key(path, k),
          depth + 1,
        );
      }
      return;
    }
    if (JSON.stringify(x) !== JSON.stringify(y))
      out.push({ path: path || '(root)', kind: 'changed', before: x, after: y });
  };
  walk(a, b, '', 0);
  return out;
}

/** A value as shown in a diff line: JSON, cut at `max` characters. */
export function showValue(v: unknown, max = 160): string {
  if (v === undefined) return '';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
