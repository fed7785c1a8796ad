import { describe, expect, it } from 'vitest';
import type { Dashboard, Panel } from '../model/dashboard';
import { newDashboard } from './newDashboard';
import {
  panelTitles,
  searchDashboards,
  tagCounts,
  type ListEntry,
  type ListQuery,
} from './dashboardList';

const panel = (id: number, title: string, extra: Partial<Panel> = {}): Panel =>
  ({
    id,
    type: 'timeseries',
    title,
    description: '',
    gridPos: { x: 0, y: id, w: 12, h: 8 },
    targets: [],
    fieldConfig: { unit: 'short' },
    options: {},
    ...extra,
  }) as Panel;

function entry(
  uid: string,
  title: string,
  tags: string[],
  panels: Panel[],
  savedAt = 0,
): ListEntry {
  const d: Dashboard = { ...newDashboard(), uid, title, tags, panels };
  return { dashboard: d, savedAt };
}

const entries = [
  entry(
    'node',
    'Node exporter',
    ['linux', 'infra'],
    [panel(1, 'CPU busy'), panel(2, 'Memory')],
    30,
  ),
  entry(
    'api',
    'API overview',
    ['service'],
    [panel(1, 'Request rate'), panel(2, 'Latency p99')],
    20,
  ),
  entry(
    'cat',
    'Is it a cat?',
    ['demo', 'service'],
    [
      panel(1, 'Verdicts'),
      panel(9, 'Folded', { type: 'row', panels: [panel(10, 'Heap size')] } as Partial<Panel>),
    ],
    10,
  ),
];
const none = { starred: new Set<string>(), viewedAt: new Map<string, number>() };
const q = (over: Partial<ListQuery>): ListQuery => ({
  text: '',
  tags: [],
  starredOnly: false,
  sort: 'title',
  ...over,
});
const uids = (over: Partial<ListQuery>, prefs = none) =>
  searchDashboards(entries, q(over), prefs).map((h) => h.entry.dashboard.uid);

describe('searchDashboards', () => {
  it('lists everything by title without a query', () => {
    expect(uids({})).toEqual(['api', 'cat', 'node']);
    expect(uids({ sort: 'title-desc' })).toEqual(['node', 'cat', 'api']);
  });
  it('finds by title, by tag and by panel title, every word somewhere', () => {
    expect(uids({ text: 'node' })).toEqual(['node']);
    expect(uids({ text: 'LINUX' })).toEqual(['node']);
    expect(uids({ text: 'latency' })).toEqual(['api']);
    expect(uids({ text: 'service rate' })).toEqual(['api']);
    expect(uids({ text: 'nothing-like-this' })).toEqual([]);
  });
  it('finds panels inside collapsed rows and says which panel matched', () => {
    const [hit] = searchDashboards(entries, q({ text: 'heap' }), none);
    expect(hit?.entry.dashboard.uid).toBe('cat');
    expect(hit?.panelMatches).toEqual(['Heap size']);
    expect(searchDashboards(entries, q({ text: 'cat' }), none)[0]?.panelMatches).toEqual([]);
  });
  it('filters by every selected tag', () => {
    expect(uids({ tags: ['service'] })).toEqual(['api', 'cat']);
    expect(uids({ tags: ['service', 'demo'] })).toEqual(['cat']);
  });
  it('puts starred first, can show only them, and sorts by views, saves and size', () => {
    const prefs = {
      starred: new Set(['node']),
      viewedAt: new Map([
        ['cat', 5],
        ['api', 9],
      ]),
    };
    expect(uids({}, prefs)).toEqual(['node', 'api', 'cat']);
    expect(uids({ starredOnly: true }, prefs)).toEqual(['node']);
    expect(uids({ sort: 'recent' }, { ...prefs, starred: new Set() })).toEqual([
      'api',
      'cat',
      'node',
    ]);
    expect(uids({ sort: 'saved' })).toEqual(['node', 'api', 'cat']);
    expect(uids({ sort: 'panels' })).toEqual(['cat', 'api', 'node']);
  });
  it('ranks title matches above tag and panel matches', () => {
    const more = [...entries, entry('svc', 'Service map', [], [])];
    expect(
      searchDashboards(more, q({ text: 'service' }), none).map((h) => h.entry.dashboard.uid),
    ).toEqual(['svc', 'api', 'cat']);
  });
});

describe('tagCounts and panelTitles', () => {
  it('counts tags, most used first', () => {
    expect(tagCounts(entries)).toEqual([
      { tag: 'service', count: 2 },
      { tag: 'demo', count: 1 },
      { tag: 'infra', count: 1 },
      { tag: 'linux', count: 1 },
    ]);
  });
  it('walks into rows', () => {
    expect(panelTitles(entries[2]!.dashboard.panels)).toEqual(['Verdicts', 'Folded', 'Heap size']);
  });
});
