import { useEffect, useMemo, useState } from 'react';
import type { Panel } from '../model/dashboard';
import type { PanelData } from '../query/usePanelData';

type TransformModule = typeof import('./index');

// the transformations load with the first panel that has one: most dashboards have none
let loaded: TransformModule | undefined;
let loading: Promise<TransformModule> | undefined;

/**
 * The stage after the queries: the panel's enabled transformations applied to its named results
 * (src/transform). Without any, `data` itself. Problems are the panel's warnings (and
 * `transformProblems` for the editor); `table` panels (their plugin's instant query mode) get
 * table frames.
 */
export function useTransformed(panel: Panel, data: PanelData, table: boolean): PanelData {
  const list = panel.transformations;
  const active = list?.some((t) => t.disabled !== true) ?? false;
  const [mod, setMod] = useState(loaded);
  useEffect(() => {
    if (!active || mod) return;
    let live = true;
    (loading ??= import('./index'))
      .then((m) => {
        loaded = m;
        if (live) setMod(m);
      })
      .catch((e: unknown) => console.error('transformations failed to load', e));
    return () => {
      live = false;
    };
  }, [active, mod]);
  const reducer = typeof panel.options.reduce === 'string' ? panel.options.reduce : 'lastNotNull';
  const { results } = data;
  const out = useMemo(() => {
    if (!active || !mod) return undefined;
    try {
      return mod.applyTransformations(results, panel.targets, list, { table, reducer });
    } catch (e) {
      const message = `failed: ${e instanceof Error ? e.message : String(e)}`;
      return { results, problems: [{ index: -1, id: 'transformations', message }] };
    }
  }, [active, mod, results, panel.targets, list, table, reducer]);
  if (!active) return data;
  if (!out) return { ...data, results: [], state: data.state === 'error' ? 'error' : 'loading' };
  const texts = out.problems.map((p) =>
    p.index < 0 ? `Transformations ${p.message}` : mod!.problemText(p),
  );
  return {
    ...data,
    results: out.results,
    ...(out.table ? { table: out.table } : {}),
    warnings: [...data.warnings, ...texts],
    transformProblems: out.problems,
  };
}
