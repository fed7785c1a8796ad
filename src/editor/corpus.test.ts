import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SyntaxNode } from '@lezer/common';
import { LanguageType, promQLLanguage } from '@prometheus-io/codemirror-promql';
import { formatPromQL } from './format';
import { substituteVariables } from './variables';
import { lintPromQL } from './lint';

// vitest loads the package's CommonJS build, which brings its own @codemirror/state; the ESM
// build shares the one the rest of the code uses (as in the browser)
vi.mock(
  '@prometheus-io/codemirror-promql',
  () => import('@prometheus-io/codemirror-promql/dist/esm/index.js'),
);

// the real-world Grafana dashboards the importer is tested on: hundreds of queries full of
// template variables
const dir = path.resolve(__dirname, '../import/__fixtures__/grafana-corpus');

function corpusExprs(): string[] {
  const exprs = new Set<string>();
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object') {
      for (const [k, v] of Object.entries(o)) {
        if (k === 'expr' && typeof v === 'string' && v.trim()) exprs.add(v);
        else walk(v);
      }
    }
  };
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.json')) walk(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
  }
  return [...exprs];
}

const parser = promQLLanguage(LanguageType.PromQL).parser;

/** The tree's shape and leaf texts, independent of layout and of where `by (…)` is written. */
function shape(expr: string): string {
  const doc = substituteVariables(expr);
  const walk = (n: SyntaxNode): string => {
    const kids: string[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) kids.push(walk(c));
    if (n.name === 'AggregateExpr') kids.sort();
    if (kids.length) return `${n.name}(${kids.join(',')})`;
    const text = doc.slice(n.from, n.to).replace(/\s+/g, '');
    // keywords are case-insensitive (the formatter writes them in lower case); names are not
    const exact = ['Identifier', 'LabelName', 'StringLiteral'].includes(n.name);
    return `${n.name}:${exact ? text : text.toLowerCase()}`;
  };
  return walk(parser.parse(doc).topNode);
}

const oneLine = (s: string) => {
  const r = formatPromQL(s, { maxWidth: Number.MAX_SAFE_INTEGER });
  return r.ok ? r.text : `error: ${r.error}`;
};

describe.skipIf(!existsSync(dir))('Grafana corpus', () => {
  const exprs = existsSync(dir) ? corpusExprs() : [];

  it('has queries', () => {
    expect(exprs.length).toBeGreaterThan(100);
  });

  it('lints without false errors', () => {
    const flagged = exprs
      .map((e) => ({ e, d: lintPromQL(e).map((d) => d.message) }))
      .filter((x) => x.d.length);
    expect(flagged).toEqual([]);
  });

  it('formats every query, idempotently and without changing it', () => {
    for (const e of exprs) {
      const r = formatPromQL(e);
      expect(r.ok, e).toBe(true);
      if (!r.ok) continue;
      expect(formatPromQL(r.text), e).toEqual(r);
      expect(oneLine(r.text), e).toBe(oneLine(e));
      expect(shape(r.text), e).toBe(shape(e));
      expect(lintPromQL(r.text), e).toEqual([]);
    }
  });
});
