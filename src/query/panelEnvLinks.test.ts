import { describe, expect, it } from 'vitest';
import type { QueryEnv } from './env';
import { panelEnv } from './panelEnv';

const env: QueryEnv = {
  fromMs: Date.UTC(2026, 0, 1, 0),
  toMs: Date.UTC(2026, 0, 1, 6),
  nowMs: Date.UTC(2026, 0, 1, 6),
  timeZone: 'utc',
  datasource: () => ({ error: 'none' }),
  scope: {},
  dashboard: { uid: 'u', title: 't' },
  rawRange: { from: 'now-6h', to: 'now' },
};

describe('panelEnv and links', () => {
  it("a panel's own range drops the page's typed range (links carry the panel's, in ms)", () => {
    expect(panelEnv({}, env).env).toBe(env);
    const own = panelEnv({ timeFrom: '1h' }, env).env;
    expect(own.fromMs).toBe(Date.UTC(2026, 0, 1, 5));
    expect(own.rawRange).toBeUndefined();
  });
});
