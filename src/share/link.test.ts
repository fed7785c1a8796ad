import { describe, expect, test } from 'vitest';
import {
  browserUrlLimit,
  iframeSnippet,
  importedFrom,
  linkVerdict,
  shareLink,
  viewParams,
  WARN_LINK_CHARS,
} from './link';

const base = {
  raw: { from: 'now-6h', to: 'now' },
  fromMs: 1_767_225_600_000,
  toMs: 1_767_247_200_000.4,
  timeZone: 'utc',
  params: new URLSearchParams('from=now-6h&var-dc=a&var-dc=b&refresh=30s&edit=1&viewPanel=9'),
};

describe('viewParams', () => {
  test('relative: the expressions, refresh and the picked variables', () => {
    expect(viewParams({ ...base, lockRange: false }).toString()).toBe(
      'from=now-6h&to=now&tz=utc&refresh=30s&var-dc=a&var-dc=b',
    );
  });
  test('locked: absolute ms, no refresh; a panel and kiosk when asked', () => {
    const p = viewParams({ ...base, lockRange: true, viewPanel: '3', kiosk: 'on' });
    expect(p.get('from')).toBe('1767225600000');
    expect(p.get('to')).toBe('1767247200000');
    expect(p.has('refresh')).toBe(false);
    expect(p.get('viewPanel')).toBe('3');
    expect(p.get('kiosk')).toBe('');
    expect(viewParams({ ...base, lockRange: true, kiosk: 'full' }).get('kiosk')).toBe('full');
  });
});

describe('shareLink', () => {
  const p = new URLSearchParams('from=now-1h&to=now&kiosk=');
  test('by uid, carried, or through its import URL', () => {
    expect(shareLink('http://h/scry/#/d/x', { kind: 'uid', uid: 'a b' }, p)).toBe(
      'http://h/scry/#/d/a%20b?from=now-1h&to=now&kiosk',
    );
    expect(shareLink('http://h/', { kind: 'payload', payload: 'AbC-_' }, p)).toBe(
      'http://h/#/s/AbC-_?from=now-1h&to=now&kiosk',
    );
    expect(
      shareLink(
        'http://h/',
        { kind: 'import', url: 'https://e.org/d.json?a=1&b=2' },
        new URLSearchParams('from=now-1h'),
      ),
    ).toBe('http://h/#/import?url=https%3A%2F%2Fe.org%2Fd.json%3Fa%3D1%26b%3D2&from=now-1h');
  });
  test('kiosk=full stays a value', () => {
    expect(
      shareLink('http://h/', { kind: 'uid', uid: 'a' }, new URLSearchParams('kiosk=full')),
    ).toBe('http://h/#/d/a?kiosk=full');
  });
});

describe('limits', () => {
  test('the browser limit by user agent', () => {
    expect(
      browserUrlLimit('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'),
    ).toEqual({
      browser: 'Firefox',
      chars: 1_048_576,
    });
    expect(browserUrlLimit('Mozilla/5.0 … Chrome/131.0.0.0 Safari/537.36').chars).toBe(2_097_152);
  });
  test('ok, warn above 8 000, refuse above the limit naming it', () => {
    const ff = { browser: 'Firefox', chars: 1_048_576 };
    expect(linkVerdict(WARN_LINK_CHARS, ff)).toEqual({ level: 'ok' });
    const warn = linkVerdict(WARN_LINK_CHARS + 1, ff);
    expect(warn.level).toBe('warn');
    expect(warn.level !== 'ok' && warn.message).toMatch(/8 001 characters.*longer than 8 000/);
    const refuse = linkVerdict(1_048_577, ff);
    expect(refuse.level).toBe('refuse');
    expect(refuse.level !== 'ok' && refuse.message).toBe(
      'This link would be 1 048 577 characters; Firefox open links of at most 1 048 576. Share the dashboard as a file instead (Export).',
    );
  });
});

test('iframeSnippet escapes the URL and title for an attribute', () => {
  expect(iframeSnippet('http://h/#/d/a?x=1&kiosk', 600, 300, 'A "b" <c>')).toBe(
    '<iframe src="http://h/#/d/a?x=1&amp;kiosk" width="600" height="300" title="A &quot;b&quot; &lt;c&gt;" style="border: 0"></iframe>',
  );
});

test('importedFrom reads the import note of a URL import only', () => {
  expect(importedFrom('Imported from https://e.org/x.json')).toBe('https://e.org/x.json');
  expect(importedFrom('Imported from pasted text')).toBeNull();
  expect(importedFrom('Imported from board.json')).toBeNull();
  expect(importedFrom('')).toBeNull();
});
