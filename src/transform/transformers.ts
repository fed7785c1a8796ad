/**
 * Grafana's transformations over data frames (frames.ts), by Grafana's id and options, with
 * Grafana's semantics (packages/grafana-data/src/transformations/transformers/*.ts): fields are
 * named by their display name; a row-wise calculation over several time series joins them on
 * time first (outer join). A transformation that cannot apply throws a TransformError saying why.
 */
import { isObj } from '../model/json';
import { normalizeReducerId, reduce, reducerOptions } from '../panels/shared/reducers';
import { fieldFrom, merge, outerJoin } from './join';
import { timeField, type DataField, type DataFrame } from './frames';

export class TransformError extends Error {}

type Options = Record<string, unknown>;
type Transformer = (frames: DataFrame[], options: Options) => DataFrame[];

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const record = (v: unknown): Record<string, unknown> => (isObj(v) ? v : {});
const numberField = (name: string, values: Float64Array, refId: string): DataField => ({
  name,
  type: 'number',
  values,
  refId,
});

/** Grafana's name of a reducer ("Mean", "Total", "Last *"). */
export const reducerName = (id: string): string =>
  reducerOptions.find((r) => r.id === normalizeReducerId(id))?.label ?? id;

function reducerId(raw: unknown, fallback: string): string {
  const id = typeof raw === 'string' ? raw : fallback;
  if (!normalizeReducerId(id)) throw new TransformError(`unknown reducer "${id}"`);
  return id;
}

/** Time series → one frame joined on time (Grafana's ensureColumns). */
function ensureColumns(frames: DataFrame[]): DataFrame[] {
  if (frames.length < 2 || !frames.every((f) => timeField(f))) return frames;
  return [outerJoin(frames, timeField)!];
}

/** `left`/`right` of a binary calculation: a field's values or a number, Grafana's both shapes. */
function operand(frame: DataFrame, raw: unknown, names: readonly string[]): Float64Array | string {
  let name: string | undefined;
  let fixed: string | undefined;
  if (typeof raw === 'string') {
    if (Number.isNaN(Number(raw)) || names.includes(raw)) name = raw;
    else fixed = raw;
  } else if (isObj(raw)) {
    const m = record(raw.matcher);
    if (typeof m.options === 'string') name = m.options;
    if (typeof raw.fixed === 'string' || typeof raw.fixed === 'number') fixed = String(raw.fixed);
  }
  if (name !== undefined) {
    const f = frame.fields.find((x) => x.name === name && x.type !== 'string');
    if (f) return f.values as Float64Array;
    if (fixed === undefined) return name;
  }
  const v = parseFloat(fixed ?? '');
  if (Number.isNaN(v)) return name ?? '';
  return new Float64Array(frame.length).fill(v);
}

const OPERATORS: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '^': (a, b) => a ** b,
};

const calculateField: Transformer = (frames, o) => {
  const mode = o.mode ?? 'reduceRow';
  const binary = record(o.binary);
  const reduceOpts = record(o.reduce);
  let name = typeof o.alias === 'string' && o.alias ? o.alias : '';
  let creator: (f: DataFrame) => Float64Array | undefined;
  if (mode === 'reduceRow') {
    const reducer = reducerId(reduceOpts.reducer, 'sum');
    const include = strings(reduceOpts.include);
    const pick = (x: DataField) =>
      x.type === 'number' && (include.length === 0 || include.includes(x.name));
    if (include.length && !frames.some((f) => f.fields.some(pick)))
      throw new TransformError(`no field named ${include.map((n) => `"${n}"`).join(', ')}`);
    name ||= reducerName(reducer);
    creator = (f) => {
      const cols = f.fields.filter(pick).map((x) => x.values as Float64Array);
      const row = new Float64Array(cols.length);
      return Float64Array.from({ length: f.length }, (_, i) => {
        cols.forEach((c, j) => (row[j] = c[i]!));
        return reduce(row, reducer);
      });
    };
  } else if (mode === 'binary') {
    const op = OPERATORS[typeof binary.operator === 'string' ? binary.operator : '+'];
    if (!op) throw new TransformError(`unknown operator "${String(binary.operator)}"`);
    const label = (v: unknown) =>
      typeof v === 'string'
        ? v
        : String(record(record(v).matcher).options ?? record(v).fixed ?? '');
    name ||= `${label(binary.left)} ${String(binary.operator ?? '+')} ${label(binary.right)}`;
    const names = frames.flatMap((f) => f.fields.map((x) => x.name));
    const missingNames = new Set<string>();
    creator = (f) => {
      const l = operand(f, binary.left, names);
      const r = operand(f, binary.right, names);
      if (typeof l === 'string' || typeof r === 'string') {
        for (const m of [l, r]) if (typeof m === 'string') missingNames.add(m);
        return undefined;
      }
      return Float64Array.from({ length: f.length }, (_, i) => op(l[i]!, r[i]!));
    };
    const out = calculate(binaryFixed(binary) ? frames : ensureColumns(frames), o, name, creator);
    if (out.every((f, i) => f === frames[i]) && missingNames.size)
      throw new TransformError(
        `no field named ${[...missingNames].map((n) => `"${n}"`).join(', ')}`,
      );
    return out;
  } else throw new TransformError(`mode "${String(mode)}" is not supported`);
  return calculate(o.timeSeries === false ? frames : ensureColumns(frames), o, name, creator);
};

