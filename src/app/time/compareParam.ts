// Compare to the past on a dashboard: `&compare=1w` in the URL over the dashboard's saved setting
// (query/compare.ts), and how a choice in the toolbar is written (URL, or the dashboard in edit
// mode).
import { useMemo } from 'react';
import type { Dashboard } from '../../model/dashboard';
import { dashboardCompare, parseCompare, type CompareTo } from '../../query/compare';
import { updateParams, useRoute } from '../router';

/** The URL parameter. */
export const COMPARE_PARAM = 'compare';

/** The dashboard's comparison in force, and why the URL's value was not used (if so). */
export function useDashboardCompare(saved: string | undefined): {
  compare: CompareTo | null;
  error?: string;
} {
  const url = useRoute().params.get(COMPARE_PARAM);
  return useMemo(() => dashboardCompare(url, saved), [url, saved]);
}

/**
 * What choosing `value` ("off", "1w", "2d") changes. In edit mode it becomes the dashboard's
 * setting (saved with it; absent = off) and the URL parameter goes; otherwise only the URL says
 * it, and a choice equal to the saved setting leaves the URL clean. Undefined when `value`
 * does not parse.
 */
export function compareChoice(
  value: string,
  saved: string | undefined,
  editing: boolean,
): { saved: string | undefined; url: string | null } | undefined {
  const c = parseCompare(value);
  if (c && 'error' in c) return undefined;
  const text = c ? c.text : 'off';
  if (editing) return { saved: c ? c.text : undefined, url: null };
  const savedText = parseCompare(saved ?? '');
  const same = savedText && !('error' in savedText) ? savedText.text === text : text === 'off';
  return { saved, url: same ? null : text };
}

/** Applies a choice (see compareChoice); false when `value` is not a valid offset. */
export function chooseCompare(
  value: string,
  dashboard: Pick<Dashboard, 'compare'>,
  editing: boolean,
  onChange: (fn: (d: Dashboard) => Dashboard) => void,
): boolean {
  const next = compareChoice(value, dashboard.compare, editing);
  if (!next) return false;
  if (next.saved !== dashboard.compare)
    onChange((cur) => {
      const { compare: _old, ...rest } = cur;
      return next.saved === undefined ? rest : { ...rest, compare: next.saved };
    });
  updateParams({ [COMPARE_PARAM]: next.url });
  return true;
}
