import { describe, expect, it } from 'vitest';
import { dashboardSchema } from '../model/dashboard';
import { newDashboard } from './newDashboard';

describe('newDashboard', () => {
  it('has the defaults a dashboard JSON without those fields gets from the schema', () => {
    const d = newDashboard('Fresh');
    const fromSchema = dashboardSchema.parse({ scry: 1, uid: d.uid, title: 'Fresh' });
    expect(d).toEqual(fromSchema);
    expect(d.time).toEqual({ from: 'now-6h', to: 'now' });
  });
});