const binaryFixed = (b: Record<string, unknown>) =>
  isObj(b.right) ? b.right.fixed != null : false;

function calculate(
  frames: DataFrame[],
  o: Options,
  name: string,
  creator: (f: DataFrame) => Float64Array | undefined,
): DataFrame[] {
  return frames.flatMap((f) => {
    const values = creator(f);
    if (!values) return o.replaceFields ? [] : [f];
    const field = numberField(name, values, f.refId);
    const time = timeField(f);
    const fields = o.replaceFields
      ? time && o.timeSeries !== false
        ? [time, field]
        : [field]
      : [...f.fields, field];
    return [{ ...f, fields }];
  });
}

/** The row times of a frame whose time field may be dropped next. */
const keepRowTimes = (f: DataFrame): Pick<DataFrame, 'rowTimes'> => {
  const t = (timeField(f)?.values as Float64Array | undefined) ?? f.rowTimes;
  return t ? { rowTimes: t } : {};
};

const organize: Transformer = (frames, o) => {
  const exclude = record(o.excludeByName);
  const include = record(o.includeByName);
  const includes = Object.values(include).some((v) => v === true);
  const index = record(o.indexByName);
  const rename = record(o.renameByName);
  const at = (n: string) => (typeof index[n] === 'number' ? (index[n] as number) : Infinity);
  return frames.map((f) => ({
    ...f,
    ...keepRowTimes(f),
    fields: f.fields
      .filter((x) => exclude[x.name] !== true && (!includes || include[x.name] === true))
      .map((x, i) => ({ x, i }))
      .sort((a, b) => at(a.x.name) - at(b.x.name) || a.i - b.i)
      .map(({ x }) => {
        const to = rename[x.name];
        return typeof to === 'string' && to !== '' ? { ...x, name: to } : x;
      }),
  }));
};

/** Grafana's stringToJsRegex: `/re/flags`, else the whole name must match. */
function jsRegex(s: string): RegExp {
  const m = /^\/(.*)\/([gimsuy]*)$/.exec(s);
  try {
    return m ? new RegExp(m[1]!, m[2]) : new RegExp(`^${s}$`);
  } catch (e) {
    throw new TransformError(`bad regex "${s}": ${(e as Error).message}`);
  }
}

const renameByRegex: Transformer = (frames, o) => {
  if (typeof o.regex !== 'string' || !o.regex) return frames;
  const re = jsRegex(o.regex);
  const to = typeof o.renamePattern === 'string' ? o.renamePattern : '';
  return frames.map((f) => ({
    ...f,
    fields: f.fields.map((x) => {
      re.lastIndex = 0;
      return re.test(x.name) ? { ...x, name: x.name.replace(re, to) } : x;
    }),
  }));
};

const labelsToFields: Transformer = (frames, o) => {
  const valueLabel = typeof o.valueLabel === 'string' ? o.valueLabel : undefined;
  const keep = strings(o.keepLabels);
  const out = frames.map((f) => ({
    ...f,
    fields: f.fields.flatMap((x): DataField[] => {
      if (!x.labels || x.type === 'string') return [x];
      let name = 'Value';
      const added: DataField[] = [];
      for (const [k, v] of Object.entries(x.labels)) {
        if (k === valueLabel) name = v;
        else if (!keep.length || keep.includes(k))
          added.push({ name: k, type: 'string', values: new Array<string>(f.length).fill(v) });
      }
      const { labels: _drop, ...rest } = x;
      return [...added, { ...rest, name }];
    }),
  }));
  return merge(out);
};

const groupBy: Transformer = (frames, o) => {
  const fields = record(o.fields);
  const op = (n: string) => record(fields[n]).operation;
  const keys = Object.keys(fields).filter((n) => op(n) === 'groupby');
  if (!keys.length) return frames;
  return frames.flatMap((f) => {
    const by = f.fields.filter((x) => keys.includes(x.name));
    if (!by.length) return [];
    const groups = new Map<string, number[]>();
    for (let i = 0; i < f.length; i++) {
      const k = JSON.stringify(by.map((x) => x.values[i] ?? null));
      const g = groups.get(k);
      if (g) g.push(i);
      else groups.set(k, [i]);
    }
    const rows = [...groups.values()];
    const out: DataField[] = by.map((x) =>
      fieldFrom(
        x,
        rows.map((r) => x.values[r[0]!]),
      ),
    );
    for (const x of f.fields) {
      const opts = record(fields[x.name]);
      const calcs = opts.operation === 'count' ? ['count'] : strings(opts.aggregations);
      if (opts.operation !== 'aggregate' && opts.operation !== 'count') continue;
      for (const c of calcs) {
        const id = reducerId(c, c);
        const values = Float64Array.from(rows, (r) =>
          x.type === 'string' && id === 'count'
            ? r.length
            : reduce(
                r.map((i) => Number(x.values[i] ?? NaN)),
                id,
              ),
        );
        out.push(numberField(`${x.name} (${c})`, values, f.refId));
      }
    }
    return [{ refId: f.refId, fields: out, length: rows.length }];
  });
};

