import { badAnswer } from './errors';
import type { InstantResult, MatrixResult } from './types';

/** How a JSON value reads in a sentence: null, a number, an object, a list, a text. */
function what(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'missing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a text';
  return `a ${typeof v}`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `[<time>, "<value>"]`; a number instead of the string is read as that number. */
function isSample(p: unknown): boolean {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    (typeof p[1] === 'string' || typeof p[1] === 'number')
  );
}

function checkSeriesList(result: unknown, kind: 'matrix' | 'vector'): void {
  if (!Array.isArray(result))
    throw badAnswer(`"result" of a ${kind} is ${what(result)}, not a list of series`);
  for (let i = 0; i < result.length; i++) {
    const s: unknown = result[i];
    if (!isObject(s)) throw badAnswer(`series ${i + 1} of ${result.length} is ${what(s)}`);
    if (!isObject(s.metric))
      throw badAnswer(`series ${i + 1} has "metric" ${what(s.metric)}, not a set of labels`);
    if (kind === 'matrix') {
      const values = s.values;
      if (values === undefined) {
        if (s.histograms === undefined)
          throw badAnswer(`series ${i + 1} has neither "values" nor "histograms"`);
        continue;
      }
      if (!Array.isArray(values))
        throw badAnswer(`series ${i + 1} has "values" ${what(values)}, not a list of samples`);
      for (let j = 0; j < values.length; j++)
        if (!isSample(values[j]))
          throw badAnswer(`sample ${j + 1} of series ${i + 1} is not [time, "value"]`);
    } else if (s.value !== undefined && !isSample(s.value)) {
      throw badAnswer(`the sample of series ${i + 1} is not [time, "value"]`);
    } else if (s.value === undefined && s.histogram === undefined) {
      throw badAnswer(`series ${i + 1} has neither "value" nor "histogram"`);
    }
  }
}

function checkData(data: unknown): Record<string, unknown> {
  if (!isObject(data)) throw badAnswer(`"data" is ${what(data)}`);
  return data;
}

/** A query_range answer's data, checked deep enough that reading it cannot throw. */
export function checkMatrix(data: unknown): MatrixResult {
  const d = checkData(data);
  if (d.resultType !== 'matrix')
    throw badAnswer(`a range query must return a matrix, not ${JSON.stringify(d.resultType)}`);
  checkSeriesList(d.result, 'matrix');
  return d as unknown as MatrixResult;
}

/** An instant query's data (vector, matrix, scalar or string), checked. */
export function checkInstant(data: unknown): InstantResult {
  const d = checkData(data);
  switch (d.resultType) {
    case 'vector':
    case 'matrix':
      checkSeriesList(d.result, d.resultType);
      break;
    case 'scalar':
    case 'string':
      if (!isSample(d.result)) throw badAnswer(`a ${d.resultType} result is not [time, "value"]`);
      break;
    default:
      throw badAnswer(`unknown "resultType" ${JSON.stringify(d.resultType)}`);
  }
  return d as unknown as InstantResult;
}

/** Lists of names (labels, label values): every entry a text. */
export function checkNames(data: unknown): string[] {
  if (!Array.isArray(data)) throw badAnswer(`"data" is ${what(data)}, not a list of names`);
  for (let i = 0; i < data.length; i++)
    if (typeof data[i] !== 'string') throw badAnswer(`name ${i + 1} is ${what(data[i])}`);
  return data as string[];
}

/** /api/v1/series: a list of label sets. */
export function checkLabelSets(data: unknown): Record<string, string>[] {
  if (!Array.isArray(data)) throw badAnswer(`"data" is ${what(data)}, not a list of label sets`);
  for (let i = 0; i < data.length; i++)
    if (!isObject(data[i])) throw badAnswer(`label set ${i + 1} is ${what(data[i])}`);
  return data as Record<string, string>[];
}
