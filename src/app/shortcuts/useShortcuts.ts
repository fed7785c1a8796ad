import { useEffect, useRef } from 'react';
import { SequenceMatcher, chordOf, isTypingTarget, type ShortcutId } from './keys';

/** What a page does for a shortcut; returning false leaves the key to others (not handled). */
export type ShortcutHandlers = Partial<Record<ShortcutId, () => boolean | void>>;

// Registered handler sets, newest last: a shortcut goes to the newest set that handles it (an
// overlay's Escape before the dashboard's).
const layers: { current: ShortcutHandlers }[] = [];

/** Registers `handlers` while the calling component is mounted (always the latest ones). */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const layer = ref;
    layers.push(layer);
    return () => {
      const i = layers.indexOf(layer);
      if (i >= 0) layers.splice(i, 1);
    };
  }, []);
}

/**
 * The one key listener (window, capture phase: it sees keys before the page's own Escape
 * handlers, which leave prevented events alone). Keys typed into inputs, textareas, selects and
 * CodeMirror never reach it. Returns its removal.
 */
export function installShortcutListener(): () => void {
  const matcher = new SequenceMatcher();
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing || e.repeat) return;
    if (isTypingTarget(e.target as Element | null)) {
      matcher.reset();
      return;
    }
    const chord = chordOf(e);
    if (!chord) return;
    const shortcut = matcher.feed(chord, e.timeStamp);
    if (!shortcut) return;
    for (let i = layers.length - 1; i >= 0; i--) {
      const handler = layers[i]!.current[shortcut.id];
      if (handler && handler() !== false) {
        e.preventDefault();
        return;
      }
    }
  };
  window.addEventListener('keydown', onKey, true);
  return () => window.removeEventListener('keydown', onKey, true);
}
