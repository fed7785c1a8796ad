// The shape of the code base, checked: files stay small enough to read (split by concern), and
// no code outside src/panels/ decides anything by panel type (it asks the plugin).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './sourceFiles.testing';

const MAX_LINES = 450;
/** Data tables may be long: one entry per line reads better than a split. Keep this list short. */
const DATA_TABLES = ['units/catalogue.ts'];

describe('file size', () => {
  const files = sourceFiles().filter((f) => !/\.testing\.tsx?$/.test(f.path));

  it(`no source file in src/ is over ${MAX_LINES} lines (tests and data tables aside)`, () => {
    const long = files
      .filter((f) => !DATA_TABLES.includes(f.path))
      .map((f) => ({
        path: f.path,
        lines: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0),
      }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('allows only data tables that exist', () => {
    for (const t of DATA_TABLES) expect(files.map((f) => f.path)).toContain(t);
  });
});

/** Stored panel types (the folders of src/panels) and the Grafana types their plugins import. */
function panelTypeNames(): Set<string> {
  const dir = fileURLToPath(new URL('./panels', import.meta.url));
  const names = new Set(
    readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'shared')
      .map((d) => d.name),
  );
  for (const f of sourceFiles().filter((f) => /^panels\/[^/]+\/index\.ts$/.test(f.path))) {
    const list = /grafanaTypes:\s*\[([^\]]*)\]/.exec(f.text)?.[1] ?? '';
    for (const m of list.matchAll(/'([^']+)'/g)) names.add(m[1]!);
  }
  return names;
}

/**
 * Places in `text` that decide by panel type: a `switch` with two or more `case`s naming panel
 * types, or a comparison of a `.type` with a panel type.
 */
function panelTypeDecisions(text: string, types: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\bswitch\s*\(([^)]*)\)\s*\{/g)) {
    // the case labels up to the switch's closing brace
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (; end < text.length; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}' && --depth === 0) break;
    }
    const body = text.slice(m.index, end);
    const cases = [...body.matchAll(/\bcase\s+'([^']+)'/g)].map((c) => c[1]!);
    if (cases.filter((c) => types.has(c)).length >= 2) found.push(`switch (${m[1]!.trim()})`);
  }
  for (const m of text.matchAll(
    /\.type\s*[!=]==?\s*'([^']+)'|'([^']+)'\s*[!=]==?\s*[\w.]*\.type\b/g,
  )) {
    const t = m[1] ?? m[2]!;
    if (types.has(t)) found.push(m[0]);
  }
  return found;
}

describe('panel types are decided in src/panels only', () => {
  const types = panelTypeNames();

  it('knows the panel types', () => {
    for (const t of ['timeseries', 'heatmap', 'stat', 'graph', 'singlestat'])
      expect(types).toContain(t);
  });

  it('finds a switch or a comparison on a panel type', () => {
    const code = `
      switch (panel.type) {
        case 'stat': return 1;
        case 'gauge': { return 2; }
        default: return 0;
      }
      if (p.type === 'heatmap') x();
      switch (metric.type) { case 'gauge': break; case 'counter': break; }
      if (v.type === 'query') y();`;
    expect(panelTypeDecisions(code, types)).toEqual(['switch (panel.type)', ".type === 'heatmap'"]);
  });

  it('has no switch or comparison on a panel type outside src/panels/', () => {
    const offenders = sourceFiles()
      .filter((f) => !f.path.startsWith('panels/'))
      .flatMap((f) => panelTypeDecisions(f.text, types).map((d) => `${f.path}: ${d}`));
    expect(offenders).toEqual([]);
  });
});

/**
 * Modules of src/prometheus/ panel code may import: the query factories (whose results are
 * frames: Frame, HistogramFrame, AlertFrame, rows) and helpers over model types. Wire types
 * (`prometheus/types.ts`) and the code that reads answers stay behind the query layer.
 */
const PANEL_PROMETHEUS_IMPORTS = ['queries', 'legend', 'errors', 'flavour'];

/** The src/prometheus/ modules a file at `path` (relative to src/) imports, by name. */
function prometheusImports(path: string, text: string): string[] {
  const dir = path.split('/').slice(0, -1);
  const found: string[] = [];
  for (const m of text.matchAll(/\bfrom\s+'(\.[^']*)'|\bimport\s*\(\s*'(\.[^']*)'\s*\)/g)) {
    const parts = [...dir];
    for (const seg of (m[1] ?? m[2]!).split('/')) {
      if (seg === '..') parts.pop();
      else if (seg !== '.') parts.push(seg);
    }
    if (parts[0] === 'prometheus')
      found.push(
        parts
          .slice(1)
          .join('/')
          .replace(/\.tsx?$/, ''),
      );
  }
  return found;
}

describe('panels see frames only', () => {
  it('finds the prometheus modules a file imports', () => {
    const code = `import type { MatrixSeries } from '../../prometheus/types';
      import { legendNames } from '../../prometheus/legend';
      import { x } from '../shared/display';
      const lazy = import('../../prometheus/frames');`;
    expect(prometheusImports('panels/heatmap/native.ts', code)).toEqual([
      'types',
      'legend',
      'frames',
    ]);
  });

  it('no panel code imports Prometheus wire types or answer readers', () => {
    const offenders = sourceFiles()
      .filter((f) => f.path.startsWith('panels/'))
      .flatMap((f) =>
        prometheusImports(f.path, f.text)
          .filter((m) => !PANEL_PROMETHEUS_IMPORTS.includes(m))
          .map((m) => `${f.path} imports prometheus/${m}`),
      );
    expect(offenders).toEqual([]);
  });
});
