// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

/** A prefers-color-scheme query whose answer the test changes, firing "change" like a browser. */
function fakeMedia(dark: boolean) {
  const listeners = new Set<() => void>();
  const mq = {
    matches: dark,
    addEventListener: (_: string, cb: () => void) => listeners.add(cb),
    removeEventListener: (_: string, cb: () => void) => listeners.delete(cb),
  };
  window.matchMedia = (() => mq) as unknown as typeof matchMedia;
  return (next: boolean) => {
    mq.matches = next;
    for (const cb of listeners) cb();
  };
}

describe('the page theme', () => {
  it('marks <html>, follows the browser live under "system", and tells subscribers', async () => {
    vi.resetModules();
    const setDark = fakeMedia(true);
    const rt = await import('./runtime');
    const colors = await import('../units/colors');
    const seen: string[] = [];
    rt.subscribeTheme(() => seen.push(rt.currentTheme()));

    rt.applyThemeChoice('system');
    expect(document.documentElement.dataset.theme).toBe('dark');
    setDark(false);
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(colors.colorTheme()).toBe('light');
    expect(colors.resolveColor('green')).toBe('#56A64B');

    // an explicit choice ignores the browser
    rt.applyThemeChoice('dark');
    setDark(false);
    setDark(true);
    setDark(false);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.dataset.themeChoice).toBe('dark');
    expect(seen).toEqual(['dark', 'light', 'dark']);
  });

  it('starts from the address, else the stored choice', async () => {
    vi.resetModules();
    fakeMedia(true);
    localStorage.setItem('scry.preferences', JSON.stringify({ state: { theme: 'light' } }));
    location.hash = '#/d/x';
    const rt = await import('./runtime');
    rt.applyInitialTheme();
    expect(document.documentElement.dataset.theme).toBe('light');
    location.hash = '#/d/x?theme=dark';
    rt.applyInitialTheme();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('gives data colours as text the contrast the panel background needs', async () => {
    vi.resetModules();
    fakeMedia(false);
    const rt = await import('./runtime');
    document.documentElement.style.removeProperty('--panel');
    rt.applyThemeChoice('light');
    // no stylesheet: unchanged
    expect(rt.dataTextColor('#56A64B')).toBe('#56A64B');
    document.documentElement.style.setProperty('--panel', '#ffffff');
    rt.applyThemeChoice('dark');
    rt.applyThemeChoice('light');
    expect(rt.dataTextColor('#56A64B')).not.toBe('#56A64B');
    expect(rt.dataTextColor('#56A64B', true)).toBe('#56A64B');
  });
});
