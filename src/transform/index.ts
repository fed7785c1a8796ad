/**
 * Grafana transformations at run time: a panel's named query results → Grafana-shaped frames →
 * each enabled transformation in order → results the panels read (series panels) or table
 * frames (table panels). A transformation that cannot apply is skipped with a message; the data
 * goes on as it was before it.
 */
import type { Target, Transformation } from '../model/dashboard';
import type { TargetResult } from '../query/usePanelData';
import { resultsFromFrames, seriesFrames, tableFrames, type DataFrame } from './frames';
import { TRANSFORMERS, TransformError } from './transformers';

export type { DataField, DataFrame } from './frames';

/** Why transformation `index` (its place in the panel's list) did not apply. */
export interface TransformProblem {
  index: number;
  id: string;
  message: string;
}

export interface Transformed {
  /** series panels: the transformed results; table panels: the input results, unchanged */
  results: TargetResult[];
  /** table panels: the transformed table frames */
  table?: DataFrame[];
  problems: TransformProblem[];
}

/** Whether Scry applies this transformation id. */
export const isSupportedTransformation = (id: string): boolean => id in TRANSFORMERS;

/** The transformations that run: enabled, in order, with their index in the panel's list. */
export const activeTransformations = (list: readonly Transformation[] | undefined) =>
  (list ?? []).map((t, index) => ({ t, index })).filter(({ t }) => t.disabled !== true);

export function applyTransformations(
  results: readonly TargetResult[],
  targets: readonly Pick<Target, 'refId' | 'legendFormat'>[],
  transformations: readonly Transformation[] | undefined,
  opts: { table: boolean; reducer: string },
): Transformed {
  // histograms (heatmaps) are not frames: those results pass through
  const data = results.filter((r) => !r.histograms);
  let frames = opts.table ? tableFrames(data, opts.reducer) : seriesFrames(data, targets);
  const problems: TransformProblem[] = [];
  for (const { t, index } of activeTransformations(transformations)) {
    const run = TRANSFORMERS[t.id];
    if (!run) {
      problems.push({ index, id: t.id, message: 'not supported by Scry, skipped' });
      continue;
    }
    try {
      frames = run(frames, t.options ?? {});
    } catch (e) {
      const message = e instanceof TransformError ? e.message : `failed: ${String(e)}`;
      problems.push({ index, id: t.id, message });
    }
  }
  if (opts.table) return { results: [...results], table: frames, problems };
  return {
    results: [...resultsFromFrames(frames, data), ...results.filter((r) => r.histograms)],
    problems,
  };
}

/** One line for the panel: "Transformation 2 (organize): no field named "x"". */
export const problemText = (p: TransformProblem): string =>
  `Transformation ${p.index + 1} (${p.id}): ${p.message}`;
