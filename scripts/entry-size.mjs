// The entry's size budget (issue 12): index.html's script and its modulepreloads — all the JS a
// dashboard view needs before it can run — must stay within ENTRY_BUDGET gzip bytes. Run after
// `npm run build` (`npm run size`; part of `npm test`); the bench reports the same numbers.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** 200 KB (KiB, as the bench reports) of gzip for the entry's JS. */
export const ENTRY_BUDGET = 200 * 1024;

/** gzip size (level 9, as Vite reports) of a dist file. */
const gz = (dist, f) => gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length;

/** What index.html loads before anything renders: entry script, modulepreloads, stylesheets. */
export function entrySize(dist) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\.\/(assets\/[^"]+\.(?:js|css))"/g),
  ].map((m) => m[1]);
  const unique = [...new Set(files)];
  const js = unique.filter((f) => f.endsWith('.js'));
  const all = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    jsGzip: js.reduce((s, f) => s + gz(dist, f), 0),
    cssGzip: unique.filter((f) => f.endsWith('.css')).reduce((s, f) => s + gz(dist, f), 0),
    files: js.length,
    /** each entry JS file and its gzip bytes, largest first */
    perFile: js.map((f) => ({ file: f, gzip: gz(dist, f) })).sort((a, b) => b.gzip - a.gzip),
    allJsGzip: all.reduce((s, f) => s + gz(dist, `assets/${f}`), 0),
    gzOf: (f) => gz(dist, f.replace(/^\//, '')),
  };
}

/** The budget's verdict as text, and whether it holds. */
export function checkEntryBudget(dist, budget = ENTRY_BUDGET) {
  const e = entrySize(dist);
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const ok = e.jsGzip <= budget;
  const lines = [
    `entry JS ${kb(e.jsGzip)} gzip in ${e.files} files (budget ${kb(budget)}): ${ok ? 'ok' : 'OVER'}`,
    ...e.perFile.map((f) => `  ${kb(f.gzip).padStart(9)}  ${f.file}`),
  ];
  if (!ok)
    lines.push(
      'Keep what a dashboard view does not need out of its static imports (load it on demand).',
    );
  return { ok, text: lines.join('\n') };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  const r = checkEntryBudget(dist);
  console.log(r.text);
  if (!r.ok) process.exit(1);
}
