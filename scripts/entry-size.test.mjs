import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { checkEntryBudget, entrySize } from './entry-size.mjs';

const dirs = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A dist/ with index.html naming `entry` files (script + modulepreloads) and one lazy chunk. */
function dist(files, entry) {
  const d = mkdtempSync(path.join(tmpdir(), 'scry-entry-'));
  dirs.push(d);
  mkdirSync(path.join(d, 'assets'));
  for (const [name, text] of Object.entries(files))
    writeFileSync(path.join(d, 'assets', name), text);
  const [script, ...preloads] = entry;
  writeFileSync(
    path.join(d, 'index.html'),
    `<script type="module" crossorigin src="./assets/${script}"></script>\n` +
      preloads.map((f) => `<link rel="modulepreload" crossorigin href="./assets/${f}">`).join('\n'),
  );
  return d;
}

// hex of random bytes: gzip halves it at best
const noise = (bytes) => randomBytes(bytes / 2).toString('hex');

describe('entry size budget', () => {
  it('counts the entry script and its modulepreloads, not the chunks loaded on demand', () => {
    const files = { 'index.js': noise(4000), 'app.js': noise(8000), 'lazy.js': noise(50_000) };
    const d = dist(files, ['index.js', 'app.js']);
    const e = entrySize(d);
    const gz = (t) => gzipSync(t, { level: 9 }).length;
    expect(e.files).toBe(2);
    expect(e.jsGzip).toBe(gz(files['index.js']) + gz(files['app.js']));
    expect(e.allJsGzip).toBe(e.jsGzip + gz(files['lazy.js']));
  });

  it('fails above the budget and names the files', () => {
    const d = dist({ 'index.js': noise(4000), 'app.js': noise(30_000) }, ['index.js', 'app.js']);
    const under = checkEntryBudget(d, 40_000);
    expect(under.ok).toBe(true);
    const over = checkEntryBudget(d, 10_000);
    expect(over.ok).toBe(false);
    expect(over.text).toMatch(/OVER/);
    expect(over.text).toMatch(/assets\/app\.js/);
  });
});
