/**
 * Joins and merges of data frames, as Grafana's `joinByField` (outer join: the union of the key
 * values, missing cells null) and `merge` (rows whose common fields agree become one row).
 */
import type { DataField, DataFrame } from './frames';

type Cell = number | string | undefined;

const cellAt = (f: DataField, i: number): Cell => f.values[i];
const missing = (v: Cell) => v === undefined || (typeof v === 'number' && Number.isNaN(v));

/** A field of `type`/`name` (labels, refId kept) holding `cells`. */
export function fieldFrom(proto: DataField, cells: readonly Cell[], name = proto.name): DataField {
  const base = {
    name,
    ...(proto.labels ? { labels: proto.labels } : {}),
    ...(proto.refId !== undefined ? { refId: proto.refId } : {}),
  };
  if (proto.type === 'string')
    return { ...base, type: 'string', values: cells.map((c) => (c === undefined ? c : String(c))) };
  return {
    ...base,
    type: proto.type,
    values: Float64Array.from(cells, (c) =>
      typeof c === 'number' ? c : c === undefined ? NaN : Number(c),
    ),
  };
}

const sameKeys = (a: DataField, b: DataField) =>
  a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);

/**
 * Outer join of frames on the field `key` picks in each (frames without one are left out): one
 * key column (sorted when numeric) and every other field of every frame in order.
 */
export function outerJoin(
  frames: readonly DataFrame[],
  key: (f: DataFrame) => DataField | undefined,
): DataFrame | undefined {
  const parts = frames.flatMap((f) => {
    const k = key(f);
    return k ? [{ f, k }] : [];
  });
  const first = parts[0];
  if (!first) return undefined;
  // the usual case: every series on the same step grid
  if (parts.every((p) => sameKeys(p.k, first.k)))
    return {
      refId: first.f.refId,
      length: first.f.length,
      fields: [first.k, ...parts.flatMap((p) => p.f.fields.filter((x) => x !== p.k))],
    };
  const keys = [...new Set(parts.flatMap((p) => [...p.k.values]))].filter((v) => !missing(v));
  if (keys.every((k) => typeof k === 'number')) (keys as number[]).sort((a, b) => a - b);
  const row = new Map(keys.map((k, i) => [k, i]));
  const fields: DataField[] = [fieldFrom(first.k, keys)];
  for (const { f, k } of parts) {
    const at = Array.from(k.values, (v: Cell) => (v === undefined ? undefined : row.get(v)));
    for (const x of f.fields) {
      if (x === k) continue;
      const cells: Cell[] = new Array<Cell>(keys.length).fill(undefined);
      at.forEach((r, i) => {
        if (r !== undefined) cells[r] = cellAt(x, i);
      });
      fields.push(fieldFrom(x, cells));
    }
  }
  return { refId: first.f.refId, length: keys.length, fields };
}

/**
 * Grafana's merge: fields by name; the fields every frame has are the row key; a row joins an
 * earlier one of the same key when no value they both have differs.
 */
export function merge(frames: readonly DataFrame[]): DataFrame[] {
  if (frames.length <= 1) return [...frames];
  const data = frames.filter((f) => f.fields.length > 0);
  const names: string[] = [];
  const protos = new Map<string, DataField>();
  for (const f of data)
    for (const x of f.fields)
      if (!protos.has(x.name)) {
        protos.set(x.name, x);
        names.push(x.name);
      }
  const keyNames = names.filter((n) => data.every((f) => f.fields.some((x) => x.name === n)));
  if (keyNames.length === 0) return [...frames];
  const groups = new Map<string, Record<string, Cell>[]>();
  const order: Record<string, Cell>[] = [];
  for (const f of data) {
    for (let i = 0; i < f.length; i++) {
      const value: Record<string, Cell> = {};
      for (const x of f.fields) value[x.name] = cellAt(x, i);
      const key = JSON.stringify(keyNames.map((n) => value[n] ?? null));
      const same = groups.get(key);
      if (!same) {
        groups.set(key, [value]);
        order.push(value);
        continue;
      }
      const into = same.find((e) =>
        Object.keys(value).every((p) => missing(e[p]) || e[p] === value[p]),
      );
      if (into) {
        for (const [p, v] of Object.entries(value)) if (!missing(v) || !(p in into)) into[p] = v;
      } else {
        same.push(value);
        order.push(value);
      }
    }
  }
  return [
    {
      refId: data[0]?.refId ?? '',
      length: order.length,
      fields: names.map((n) =>
        fieldFrom(
          protos.get(n)!,
          order.map((r) => r[n]),
        ),
      ),
    },
  ];
}
