import { describe, expect, it } from 'vitest';
import { validateDraft } from './pages/DatasourcesPage';
import { checkDashboardText } from '../import/checkText';
import { fileNameFor, dashboardJson } from './exportFile';
import { nextRefId } from './PanelEditor';
import { newDashboard } from './newDashboard';

const draft = {
  name: 'p',
  url: 'http://127.0.0.1:9090',
  scrapeInterval: '15s',
  headers: [],
  maxConcurrent: 6,
};

describe('validateDraft', () => {
  it.each([
    [{ ...draft, name: ' ' }, 'Name: required'],
    [{ ...draft, url: 'ftp://x' }, 'URL: must start with http:// or https://'],
    [{ ...draft, url: 'localhost:9090' }, 'URL: must start with http:// or https://'],
    [{ ...draft, url: 'nope' }, 'URL: not a valid absolute URL (e.g. http://127.0.0.1:9090)'],
    [{ ...draft, scrapeInterval: '15' }, 'Scrape interval: a duration like 15s or 1m'],
    [{ ...draft, timeout: '5 sec' }, 'Query timeout: a duration like 60s or 2m'],
  ])('refuses %j', (d, msg) => expect(validateDraft(d, [])).toBe(msg));
  it('refuses a duplicate name and accepts a good draft', () => {
    const other = { ...draft, id: 'x', isDefault: true };
    expect(validateDraft(draft, [other])).toBe('Name: "p" is already used');
    expect(validateDraft(draft, [])).toBeNull();
  });
});

describe('checkDashboardText', () => {
  it('accepts exported JSON and round-trips it byte for byte', () => {
    const d = newDashboard('Round');
    const r = checkDashboardText(dashboardJson(d), 'x');
    expect(r.ok).toBe(true);
    if (r.ok) expect(dashboardJson(r.dashboard)).toBe(dashboardJson(d));
  });
  it('says where the JSON breaks', () => {
    const r = checkDashboardText('{"scry": 1,\n"uid": }', 'file.json');
    expect(r).toMatchObject({ ok: false, source: 'file.json' });
    if (!r.ok) expect(r.errors[0]).toMatch(/^Invalid JSON at line 2, column 8/);
  });
});

describe('small helpers', () => {
  it('names export files after the title', () => {
    expect(fileNameFor({ ...newDashboard('My Board: prod!'), uid: 'u1' })).toBe(
      'my-board-prod.json',
    );
    expect(fileNameFor({ ...newDashboard('!!!'), uid: 'u1' })).toBe('u1.json');
  });
  it('picks the next free refId', () => {
    expect(nextRefId([{ refId: 'A' }, { refId: 'C' }])).toBe('B');
  });
});
