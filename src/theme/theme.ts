/**
 * Which theme a view shows: the user's choice (light, dark, or "system", which follows the
 * browser's `prefers-color-scheme`), overridden by the view's `&theme=` parameter. Pure: the DOM
 * side is `runtime.ts`.
 */

/** What the user chooses. */
export type ThemeChoice = 'light' | 'dark' | 'system';
/** What is drawn. */
export type ResolvedTheme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Where the preferences store (`state/preferences.ts`) keeps its JSON. */
export const PREFERENCES_KEY = 'scry.preferences';

/** `light`, `dark` or `system` (any case, trimmed) → the choice; anything else → null. */
export function parseThemeChoice(raw: string | null | undefined): ThemeChoice | null {
  const v = raw?.trim().toLowerCase();
  return v === 'light' || v === 'dark' || v === 'system' ? v : null;
}

/** The view's choice: a valid `&theme=` wins over the stored one; neither → system. */
export function viewThemeChoice(
  param: string | null | undefined,
  stored: ThemeChoice | null | undefined,
): ThemeChoice {
  return parseThemeChoice(param) ?? stored ?? 'system';
}

/** The theme drawn for a choice, given whether the browser prefers dark. */
export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): ResolvedTheme {
  if (choice === 'system') return prefersDark ? 'dark' : 'light';
  return choice;
}

/**
 * The stored choice from the preferences store's raw JSON (zustand's persist format,
 * `{"state":{"theme":…},"version":…}`), read before the store itself has loaded so the first
 * paint already has the right colours. Anything unreadable → null.
 */
export function storedThemeChoice(rawPreferences: string | null | undefined): ThemeChoice | null {
  if (!rawPreferences) return null;
  try {
    const parsed: unknown = JSON.parse(rawPreferences);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const state: unknown = (parsed as { state?: unknown }).state;
    if (typeof state !== 'object' || state === null) return null;
    const theme: unknown = (state as { theme?: unknown }).theme;
    return typeof theme === 'string' ? parseThemeChoice(theme) : null;
  } catch {
    return null;
  }
}

/** The `theme` parameter of a location hash (`#/d/x?theme=light`), or null. */
export function themeParamOfHash(hash: string): string | null {
  const q = hash.indexOf('?');
  return q >= 0 ? new URLSearchParams(hash.slice(q + 1)).get('theme') : null;
}
