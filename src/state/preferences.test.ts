// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { storedThemeChoice } from '../theme/theme';
import { RECENT_MAX, usePreferences } from './preferences';

describe('preferences', () => {
  beforeEach(() => usePreferences.setState({ starred: [], recent: [] }));
  it('stars and unstars', () => {
    usePreferences.getState().toggleStar('a');
    usePreferences.getState().toggleStar('b');
    usePreferences.getState().toggleStar('a');
    expect(usePreferences.getState().starred).toEqual(['b']);
  });
  it('keeps the recently viewed newest first, once each, at most RECENT_MAX', () => {
    const { recordView } = usePreferences.getState();
    for (let i = 0; i < RECENT_MAX + 5; i++) recordView(`d${i}`, i);
    recordView('d10', 100);
    const recent = usePreferences.getState().recent;
    expect(recent).toHaveLength(RECENT_MAX);
    expect(recent[0]).toEqual({ uid: 'd10', atMs: 100 });
    expect(recent.filter((r) => r.uid === 'd10')).toHaveLength(1);
    expect(recent.map((r) => r.uid)).not.toContain('d0');
  });
  it('forgets a deleted dashboard', () => {
    usePreferences.getState().toggleStar('x');
    usePreferences.getState().recordView('x');
    usePreferences.getState().forget('x');
    expect(usePreferences.getState()).toMatchObject({ starred: [], recent: [] });
  });
  it('remembers the theme choice where the first paint reads it', () => {
    usePreferences.getState().setTheme('light');
    expect(usePreferences.getState().theme).toBe('light');
    expect(storedThemeChoice(localStorage.getItem('scry.preferences'))).toBe('light');
    usePreferences.getState().setTheme('system');
    expect(storedThemeChoice(localStorage.getItem('scry.preferences'))).toBe('system');
  });
  it('reads a stored theme that is not a choice as system', async () => {
    localStorage.setItem(
      'scry.preferences',
      JSON.stringify({ state: { starred: ['s'], recent: [], theme: 'neon' }, version: 1 }),
    );
    await usePreferences.persist.rehydrate();
    expect(usePreferences.getState()).toMatchObject({ starred: ['s'], theme: 'system' });
  });
});
