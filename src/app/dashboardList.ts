// The dashboard list's search, tag filter and sort, as plain functions over what the list shows:
// instant (no index to build), local (starred and recently viewed come from the preferences).
import type { Dashboard, Panel } from '../model/dashboard';

export interface ListEntry {
  dashboard: Dashboard;
  /** epoch ms of the last save (0 for provisioned dashboards) */
  savedAt: number;
  provisioned?: boolean;
}

export type SortKey = 'title' | 'title-desc' | 'recent' | 'saved' | 'panels';

export const SORTS: readonly { key: SortKey; label: string }[] = [
  { key: 'title', label: 'Title A–Z' },
  { key: 'title-desc', label: 'Title Z–A' },
  { key: 'recent', label: 'Recently viewed' },
  { key: 'saved', label: 'Last saved' },
  { key: 'panels', label: 'Most panels' },
];

export interface ListQuery {
  /** free text: every word must appear in the title, a tag or a panel title */
  text: string;
  /** every one of these tags (exact, case-insensitive) */
  tags: readonly string[];
  starredOnly: boolean;
  sort: SortKey;
}

export interface ListPrefs {
  starred: ReadonlySet<string>;
  /** uid → epoch ms of the last view */
  viewedAt: ReadonlyMap<string, number>;
}

export interface ListHit<E extends ListEntry = ListEntry> {
  entry: E;
  starred: boolean;
  /** panel titles that matched a word (shown under the title) */
  panelMatches: string[];
}

/** Every panel title of a dashboard, including panels inside collapsed rows. */
export function panelTitles(panels: readonly Panel[]): string[] {
  const out: string[] = [];
  for (const p of panels) {
    if (p.title.trim()) out.push(p.title);
    const inner = (p as { panels?: unknown }).panels;
    if (Array.isArray(inner)) out.push(...panelTitles(inner as Panel[]));
  }
  return out;
}

const fold = (s: string) => s.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
const words = (text: string) => fold(text).split(/\s+/).filter(Boolean);

/**
 * The entries matching the query, starred first among equals, in the chosen order. A word matches
 * the title, a tag or a panel title (substring, case and accent insensitive).
 */
export function searchDashboards<E extends ListEntry>(
  entries: readonly E[],
  q: ListQuery,
  prefs: ListPrefs,
): ListHit<E>[] {
  const ws = words(q.text);
  const wanted = q.tags.map(fold);
  const hits: (ListHit<E> & { titleHits: number })[] = [];
  for (const entry of entries) {
    const d = entry.dashboard;
    const starred = prefs.starred.has(d.uid);
    if (q.starredOnly && !starred) continue;
    const tags = d.tags.map(fold);
    if (!wanted.every((t) => tags.includes(t))) continue;
    const title = fold(d.title);
    const panels = panelTitles(d.panels);
    const foldedPanels = panels.map(fold);
    const panelMatches = new Set<string>();
    let titleHits = 0;
    let all = true;
    for (const w of ws) {
      const inTitle = title.includes(w);
      const inTag = tags.some((t) => t.includes(w));
      const inPanels = panels.filter((_, i) => foldedPanels[i]!.includes(w));
      if (inTitle) titleHits++;
      if (!inTitle && !inTag && inPanels.length === 0) {
        all = false;
        break;
      }
      if (!inTitle && !inTag) for (const p of inPanels) panelMatches.add(p);
    }
    if (!all) continue;
    hits.push({ entry, starred, panelMatches: [...panelMatches], titleHits });
  }
  type Hit = ListHit<E>;
  const byTitle = (a: Hit, b: Hit) =>
    a.entry.dashboard.title.localeCompare(b.entry.dashboard.title);
  const viewed = (h: Hit) => prefs.viewedAt.get(h.entry.dashboard.uid) ?? 0;
  const order: Record<SortKey, (a: Hit, b: Hit) => number> = {
    title: byTitle,
    'title-desc': (a, b) => -byTitle(a, b),
    recent: (a, b) => viewed(b) - viewed(a) || byTitle(a, b),
    saved: (a, b) => b.entry.savedAt - a.entry.savedAt || byTitle(a, b),
    panels: (a, b) =>
      panelTitles(b.entry.dashboard.panels).length - panelTitles(a.entry.dashboard.panels).length ||
      byTitle(a, b),
  };
  return hits
    .sort(
      (a, b) =>
        // a search puts title matches first; the chosen order decides among equals
        (ws.length ? b.titleHits - a.titleHits : 0) ||
        Number(b.starred) - Number(a.starred) ||
        order[q.sort](a, b),
    )
    .map(({ titleHits: _t, ...h }) => h);
}

/** All tags in use, with how many dashboards carry each, most used first. */
export function tagCounts(entries: readonly ListEntry[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of entries)
    for (const t of new Set(e.dashboard.tags)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
