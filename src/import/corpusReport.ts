/**
 * The compatibility report over Grafana dashboards (`npm run corpus`): per dashboard, how many of
 * its panels import as intended (no note), with notes (something converted, dropped or
 * approximated — named in the import notes), or unsupported (a panel type Scry does not draw).
 * Pure: the script reads the files and prints `corpusTable`.
 */
import { importAny } from './importAny';
import type { ImportNote } from './util';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): Obj[] => (Array.isArray(x) ? x.filter(isObj) : []);

/**
 * Every non-row panel of a Grafana dashboard with its path in the JSON (the importer's note
 * paths): top level, inside (collapsed or not) rows, and in legacy `rows[]`.
 */
export function grafanaPanelPaths(d: Obj): { path: string; type: string }[] {
  const out: { path: string; type: string }[] = [];
  const add = (p: Obj, path: string) =>
    out.push({ path, type: typeof p.type === 'string' ? p.type : '' });
  list(d.rows).forEach((r, i) =>
    list(r.panels).forEach((p, j) => add(p, `rows[${i}].panels[${j}]`)),
  );
  list(d.panels).forEach((p, i) => {
    if (p.type !== 'row') return add(p, `panels[${i}]`);
    list(p.panels).forEach((c, j) => add(c, `panels[${i}].panels[${j}]`));
  });
  return out;
}

/** The importer's note for a panel type Scry does not draw. */
const UNSUPPORTED = /is not supported by Scry|Panel has no type/;

const under = (notePath: string, panelPath: string): boolean =>
  notePath === panelPath ||
  notePath.startsWith(`${panelPath}.`) ||
  notePath.startsWith(`${panelPath}[`);

export interface CorpusRow {
  name: string;
  panels: number;
  intended: number;
  notes: number;
  unsupported: number;
  /** set when the dashboard did not import at all */
  error?: string;
}

/** Classifies every panel of one Grafana dashboard by the import notes at its path. */
export function classifyPanels(
  panels: readonly { path: string }[],
  report: readonly ImportNote[],
): { intended: number; notes: number; unsupported: number } {
  let intended = 0;
  let notes = 0;
  let unsupported = 0;
  for (const { path } of panels) {
    const mine = report.filter((n) => under(n.path, path));
    if (mine.some((n) => n.path === path && UNSUPPORTED.test(n.message))) unsupported++;
    else if (mine.length) notes++;
    else intended++;
  }
  return { intended, notes, unsupported };
}

/** Imports one dashboard (parsed JSON) and counts its panels. */
export function corpusRow(name: string, raw: unknown): CorpusRow {
  const panels = isObj(raw) ? grafanaPanelPaths(raw) : [];
  const r = importAny(raw, { datasourceNames: ['prometheus'] });
  if (!r.ok)
    return {
      name,
      panels: panels.length,
      intended: 0,
      notes: 0,
      unsupported: 0,
      error: r.errors[0],
    };
  return { name, panels: panels.length, ...classifyPanels(panels, r.report) };
}

const pct = (n: number, of: number): string => (of ? `${((100 * n) / of).toFixed(1)} %` : '–');

/** The report as a Markdown table, with a total line. */
export function corpusTable(rows: readonly CorpusRow[]): string {
  const total = rows.reduce(
    (t, r) => ({
      panels: t.panels + r.panels,
      intended: t.intended + r.intended,
      notes: t.notes + r.notes,
      unsupported: t.unsupported + r.unsupported,
    }),
    { panels: 0, intended: 0, notes: 0, unsupported: 0 },
  );
  const lines = [
    '| dashboard | panels | as intended | with notes | unsupported |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) =>
      r.error
        ? `| ${r.name} | ${r.panels} | – | – | not imported: ${r.error.replace(/\|/g, '\\|')} |`
        : `| ${r.name} | ${r.panels} | ${r.intended} | ${r.notes} | ${r.unsupported} |`,
    ),
    `| **total (${rows.length} dashboards)** | **${total.panels}** | **${total.intended}** (${pct(
      total.intended,
      total.panels,
    )}) | **${total.notes}** (${pct(total.notes, total.panels)}) | **${total.unsupported}** (${pct(
      total.unsupported,
      total.panels,
    )}) |`,
  ];
  return lines.join('\n');
}
