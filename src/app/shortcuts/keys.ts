// Keyboard shortcuts as data, and the pure logic that turns key presses into them: chords
// ("t", "mod+s", "ArrowLeft"), Grafana-style sequences ("t z", "p d") with a time limit between
// keys, and the rule that nothing fires while the user is typing. The React side
// (useShortcuts.ts) only feeds key events in and calls the handler a page registered.

export type ShortcutId =
  | 'help'
  | 'search'
  | 'save'
  | 'escape'
  | 'zoomOut'
  | 'zoomOutMod'
  | 'shiftBack'
  | 'shiftForward'
  | 'refresh'
  | 'kiosk'
  | 'settings'
  | 'editPanel'
  | 'viewPanel'
  | 'duplicatePanel'
  | 'removePanel';

export interface Shortcut {
  id: ShortcutId;
  /** the chords to press one after the other */
  keys: readonly string[];
  /** what it does, for the help overlay */
  label: string;
  group: 'Global' | 'Dashboard' | 'Time range' | 'Focused panel';
}

/** Every shortcut, in the help overlay's order. */
export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'help', keys: ['?'], label: 'Show this list of shortcuts', group: 'Global' },
  { id: 'search', keys: ['mod+k'], label: 'Search dashboards', group: 'Global' },
  {
    id: 'escape',
    keys: ['Escape'],
    label: 'Leave kiosk mode, panel view or settings; close this list',
    group: 'Global',
  },
  { id: 'save', keys: ['mod+s'], label: 'Save the dashboard', group: 'Dashboard' },
  { id: 'refresh', keys: ['d', 'r'], label: 'Refresh every panel', group: 'Dashboard' },
  {
    id: 'kiosk',
    keys: ['d', 'k'],
    label: 'Kiosk mode: hide the top bar and toolbar (Esc leaves)',
    group: 'Dashboard',
  },
  { id: 'settings', keys: ['d', 's'], label: 'Dashboard settings', group: 'Dashboard' },
  { id: 'zoomOut', keys: ['t', 'z'], label: 'Zoom out (twice the span)', group: 'Time range' },
  { id: 'zoomOutMod', keys: ['mod+z'], label: 'Zoom out', group: 'Time range' },
  {
    id: 'shiftBack',
    keys: ['t', 'ArrowLeft'],
    label: 'Move the range back by its span',
    group: 'Time range',
  },
  {
    id: 'shiftForward',
    keys: ['t', 'ArrowRight'],
    label: 'Move the range forward by its span',
    group: 'Time range',
  },
  {
    id: 'editPanel',
    keys: ['e'],
    label: 'Edit the panel under the pointer',
    group: 'Focused panel',
  },
  {
    id: 'viewPanel',
    keys: ['v'],
    label: 'View it full screen (again: back)',
    group: 'Focused panel',
  },
  { id: 'duplicatePanel', keys: ['p', 'd'], label: 'Duplicate it', group: 'Focused panel' },
  { id: 'removePanel', keys: ['p', 'r'], label: 'Remove it', group: 'Focused panel' },
];

/** The parts of a KeyboardEvent the logic reads. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * The chord a key press stands for: "mod+s" for Ctrl+S or Cmd+S, a single character as typed
 * ("?", "t"), named keys as the browser names them ("Escape", "ArrowLeft"). Null for modifier keys
 * alone and for Alt combinations (they type characters on many layouts).
 */
export function chordOf(e: KeyLike): string | null {
  if (['Control', 'Meta', 'Shift', 'Alt', 'AltGraph', 'CapsLock'].includes(e.key)) return null;
  if (e.altKey) return null;
  if (e.ctrlKey || e.metaKey) return `mod+${e.key.length === 1 ? e.key.toLowerCase() : e.key}`;
  return e.key;
}

/** The parts of an event target the typing rule reads (an Element in the browser). */
export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
  closest?: (selector: string) => unknown;
}

const NOT_TEXT = new Set([
  'button',
  'checkbox',
  'radio',
  'submit',
  'reset',
  'range',
  'color',
  'file',
]);

/** Whether keys pressed on this target are typing: text inputs, textareas, selects, CodeMirror. */
export function isTypingTarget(t: TargetLike | null | undefined): boolean {
  if (!t) return false;
  const tag = (t.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NOT_TEXT.has((t.type ?? 'text').toLowerCase());
  if (t.isContentEditable) return true;
  return !!t.closest?.('.cm-editor, [contenteditable="true"]');
}

/**
 * Matches chords against sequences. Keys of one sequence must follow within `timeoutMs`; a key
 * that continues no sequence starts over (so "x t z" still zooms out).
 */
export class SequenceMatcher {
  private buffer: string[] = [];
  private lastMs = -Infinity;

  constructor(
    private readonly shortcuts: readonly Shortcut[] = SHORTCUTS,
    private readonly timeoutMs = 1500,
  ) {}

  /** Feeds one chord; returns the shortcut it completes, if any. */
  feed(chord: string, nowMs: number): Shortcut | null {
    if (nowMs - this.lastMs > this.timeoutMs) this.buffer = [];
    this.lastMs = nowMs;
    for (const candidate of [[...this.buffer, chord], [chord]]) {
      const done = this.shortcuts.find((s) => sameKeys(s.keys, candidate));
      if (done) {
        this.buffer = [];
        return done;
      }
      if (this.shortcuts.some((s) => isPrefix(candidate, s.keys))) {
        this.buffer = candidate;
        return null;
      }
    }
    this.buffer = [];
    return null;
  }

  /** Whether a sequence is under way (its next key should not reach anything else). */
  get pending(): boolean {
    return this.buffer.length > 0;
  }

  reset(): void {
    this.buffer = [];
  }
}

const sameKeys = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((k, i) => k === b[i]);
const isPrefix = (p: readonly string[], of: readonly string[]) =>
  p.length < of.length && p.every((k, i) => k === of[i]);

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
};

/** How a chord is written for people: "Ctrl+S" (or "⌘S" on a Mac), "←", "Esc". */
export function chordLabel(chord: string, mac = false): string {
  const key = chord.startsWith('mod+') ? chord.slice(4) : chord;
  const name = KEY_NAMES[key] ?? key;
  if (!chord.startsWith('mod+')) return name;
  return mac ? `⌘${name.toUpperCase()}` : `Ctrl+${name.toUpperCase()}`;
}
