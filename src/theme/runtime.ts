/**
 * The theme in the page: `data-theme="light|dark"` on `<html>` (the CSS tokens in
 * `src/app/app.css` follow it), "system" following `prefers-color-scheme` live, and the token
 * values for what CSS cannot style (uPlot's canvas), re-read when the theme changes.
 */
import { useSyncExternalStore } from 'react';
import { setColorTheme } from '../units/colors';
import { readableOn } from './contrast';
import {
  PREFERENCES_KEY,
  resolveTheme,
  storedThemeChoice,
  themeParamOfHash,
  viewThemeChoice,
  type ResolvedTheme,
  type ThemeChoice,
} from './theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

let choice: ThemeChoice = 'system';
let drawn: ResolvedTheme | null = null;
let media: MediaQueryList | null = null;
const listeners = new Set<() => void>();
const tokenCache = new Map<string, string>();

function prefersDark(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return true;
  if (!media) {
    media = window.matchMedia(DARK_QUERY);
    // "system" follows the browser while the page is open
    media.addEventListener?.('change', apply);
  }
  return media.matches;
}

function apply(): void {
  const next = resolveTheme(choice, prefersDark());
  if (typeof document !== 'undefined') {
    const root = document.documentElement;
    if (root.dataset.theme !== next) root.dataset.theme = next;
    root.dataset.themeChoice = choice;
  }
  if (next === drawn) return;
  drawn = next;
  setColorTheme(next);
  tokenCache.clear();
  for (const cb of [...listeners]) cb();
}

/** Shows `c` (re-resolved whenever the browser's preference changes while it is "system"). */
export function applyThemeChoice(c: ThemeChoice): void {
  choice = c;
  apply();
}

/**
 * The first paint's theme, before the app (and its preferences store) has loaded: the address's
 * `&theme=`, else the stored choice, else system.
 */
export function applyInitialTheme(): void {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(PREFERENCES_KEY);
  } catch {
    // storage blocked: the default applies
  }
  applyThemeChoice(viewThemeChoice(themeParamOfHash(location.hash), storedThemeChoice(stored)));
}

/** The theme drawn now. */
export function currentTheme(): ResolvedTheme {
  if (drawn === null) apply();
  return drawn ?? 'dark';
}

/** Calls `cb` after every change of the drawn theme; returns the unsubscription. */
export function subscribeTheme(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** The drawn theme; re-renders when it changes. */
export function useTheme(): ResolvedTheme {
  return useSyncExternalStore(subscribeTheme, currentTheme, () => 'dark');
}

/**
 * The value of a CSS custom property (`--chart-axis`) of the current theme, read once per theme
 * with getComputedStyle; `fallback` where there is no stylesheet (unit tests).
 */
export function themeToken(name: `--${string}`, fallback = ''): string {
  currentTheme();
  const cached = tokenCache.get(name);
  if (cached !== undefined) return cached;
  const value =
    typeof document === 'undefined'
      ? ''
      : getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const v = value || fallback;
  tokenCache.set(name, v);
  return v;
}

/**
 * A data colour used as text on a panel, made readable on the theme's panel background (WCAG AA:
 * 4.5:1, 3:1 for `large` text); unchanged where there is no stylesheet (unit tests).
 */
export function dataTextColor(color: string, large = false): string {
  const panel = themeToken('--panel');
  return panel ? readableOn(color, panel, large ? 3 : 4.5) : color;
}
