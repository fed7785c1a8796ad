import { useMemo } from 'react';
import type { PanelViewProps } from '../types';
import { displayValues, type DisplayValue } from './display';
import './shared.css';

/**
 * The one-value-per-series pipeline of stat, gauge and bar gauge: the panel's results reduced,
 * named, formatted and coloured (see displayValues), recomputed only when the data, targets,
 * field config or reducer change — not on every resize.
 */
export function useDisplayValues(
  { panel, data }: Pick<PanelViewProps, 'panel' | 'data'>,
  reducer: string,
  limit: number,
): { values: DisplayValue[]; total: number } {
  const { targets, fieldConfig } = panel;
  return useMemo(
    () => displayValues({ results: data.results, targets, fieldConfig, reducer, limit }),
    [data.results, targets, fieldConfig, reducer, limit],
  );
}

/** The "Showing N of M values" note when displayValues' limit cut values off. */
export function ValueLimit({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return (
    <div className="panel-warning value-limit" data-testid="series-limit">
      Showing {shown} of {total} values
    </div>
  );
}
