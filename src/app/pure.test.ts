import { describe, expect, it } from 'vitest';
import { checkDashboardText } from '../import/checkText';
import { fileNameFor, dashboardJson } from './exportFile';
import { nextRefId } from './PanelEditor';
import { newDashboard } from './newDashboard';

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
