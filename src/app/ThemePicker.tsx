import { useEffect } from 'react';
import { usePreferences } from '../state/preferences';
import { applyThemeChoice } from '../theme/runtime';
import { parseThemeChoice, THEME_CHOICES, viewThemeChoice, type ThemeChoice } from '../theme/theme';
import { updateParams, type Route } from './router';

const LABELS: Record<ThemeChoice, string> = {
  system: 'System theme',
  light: 'Light theme',
  dark: 'Dark theme',
};

/** Shows the view's theme: the address's `&theme=` wins over the stored choice. */
export function useThemeSync(route: Route): void {
  const stored = usePreferences((s) => s.theme);
  const choice = viewThemeChoice(route.params.get('theme'), stored);
  useEffect(() => applyThemeChoice(choice), [choice]);
}

/**
 * The top bar's theme picker. A choice is remembered in the preferences; when the address
 * carries `&theme=`, that parameter follows the choice too (it would win over it otherwise).
 */
export default function ThemePicker({ route }: { route: Route }) {
  const stored = usePreferences((s) => s.theme);
  const setTheme = usePreferences((s) => s.setTheme);
  const value = viewThemeChoice(route.params.get('theme'), stored);
  return (
    <select
      className="theme-picker"
      aria-label="Theme"
      data-testid="theme-picker"
      value={value}
      onChange={(e) => {
        const next = parseThemeChoice(e.target.value);
        if (!next) return;
        setTheme(next);
        if (route.params.has('theme')) updateParams({ theme: next }, true);
      }}
    >
      {THEME_CHOICES.map((c) => (
        <option key={c} value={c}>
          {LABELS[c]}
        </option>
      ))}
    </select>
  );
}
