// Dashboard links' inputs from the app's state (pure): which variables travel in link URLs and
// which stored dashboards a `dashboards` link can list.
import type { Dashboard, DashboardLink } from '../../model/dashboard';
import { safeLinkHref, type LinkableDashboard } from '../../model/links';
import type { Variable } from '../../model/variable';

/** The variables links carry as `var-…` (as the page URL does): not constants, not skipUrlSync. */
export function linkVariables(variables: readonly Variable[]): string[] {
  return variables.filter((v) => !v.skipUrlSync && v.type !== 'constant').map((v) => v.name);
}

/** Every stored dashboard, the user's own copy winning over a provisioned one of the same uid. */
export function linkableDashboards(
  saved: Readonly<Record<string, { dashboard: Dashboard }>>,
  provisioned: Readonly<Record<string, { dashboard: Dashboard }>>,
): LinkableDashboard[] {
  const byUid = new Map<string, LinkableDashboard>();
  for (const s of [...Object.values(provisioned), ...Object.values(saved)]) {
    const { uid, title, tags } = s.dashboard;
    byUid.set(uid, { uid, title, tags });
  }
  return [...byUid.values()];
}

/** A new dashboard link as the settings add it (a literal: the zod schema stays out of the view). */
export function newDashboardLink(): DashboardLink {
  return {
    type: 'link',
    title: 'New link',
    url: 'https://',
    tooltip: '',
    tags: [],
    asDropdown: false,
    targetBlank: false,
    includeVars: false,
    keepTime: false,
  };
}

/**
 * Why a link's URL will never open (shown under it in the settings), or undefined. A URL whose
 * scheme comes from a variable is judged when it is opened.
 */
export function linkUrlProblem(url: string): string | undefined {
  const u = url.trim();
  if (u === '') return 'The link has no URL';
  if (/^(\$|\[\[)/.test(u)) return undefined;
  return safeLinkHref(u) === undefined
    ? 'Only http(s) and relative links open (not javascript:, data: …)'
    : undefined;
}
