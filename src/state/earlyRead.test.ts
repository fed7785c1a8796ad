import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Loaded } from './db';

const reads: Loaded[] = [];
const listeners = new Set<(c: unknown) => void>();
vi.mock('./db', () => ({ loadAll: vi.fn(() => Promise.resolve(reads.shift())) }));
vi.mock('./channel', () => ({
  onChange: (fn: (c: unknown) => void) => {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
}));

const loaded = (n: number): Loaded => ({
  dashboards: [],
  datasources: [],
  history: { maxVersions: n } as unknown as Loaded['history'],
});

describe('the start-up read of IndexedDB', () => {
  beforeEach(() => {
    vi.resetModules();
    reads.length = 0;
    listeners.clear();
  });

  it('is taken once; without a start there is none', async () => {
    const { startEarlyRead, takeEarlyRead } = await import('./earlyRead');
    expect(takeEarlyRead()).toBeNull();
    reads.push(loaded(1));
    startEarlyRead();
    startEarlyRead(); // a second call does not read again
    const first = takeEarlyRead();
    expect(takeEarlyRead()).toBeNull();
    expect(await first).toEqual(loaded(1));
    expect(listeners.size).toBe(0); // it stopped following the other tabs
    const { loadAll } = await import('./db');
    expect(loadAll).toHaveBeenCalledTimes(1);
  });

  it('reads again when another tab committed while it ran (its commit is not missed)', async () => {
    const { startEarlyRead, takeEarlyRead } = await import('./earlyRead');
    reads.push(loaded(1), loaded(2));
    startEarlyRead();
    for (const l of listeners) l({ kind: 'datasources' });
    expect(await takeEarlyRead()).toEqual(loaded(2));
  });
});
