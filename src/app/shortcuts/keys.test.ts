import { describe, expect, it } from 'vitest';
import {
  SHORTCUTS,
  SequenceMatcher,
  chordLabel,
  chordOf,
  isTypingTarget,
  type KeyLike,
} from './keys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('chordOf', () => {
  it('names plain keys as the browser does and Ctrl/Cmd combinations as mod+', () => {
    expect(chordOf(key('t'))).toBe('t');
    expect(chordOf(key('?'))).toBe('?');
    expect(chordOf(key('ArrowLeft'))).toBe('ArrowLeft');
    expect(chordOf(key('s', { ctrlKey: true }))).toBe('mod+s');
    expect(chordOf(key('S', { metaKey: true }))).toBe('mod+s');
    expect(chordOf(key('k', { metaKey: true }))).toBe('mod+k');
  });
  it('ignores modifiers alone and Alt combinations', () => {
    expect(chordOf(key('Shift'))).toBeNull();
    expect(chordOf(key('Control', { ctrlKey: true }))).toBeNull();
    expect(chordOf(key('t', { altKey: true }))).toBeNull();
  });
});

describe('isTypingTarget', () => {
  const el = (tagName: string, extra: Record<string, unknown> = {}) => ({
    tagName,
    closest: () => null,
    ...extra,
  });
  it('is true in text inputs, textareas, selects, contenteditable and CodeMirror', () => {
    expect(isTypingTarget(el('INPUT'))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'search' }))).toBe(true);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(
      isTypingTarget(
        el('SPAN', { closest: (s: string) => (s.includes('.cm-editor') ? {} : null) }),
      ),
    ).toBe(true);
  });
  it('is false on buttons, checkboxes, the page itself and nothing', () => {
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('BODY'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('SequenceMatcher', () => {
  const ids = (m: SequenceMatcher, chords: string[], stepMs = 100) =>
    chords.map((c, i) => m.feed(c, 1000 + i * stepMs)?.id ?? null);

  it('completes single keys at once and sequences on their last key', () => {
    const m = new SequenceMatcher();
    expect(ids(m, ['?'])).toEqual(['help']);
    expect(ids(m, ['t', 'z'])).toEqual([null, 'zoomOut']);
    expect(ids(m, ['t', 'ArrowLeft', 't', 'ArrowRight'])).toEqual([
      null,
      'shiftBack',
      null,
      'shiftForward',
    ]);
    expect(ids(m, ['d', 'r', 'd', 'k', 'd', 's'])).toEqual([
      null,
      'refresh',
      null,
      'kiosk',
      null,
      'settings',
    ]);
    expect(ids(m, ['p', 'd', 'p', 'r', 'e', 'v'])).toEqual([
      null,
      'duplicatePanel',
      null,
      'removePanel',
      'editPanel',
      'viewPanel',
    ]);
    expect(ids(m, ['mod+s', 'mod+k', 'mod+z', 'Escape'])).toEqual([
      'save',
      'search',
      'zoomOutMod',
      'escape',
    ]);
  });

  it('starts over on a key that continues nothing, keeping it if it starts a sequence', () => {
    const m = new SequenceMatcher();
    expect(ids(m, ['x', 't', 'z'])).toEqual([null, null, 'zoomOut']);
    // "t d r": d does not continue "t", but starts "d r"
    expect(ids(m, ['t', 'd', 'r'])).toEqual([null, null, 'refresh']);
    // "t e": e does not continue "t" and is a shortcut of its own
    expect(ids(m, ['t', 'e'])).toEqual([null, 'editPanel']);
    expect(m.pending).toBe(false);
  });

  it('forgets a half sequence after the timeout', () => {
    const m = new SequenceMatcher(SHORTCUTS, 1000);
    expect(m.feed('t', 0)).toBeNull();
    expect(m.pending).toBe(true);
    expect(m.feed('z', 1500)).toBeNull();
    expect(m.feed('t', 2000)).toBeNull();
    expect(m.feed('z', 2900)?.id).toBe('zoomOut');
  });

  it('has no sequence that is the prefix of another (each would shadow the other)', () => {
    for (const a of SHORTCUTS)
      for (const b of SHORTCUTS)
        if (a !== b)
          expect(
            a.keys.length <= b.keys.length && a.keys.every((k, i) => k === b.keys[i]),
            `${a.id} vs ${b.id}`,
          ).toBe(false);
  });
});

describe('chordLabel', () => {
  it('writes keys for people, Ctrl on PCs and ⌘ on Macs', () => {
    expect(chordLabel('ArrowLeft')).toBe('←');
    expect(chordLabel('Escape')).toBe('Esc');
    expect(chordLabel('mod+s')).toBe('Ctrl+S');
    expect(chordLabel('mod+k', true)).toBe('⌘K');
    expect(chordLabel('?')).toBe('?');
  });
});
