// The self-contained snapshot page: the viewer's script and styles inlined, the snapshot
// compressed in a data block, and a Content-Security-Policy that lets exactly that script run
// (by its SHA-256) and allows no connection at all. Pure apart from crypto.subtle.

import { bytesToBase64 } from './codec';

/** The id of the data block the viewer reads. */
export const SNAPSHOT_DATA_ID = 'scry-snapshot-data';

/** `sha256-…` of a text as CSP hashes it (its UTF-8 bytes). */
export async function cspHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `'sha256-${bytesToBase64(new Uint8Array(digest))}'`;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Text that is safe inside `<script>` (or `<style>`): `</script` would end the element early, and
 * in a script `<!--` followed later by `<script` would keep `</script>` from ending it. `<\/`
 * and `\x21` mean the same in JavaScript strings, templates and regular expressions (`\x21` is
 * "!"); CSS reads `<\/` as `</`.
 */
export function inlineSafe(code: string, tag: 'script' | 'style'): string {
  const closed = code.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');
  return tag === 'script' ? closed.replace(/<!--/g, '<\\x21--') : closed;
}

/**
 * The policy of a snapshot page: its one inline script (by hash) and nothing else runs; no
 * connection of any kind; images from data: only. Styles are allowed inline as in the app's own
 * policy (index.html): the charts' tooltips and legends set `style` attributes (swatch colours,
 * positions), which a hash cannot allow.
 */
export function snapshotCsp(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHash}`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

export interface SnapshotPageParts {
  /** the viewer's classic script (dist/snapshot/viewer.js) */
  script: string;
  /** its styles (dist/snapshot/viewer.css) */
  style: string;
  /** the snapshot JSON, compressed and base64-encoded (codec.ts) */
  data: string;
  title: string;
}

/** The whole .html file. */
export async function snapshotHtml(parts: SnapshotPageParts): Promise<string> {
  const script = inlineSafe(parts.script, 'script');
  const style = inlineSafe(parts.style, 'style');
  if (!/^[A-Za-z0-9+/=]*$/.test(parts.data)) throw new Error('snapshot data must be base64');
  const csp = snapshotCsp(await cspHash(script));
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1.0" />',
    `<meta http-equiv="Content-Security-Policy" content="${csp}" />`,
    '<meta name="generator" content="Scry snapshot" />',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<div id="root"></div>',
    `<script type="application/json" id="${SNAPSHOT_DATA_ID}">${parts.data}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
