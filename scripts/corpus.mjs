// `npm run corpus`: imports every Grafana dashboard of the corpus (src/import/__fixtures__/
// grafana-corpus) with Scry's importer and prints, per dashboard, its panels imported as intended,
// with notes, and unsupported, and the total (a Markdown table, the one in README.md).
// `--write` also puts the table into README.md (between the corpus markers). Exits 1 when a
// dashboard does not import at all.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'src/import/__fixtures__/grafana-corpus');
const { module: report } = await runnerImport(path.join(root, 'src/import/corpusReport.ts'), {
  root,
  configFile: false,
  logLevel: 'error',
  // The importer reaches the panel plugins, whose views import their CSS; Node has no use for it.
  plugins: [
    {
      name: 'scry-corpus-no-css',
      enforce: 'pre',
      resolveId: (id) => (/\.css(\?|$)/.test(id) ? '\0scry-empty-css' : null),
      load: (id) => (id === '\0scry-empty-css' ? 'export default "";' : null),
    },
  ],
});

const rows = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) =>
    report.corpusRow(f.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(dir, f), 'utf8'))),
  );
const table = report.corpusTable(rows);
console.log(table);

if (process.argv.includes('--write')) {
  const readme = path.join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const re = /(<!-- corpus:start -->\n)[\s\S]*?(<!-- corpus:end -->)/;
  if (!re.test(text))
    throw new Error('README.md has no <!-- corpus:start --> … <!-- corpus:end --> block');
  const next = text.replace(re, (_, a, b) => `${a}\n${table}\n\n${b}`);
  // formatted as `npm run lint` (Prettier) wants it
  const options = { ...(await resolveConfig(readme)), filepath: readme };
  writeFileSync(readme, await format(next, options));
}
const failed = rows.filter((r) => r.error);
if (failed.length) {
  console.error(
    `${failed.length} dashboard(s) did not import: ${failed.map((r) => r.name).join(', ')}`,
  );
  process.exit(1);
}
