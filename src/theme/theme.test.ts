import { describe, expect, it } from 'vitest';
import {
  parseThemeChoice,
  resolveTheme,
  storedThemeChoice,
  themeParamOfHash,
  viewThemeChoice,
} from './theme';

describe('theme choice', () => {
  it('reads the three choices and nothing else', () => {
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice(' Dark ')).toBe('dark');
    expect(parseThemeChoice('system')).toBe('system');
    expect(parseThemeChoice('blue')).toBeNull();
    expect(parseThemeChoice('')).toBeNull();
    expect(parseThemeChoice(null)).toBeNull();
  });

  it('lets a valid &theme= win over the stored choice, else the stored one, else system', () => {
    expect(viewThemeChoice('light', 'dark')).toBe('light');
    expect(viewThemeChoice('nonsense', 'dark')).toBe('dark');
    expect(viewThemeChoice(null, 'light')).toBe('light');
    expect(viewThemeChoice(null, null)).toBe('system');
  });

  it('resolves system by the browser preference, the others as they are', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('reads the stored choice from the preferences JSON, ignoring anything malformed', () => {
    expect(storedThemeChoice('{"state":{"theme":"light","starred":[]},"version":2}')).toBe('light');
    expect(storedThemeChoice('{"state":{"starred":[]},"version":1}')).toBeNull();
    expect(storedThemeChoice('{"state":{"theme":"purple"}}')).toBeNull();
    expect(storedThemeChoice('{"state":{"theme":7}}')).toBeNull();
    expect(storedThemeChoice('{"state":null}')).toBeNull();
    expect(storedThemeChoice('not json')).toBeNull();
    expect(storedThemeChoice(null)).toBeNull();
  });

  it('finds the theme parameter in a hash route', () => {
    expect(themeParamOfHash('#/d/abc?from=now-6h&theme=light')).toBe('light');
    expect(themeParamOfHash('#/explore?theme=dark')).toBe('dark');
    expect(themeParamOfHash('#/d/abc')).toBeNull();
    expect(themeParamOfHash('')).toBeNull();
  });
});
