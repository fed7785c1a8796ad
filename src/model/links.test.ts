import { describe, expect, it } from 'vitest';
import {
  appendQuery,
  grafanaUrlFromScry,
  dashboardLinksFromGrafana,
  dashboardsWithTags,
  panelLinksFromGrafana,
  safeLinkHref,
  scryUrlFromGrafana,
} from './links';

describe('safeLinkHref', () => {
  it.each([
    'https://example.com/a?b=1',
    'http://example.com',
    'HTTPS://EXAMPLE.COM',
    '/d/abc?var-x=1',
    '#/d/abc?from=now-6h',
    'relative/page',
    '?q=1',
    '//example.com/x',
  ])('opens %s', (url) => expect(safeLinkHref(url)).toBe(url.trim()));

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:a@b.c',
    '',
    '   ',
  ])('refuses %j', (url) => expect(safeLinkHref(url)).toBeUndefined());
});

describe('appendQuery', () => {
  it('adds ? or &, encoded', () => {
    expect(appendQuery('https://x/y', [['var-a', 'b c&d']])).toBe('https://x/y?var-a=b%20c%26d');
    expect(appendQuery('https://x/y?z=1', [['a', '1']])).toBe('https://x/y?z=1&a=1');
    expect(appendQuery('https://x/y?', [['a', '1']])).toBe('https://x/y?a=1');
    expect(appendQuery('https://x/y', [])).toBe('https://x/y');
  });
  it('goes before a fragment, but inside Scry hash routes', () => {
    expect(appendQuery('https://x/y#top', [['a', '1']])).toBe('https://x/y?a=1#top');
    expect(appendQuery('#/d/abc', [['a', '1']])).toBe('#/d/abc?a=1');
    expect(appendQuery('https://s/#/d/abc?x=1', [['a', '1']])).toBe('https://s/#/d/abc?x=1&a=1');
  });
});

describe('scryUrlFromGrafana', () => {
  it('turns Grafana dashboard URLs into Scry routes', () => {
    expect(scryUrlFromGrafana('/d/abc-1/my-dash?orgId=1&var-x=$x')).toBe(
      '#/d/abc-1?orgId=1&var-x=$x',
    );
    expect(scryUrlFromGrafana('/grafana/d/abc')).toBe('#/d/abc');
    expect(scryUrlFromGrafana('d/abc')).toBe('#/d/abc');
    expect(scryUrlFromGrafana('./d/abc?var-pod=$__cell')).toBe('#/d/abc?var-pod=$__cell');
    expect(scryUrlFromGrafana('/d/')).toBe('/d/');
    expect(scryUrlFromGrafana('https://grafana.example.com/d/abc')).toBe(
      'https://grafana.example.com/d/abc',
    );
    expect(scryUrlFromGrafana('/dashboard/db/old-slug')).toBe('/dashboard/db/old-slug');
  });
  it('and back for the export', () => {
    expect(grafanaUrlFromScry('#/d/abc-1?orgId=1&var-x=$x')).toBe('/d/abc-1?orgId=1&var-x=$x');
    expect(grafanaUrlFromScry('#/d/abc')).toBe('/d/abc');
    expect(grafanaUrlFromScry('https://x/#/d/abc')).toBe('https://x/#/d/abc');
  });
});

describe('Grafana links', () => {
  it('panel and data links keep title, url and targetBlank', () => {
    expect(
      panelLinksFromGrafana([
        { title: 'Runbook', url: 'https://wiki/run?svc=${__field.labels.job}', targetBlank: true },
        { title: 'Other', url: '/d/xyz/other?${__url_time_range}' },
        { title: 'No url' },
        'junk',
      ]),
    ).toEqual([
      { title: 'Runbook', url: 'https://wiki/run?svc=${__field.labels.job}', targetBlank: true },
      { title: 'Other', url: '#/d/xyz?${__url_time_range}' },
    ]);
    expect(panelLinksFromGrafana(undefined)).toEqual([]);
  });

  it('dashboard links: both types, flags, tags; the rest named', () => {
    const { links, dropped } = dashboardLinksFromGrafana([
      {
        type: 'link',
        title: 'Docs',
        url: 'https://docs.example.com',
        tooltip: 'Read me',
        icon: 'doc',
        targetBlank: true,
        includeVars: false,
        keepTime: true,
        tags: [],
      },
      {
        type: 'dashboards',
        title: 'Related',
        tags: ['node', 3],
        asDropdown: true,
        includeVars: true,
      },
      { type: 'dashboard', title: 'Old', dashboard: 'Some title' },
      { type: 'link', title: 'Empty', url: '' },
    ]);
    expect(links).toEqual([
      {
        type: 'link',
        title: 'Docs',
        url: 'https://docs.example.com',
        tooltip: 'Read me',
        icon: 'doc',
        targetBlank: true,
        keepTime: true,
      },
      { type: 'dashboards', title: 'Related', tags: ['node'], asDropdown: true, includeVars: true },
    ]);
    expect(dropped).toEqual(['"Old" (type "dashboard" is not supported)', '"Empty" (no URL)']);
  });
});

describe('dashboardsWithTags', () => {
  const all = [
    { uid: 'b', title: 'Beta', tags: ['node', 'prod'] },
    { uid: 'a', title: 'Alpha', tags: ['node'] },
    { uid: 'c', title: 'Current', tags: ['node', 'prod'] },
    { uid: 'd', title: 'Delta', tags: [] },
  ];
  it('every tag must match; the current one is left out; by title', () => {
    expect(dashboardsWithTags(all, ['node'], 'c').map((d) => d.uid)).toEqual(['a', 'b']);
    expect(dashboardsWithTags(all, ['node', 'prod'], 'c').map((d) => d.uid)).toEqual(['b']);
    expect(dashboardsWithTags(all, [], 'c').map((d) => d.uid)).toEqual(['a', 'b', 'd']);
  });
});
