// Pure helpers of the variable settings: a new variable, reordering, what blocks Apply.
import { variableSchema, type Variable } from '../../model/variable';

/** A fresh variable with a name not yet used. */
export function newVariable(existing: readonly Variable[]): Variable {
  let i = existing.length + 1;
  while (existing.some((v) => v.name === `var${i}`)) i++;
  return variableSchema.parse({ name: `var${i}`, type: 'query' });
}

/** Moves item `i` by `delta` places (no-op at the ends). */
export function moveItem<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** Problems with a variable being edited (empty = can be applied). */
export function variableProblems(v: Variable, others: readonly Variable[]): string[] {
  const out: string[] = [];
  const parsed = variableSchema.safeParse(v);
  if (!parsed.success)
    for (const i of parsed.error.issues) out.push(`${i.path.join('.')}: ${i.message}`);
  if (others.some((o) => o.name === v.name)) out.push(`name: "${v.name}" is already used`);
  if (v.name.startsWith('__')) out.push('name: names starting with __ are reserved (built-ins)');
  return out;
}
