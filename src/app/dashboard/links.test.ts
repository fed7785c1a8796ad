import { describe, expect, it } from 'vitest';
import { dashboardLinkSchema, type Dashboard } from '../../model/dashboard';
import { variableSchema } from '../../model/variable';
import { linkableDashboards, linkUrlProblem, linkVariables, newDashboardLink } from './links';

describe('linkVariables', () => {
  it('leaves out constants and skipUrlSync variables', () => {
    const vars = [
      { name: 'job', type: 'query', query: 'label_values(job)' },
      { name: 'k', type: 'constant', query: 'x' },
      { name: 'hidden', type: 'custom', query: 'a,b', skipUrlSync: true },
      { name: 'env', type: 'custom', query: 'a,b' },
    ].map((v) => variableSchema.parse(v));
    expect(linkVariables(vars)).toEqual(['job', 'env']);
  });
});

describe('linkableDashboards', () => {
  const d = (uid: string, title: string, tags: string[]) => ({
    dashboard: { uid, title, tags } as unknown as Dashboard,
  });
  it('own copies win over provisioned ones', () => {
    expect(
      linkableDashboards(
        { a: d('a', 'Mine', ['x']) },
        { a: d('a', 'Provisioned', []), b: d('b', 'B', ['x']) },
      ),
    ).toEqual([
      { uid: 'a', title: 'Mine', tags: ['x'] },
      { uid: 'b', title: 'B', tags: ['x'] },
    ]);
  });
});

describe('link settings', () => {
  it('a new link is a valid link, as the schema fills it', () => {
    const link = newDashboardLink();
    expect(dashboardLinkSchema.parse(link)).toEqual(link);
    expect(dashboardLinkSchema.parse({ title: 'New link', url: 'https://' })).toEqual(link);
  });
  it('names URLs that will never open', () => {
    expect(linkUrlProblem('https://x/$job')).toBeUndefined();
    expect(linkUrlProblem('/d/abc')).toBeUndefined();
    expect(linkUrlProblem('${base}/x')).toBeUndefined();
    expect(linkUrlProblem(' ')).toBe('The link has no URL');
    expect(linkUrlProblem('javascript:alert(1)')).toMatch(/Only http\(s\) and relative/);
    expect(linkUrlProblem('data:text/html,x')).toMatch(/Only http/);
  });
});