type SortKey = { field: string; desc: boolean };

const sortBy: Transformer = (frames, o) => {
  const sort: SortKey[] = (Array.isArray(o.sort) ? o.sort : []).flatMap((s) =>
    isObj(s) && typeof s.field === 'string' ? [{ field: s.field, desc: s.desc === true }] : [],
  );
  if (!sort.length) return frames;
  const collator = new Intl.Collator('en', { numeric: true });
  return frames.map((f) => {
    const cols = sort.flatMap((s) => {
      const x = f.fields.find((y) => y.name === s.field);
      return x ? [{ x, desc: s.desc }] : [];
    });
    if (!cols.length) return f;
    const order = Array.from({ length: f.length }, (_, i) => i).sort((a, b) => {
      for (const { x, desc } of cols) {
        const va = x.values[a];
        const vb = x.values[b];
        const ma = va === undefined || Number.isNaN(va);
        const mb = vb === undefined || Number.isNaN(vb);
        if (ma || mb) {
          if (ma !== mb) return ma ? 1 : -1;
          continue;
        }
        const c =
          typeof va === 'number' && typeof vb === 'number'
            ? va - vb
            : collator.compare(String(va), String(vb));
        if (c) return desc ? -c : c;
      }
      return a - b;
    });
    const { rowTimes: _reordered, ...rest } = f;
    return {
      ...rest,
      fields: f.fields.map((x) =>
        fieldFrom(
          x,
          order.map((i) => x.values[i]),
        ),
      ),
    };
  });
};

const reduceTransform: Transformer = (frames, o) => {
  const ids = strings(o.reducers).map((r) => reducerId(r, r));
  if (!ids.length) throw new TransformError('no calculation chosen');
  if (o.mode === 'reduceFields')
    return frames.map((f) => ({
      ...f,
      length: 1,
      fields: f.fields.flatMap((x) =>
        x.type !== 'number'
          ? []
          : ids.map((id) => ({
              ...x,
              name: ids.length > 1 ? `${x.name} ${reducerName(id)}` : x.name,
              values: Float64Array.of(reduce(x.values, id)),
            })),
      ),
    }));
  const numbers = frames.flatMap((f) => f.fields.filter((x) => x.type === 'number'));
  return [
    {
      refId: frames[0]?.refId ?? '',
      length: numbers.length,
      fields: [
        { name: 'Field', type: 'string', values: numbers.map((x) => x.name) },
        ...ids.map((id) =>
          numberField(
            reducerName(id),
            Float64Array.from(numbers, (x) => reduce(x.values as Float64Array, id)),
            frames[0]?.refId ?? '',
          ),
        ),
      ],
    },
  ];
};

function nameMatcher(v: unknown): ((n: string) => boolean) | undefined {
  if (!isObj(v)) return undefined;
  const names = strings(v.names);
  const re = typeof v.pattern === 'string' && v.pattern ? jsRegex(v.pattern) : undefined;
  return (n) => names.includes(n) || (re?.test(n) ?? false);
}

const filterFieldsByName: Transformer = (frames, o) => {
  const inc = nameMatcher(o.include);
  const exc = nameMatcher(o.exclude);
  return frames.map((f) => ({
    ...f,
    ...keepRowTimes(f),
    fields: f.fields.filter((x) => (!inc || inc(x.name)) && !(exc && exc(x.name))),
  }));
};

const seriesToColumns: Transformer = (frames, o) => {
  const by = typeof o.byField === 'string' && o.byField ? o.byField : undefined;
  const joined = outerJoin(frames, (f) =>
    by ? f.fields.find((x) => x.name === by) : timeField(f),
  );
  if (!joined) throw new TransformError(`no field named "${by ?? 'Time'}" to join on`);
  return [joined];
};

/** The transformations Scry applies, by Grafana id. */
export const TRANSFORMERS: Readonly<Record<string, Transformer>> = {
  calculateField,
  organize,
  renameByRegex,
  labelsToFields,
  groupBy,
  merge: (frames) => merge(frames),
  sortBy,
  reduce: reduceTransform,
  filterFieldsByName,
  seriesToColumns,
  joinByField: seriesToColumns,
};
