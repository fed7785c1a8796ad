/**
 * Links, the pure parts every layer shares: which URLs may be opened, adding query parameters to
 * a URL (Scry's `#/d/…?` routes included), Grafana's links → Scry's, and the stored dashboards a
 * `dashboards` link lists. Interpolation lives in `panels/shared/links.ts`.
 */
import type { DashboardLink, PanelLink } from './dashboard';
import { arr, bool, isObj, str } from './json';

/** Any base will do: it only resolves relative URLs so that their scheme can be read. */
const BASE = 'https://scry.invalid/';

/**
 * The URL when it may be opened from a link: http(s) or relative (which stays on Scry's own
 * origin). `javascript:`, `data:`, `vbscript:`, `file:` … are refused, however they are spelled
 * (case, tabs and newlines inside the scheme, leading spaces and control characters): the URL is
 * parsed exactly as the browser will parse the `href`.
 */
export function safeLinkHref(url: string): string | undefined {
  const href = url.trim();
  if (href === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(href, BASE);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? href : undefined;
}

/**
 * `url` with query parameters added: before a `#fragment`, or inside Scry's own hash routes
 * (`#/d/uid?…`), where the query lives in the fragment. Names and values are percent-encoded.
 */
export function appendQuery(url: string, params: readonly (readonly [string, string])[]): string {
  if (params.length === 0) return url;
  const query = params
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return appendRawQuery(url, query);
}

/** `url` with an already encoded query string (`a=1&b=2`) added, as {@link appendQuery} does. */
export function appendRawQuery(url: string, query: string): string {
  if (query === '') return url;
  const hash = url.indexOf('#');
  const scryRoute = hash >= 0 && url[hash + 1] === '/';
  const [head, tail] = hash < 0 || scryRoute ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const sep = !head.includes('?') ? '?' : /[?&]$/.test(head) ? '' : '&';
  return `${head}${sep}${query}${tail}`;
}

/** Scry's own URL of a stored dashboard. */
export const dashboardHref = (uid: string): string => `#/d/${encodeURIComponent(uid)}`;

/**
 * A Grafana URL of a dashboard on the same Grafana (`/d/<uid>/<slug>?…`, `d/<uid>`, `./d/<uid>`,
 * with or without a sub-path before `d/`) → Scry's `#/d/<uid>?…`, so links between imported dashboards keep
 * working; anything else is kept as written.
 */
export function scryUrlFromGrafana(url: string): string {
  const m =
    /^(?:\.{0,2}\/)?(?:[\w.-]+\/)*d\/([A-Za-z0-9_-]{1,40})(?:\/[^?#]*)?(\?[^#]*)?(#.*)?$/.exec(
      url.trim(),
    );
  if (!m) return url;
  return `${dashboardHref(m[1]!)}${m[2] ?? ''}`;
}

/** Scry's `#/d/<uid>?…` → Grafana's `/d/<uid>?…` (the export); anything else as written. */
export function grafanaUrlFromScry(url: string): string {
  const m = /^#\/d\/([A-Za-z0-9_-]{1,40})(\?.*)?$/.exec(url.trim());
  return m ? `/d/${m[1]!}${m[2] ?? ''}` : url;
}

type PanelLinkInput = Omit<PanelLink, 'title'> & { title?: string };

/**
 * Grafana panel links (`panel.links`) or data links (`fieldConfig.defaults.links`, also
 * Grafana 6's `options.fieldOptions.defaults.links`) → Scry's: title, url (a Grafana dashboard
 * URL made Scry's), targetBlank. Entries without a URL are left out.
 */
export function panelLinksFromGrafana(raw: unknown): PanelLinkInput[] {
  const out: PanelLinkInput[] = [];
  for (const l of arr(raw)) {
    if (!isObj(l)) continue;
    const url = str(l.url)?.trim();
    if (!url) continue;
    const link: PanelLinkInput = { title: str(l.title) ?? '', url: scryUrlFromGrafana(url) };
    if (l.targetBlank === true) link.targetBlank = true;
    out.push(link);
  }
  return out;
}

type DashboardLinkInput = Partial<DashboardLink>;

/**
 * Grafana dashboard links (`dashboard.links`) → Scry's; what was not carried over is described
 * in `dropped` (the importer's notes). Grafana ≤ 5's `dashboard` type (one dashboard by
 * title) is not supported: Scry has no search by title.
 */
export function dashboardLinksFromGrafana(raw: unknown): {
  links: DashboardLinkInput[];
  dropped: string[];
} {
  const links: DashboardLinkInput[] = [];
  const dropped: string[] = [];
  arr(raw).forEach((l, i) => {
    if (!isObj(l)) return;
    const type = str(l.type);
    const title = str(l.title) ?? '';
    const name = title || `link ${i + 1}`;
    if (type !== 'link' && type !== 'dashboards') {
      dropped.push(`"${name}" (type "${type ?? '?'}" is not supported)`);
      return;
    }
    const link: DashboardLinkInput = { type, title };
    const url = str(l.url)?.trim() ?? '';
    if (type === 'link') {
      if (!url) {
        dropped.push(`"${name}" (no URL)`);
        return;
      }
      link.url = scryUrlFromGrafana(url);
    }
    const tooltip = str(l.tooltip);
    if (tooltip) link.tooltip = tooltip;
    const icon = str(l.icon);
    if (icon) link.icon = icon;
    const tags = arr(l.tags).filter((t): t is string => typeof t === 'string');
    if (tags.length) link.tags = tags;
    for (const key of ['asDropdown', 'targetBlank', 'includeVars', 'keepTime'] as const) {
      if (bool(l[key]) === true) link[key] = true;
    }
    links.push(link);
  });
  return { links, dropped };
}

/** What a `dashboards` link needs to know of a stored dashboard. */
export interface LinkableDashboard {
  uid: string;
  title: string;
  tags: readonly string[];
}

/**
 * The dashboards a `dashboards` link lists: those carrying every one of `tags` (Grafana's tag
 * search; no tags = every dashboard), the current one left out, by title.
 */
export function dashboardsWithTags<D extends LinkableDashboard>(
  all: readonly D[],
  tags: readonly string[],
  currentUid: string,
): D[] {
  return all
    .filter((d) => d.uid !== currentUid && tags.every((t) => d.tags.includes(t)))
    .sort((a, b) => a.title.localeCompare(b.title) || a.uid.localeCompare(b.uid));
}
