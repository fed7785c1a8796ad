/**
 * Dependencies between template variables (chained variables): which ones a variable references,
 * a resolution order, cycles, and what must refresh when one changes.
 */
import type { VariableType } from '../model/variable';
import { referencedNames } from './interpolate';

/** The parts of a variable definition that can reference other variables. */
export interface DependencyInput {
  name: string;
  type: VariableType;
  query?: string | undefined;
  datasource?: string | undefined;
  regex?: string | undefined;
}

/**
 * Names a variable references, in order of first use (built-ins and unknown names included):
 * query variables through query, datasource and regex; custom through query; datasource
 * variables through regex. Interval, constant and textbox never interpolate (like Grafana).
 */
export function referencedVariables(v: DependencyInput): string[] {
  const texts: (string | undefined)[] =
    v.type === 'query'
      ? [v.query, v.datasource, v.regex]
      : v.type === 'custom'
        ? [v.query]
        : v.type === 'datasource'
          ? [v.regex]
          : [];
  const out: string[] = [];
  for (const t of texts)
    for (const n of referencedNames(t ?? '')) if (!out.includes(n)) out.push(n);
  return out;
}

export interface DependencyGraph {
  /** variables in definition order (first definition of a duplicated name) */
  names: string[];
  /** direct dependencies on other defined variables */
  dependsOn: Record<string, string[]>;
  /** direct dependants */
  dependants: Record<string, string[]>;
  /** resolution order: dependencies first, otherwise definition order; excludes `errors` */
  order: string[];
  /** variables that cannot be resolved: in a cycle, depending on one, or a duplicate name */
  errors: Record<string, string>;
}

/** Builds the graph; never hangs on cycles (Kahn's algorithm, then cycle naming). */
export function buildDependencyGraph(vars: readonly DependencyInput[]): DependencyGraph {
  const names: string[] = [];
  const errors = Object.create(null) as Record<string, string>;
  const byName = new Map<string, DependencyInput>();
  for (const v of vars) {
    if (byName.has(v.name)) {
      errors[v.name] = `Variable "${v.name}" is defined more than once; the first one is used`;
      continue;
    }
    byName.set(v.name, v);
    names.push(v.name);
  }

  const dependsOn = Object.create(null) as Record<string, string[]>;
  const dependants = Object.create(null) as Record<string, string[]>;
  for (const n of names) dependants[n] = [];
  for (const n of names) {
    const deps = referencedVariables(byName.get(n)!).filter((d) => byName.has(d));
    dependsOn[n] = deps;
    for (const d of deps) dependants[d]!.push(n);
  }

  // Kahn's algorithm; among ready variables the earliest defined goes first.
  const position = new Map(names.map((n, i) => [n, i]));
  const waiting = new Map(names.map((n) => [n, dependsOn[n]!.length]));
  const ready = names.filter((n) => waiting.get(n) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const n = ready.shift()!;
    order.push(n);
    for (const d of dependants[n]!) {
      const left = waiting.get(d)! - 1;
      waiting.set(d, left);
      if (left === 0) ready.push(d);
    }
  }

  // Whatever is left is in a cycle or depends on one.
  const stuck = names.filter((n) => !order.includes(n));
  const cyclic = new Set<string>();
  for (const n of stuck) {
    const cycle = findCycle(n, dependsOn);
    if (cycle) {
      cyclic.add(n);
      errors[n] = `Circular dependency: ${cycle.map((c) => `$${c}`).join(' → ')}`;
    }
  }
  for (const n of stuck) {
    if (cyclic.has(n)) continue;
    const blocker =
      dependsOn[n]!.find((d) => cyclic.has(d)) ?? upstreamCyclic(n, dependsOn, cyclic);
    errors[n] = `Depends on $${blocker ?? '?'}, which has a circular dependency`;
  }
  return { names, dependsOn, dependants, order, errors };
}

/** The shortest dependency path from `start` back to itself, e.g. [a, b, a]; undefined if none. */
function findCycle(start: string, dependsOn: Record<string, string[]>): string[] | undefined {
  const previous = new Map<string, string>();
  const queue: string[] = [start];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const n = queue.shift()!;
    for (const d of dependsOn[n] ?? []) {
      if (d === start) {
        const path = [start];
        for (let p: string | undefined = n; p !== undefined && p !== start; p = previous.get(p))
          path.unshift(p);
        path.unshift(start);
        return path;
      }
      if (seen.has(d)) continue;
      seen.add(d);
      previous.set(d, n);
      queue.push(d);
    }
  }
  return undefined;
}

/** The nearest cyclic variable upstream of `start`. */
function upstreamCyclic(
  start: string,
  dependsOn: Record<string, string[]>,
  cyclic: Set<string>,
): string | undefined {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const d of dependsOn[queue.shift()!] ?? []) {
      if (cyclic.has(d)) return d;
      if (!seen.has(d)) {
        seen.add(d);
        queue.push(d);
      }
    }
  }
  return undefined;
}
