import { lazy, Suspense, useEffect, useState } from 'react';
import { currentRoute, navigate } from '../router';
import { installShortcutListener, useShortcuts } from './useShortcuts';

// the list itself (and its styles) loads when `?` first opens it
const ShortcutsHelp = lazy(() => import('./ShortcutsList'));

/** Focuses the dashboard search on the dashboard list (HomePage's `search` parameter). */
function openSearch() {
  const box = document.querySelector<HTMLInputElement>('[data-testid="dashboard-search"]');
  if (currentRoute().path === '/' && box) box.focus();
  else navigate('/', { search: '1' });
}

/**
 * The app-wide shortcuts: installs the key listener, `?` opens the list of shortcuts, Ctrl/Cmd+K
 * the dashboard search. Pages add their own with useShortcuts.
 */
export default function GlobalShortcuts() {
  const [open, setOpen] = useState(false);
  useEffect(installShortcutListener, []);
  useShortcuts({ help: () => setOpen((o) => !o), search: openSearch });
  return open ? (
    <Suspense fallback={null}>
      <ShortcutsHelp onClose={() => setOpen(false)} />
    </Suspense>
  ) : null;
}
