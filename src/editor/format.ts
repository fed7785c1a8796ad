// A small PromQL pretty-printer over the lezer-promql tree (codemirror-promql has no formatter;
// Prometheus formats server-side only). Short expressions become one normalised line; longer
// ones break aggregations', calls' and parentheses' arguments onto indented lines and put
// binary operators on their own line, in the style of Prometheus' `promtool promql format`.

import type { SyntaxNode, Tree } from '@lezer/common';
import { LanguageType, promQLLanguage } from '@prometheus-io/codemirror-promql';
import { findVariableRefs, substituteVariables, type VariableRef } from './variables';

const parser = promQLLanguage(LanguageType.PromQL).parser;

export interface FormatOptions {
  /** lines longer than this are broken up; default 80 */
  maxWidth?: number;
  /** one level of indentation; default two spaces */
  indent?: string;
}

export type FormatResult = { ok: true; text: string } | { ok: false; error: string };

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** Removes whitespace outside string literals. */
function squeeze(s: string): string {
  return s.replace(
    /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)|\s+/g,
    (_m, str: string | undefined) => str ?? '',
  );
}

/** Collapses whitespace runs outside string literals into one space. */
function collapse(s: string): string {
  return s
    .replace(
      /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)|\s+/g,
      (_m, str: string | undefined) => str ?? ' ',
    )
    .trim();
}

class Printer {
  constructor(
    private readonly src: string,
    private readonly width: number,
    private readonly unit: string,
    private readonly refs: readonly VariableRef[],
  ) {}

  /** Source text; a range ending inside a variable's padded placeholder takes all of it. */
  slice(from: number, to: number): string {
    for (const r of this.refs) {
      if (from > r.from && from < r.to) from = r.from;
      if (to > r.from && to < r.to) to = r.to;
    }
    return this.src.slice(from, to);
  }

  text(n: SyntaxNode): string {
    return this.slice(n.from, n.to);
  }

  private grouping(n: SyntaxNode | undefined): string {
    if (!n) return '()';
    return `(${children(n)
      .map((c) => this.text(c))
      .join(', ')})`;
  }

  /** `by (a, b)`, `on (x) group_left (y)`, `bool` */
  private modifier(n: SyntaxNode): string {
    const parts: string[] = [];
    for (const c of children(n)) {
      if (c.name === 'GroupingLabels') parts.push(this.grouping(c));
      else parts.push(this.text(c).toLowerCase());
    }
    return parts.join(' ');
  }

  private args(body: SyntaxNode | undefined): SyntaxNode[] {
    return body ? children(body) : [];
  }

  /** The canonical single-line form. */
  flat(n: SyntaxNode): string {
    const kids = children(n);
    switch (n.name) {
      case 'PromQL':
        return kids.map((k) => this.flat(k)).join(' ');
      case 'AggregateExpr': {
        const op = this.text(kids[0]!);
        const mod = kids.find((k) => k.name === 'AggregateModifier');
        const body = kids.find((k) => k.name === 'FunctionCallBody');
        const args = this.args(body).map((a) => this.flat(a));
        return `${op}${mod ? ' ' + this.modifier(mod) + ' ' : ''}(${args.join(', ')})`;
      }
      case 'FunctionCall': {
        const name = this.text(kids[0]!);
        const body = kids.find((k) => k.name === 'FunctionCallBody');
        return `${name}(${this.args(body)
          .map((a) => this.flat(a))
          .join(', ')})`;
      }
      case 'ParenExpr':
        return `(${kids.map((k) => this.flat(k)).join(' ')})`;
      case 'BinaryExpr':
        return `${this.flat(kids[0]!)} ${this.operator(kids)} ${this.flat(kids[kids.length - 1]!)}`;
      case 'UnaryExpr':
        return `${this.text(kids[0]!)}${this.flat(kids[1]!)}`;
      case 'SubqueryExpr':
      case 'MatrixSelector':
        return this.flat(kids[0]!) + squeeze(this.slice(kids[0]!.to, n.to));
      case 'OffsetExpr':
      case 'StepInvariantExpr':
      case 'AnchoredExpr':
      case 'SmoothedExpr':
        return `${this.flat(kids[0]!)} ${this.suffix(n, kids[0]!)}`;
      case 'VectorSelector':
        return squeeze(this.text(n));
      default:
        return collapse(this.text(n));
    }
  }

  /** `offset 5m`, `@ start()` (what follows the first child, normalised) */
  private suffix(n: SyntaxNode, first: SyntaxNode): string {
    const rest = collapse(this.slice(first.to, n.to));
    return rest
      .replace(/^(offset|@)\s*/i, (_m, k: string) => `${k.toLowerCase()} `)
      .replace(/\s*\(\s*\)/, '()');
  }

  /** `/`, `> bool`, `* on (a) group_left (b)` between a binary expression's operands */
  private operator(kids: SyntaxNode[]): string {
    return kids
      .slice(1, -1)
      .map((k) =>
        k.name === 'BoolModifier' || k.name === 'MatchingModifierClause'
          ? this.modifier(k)
          : this.text(k).toLowerCase(),
      )
      .join(' ');
  }

  /** The node printed at `indent`, broken up where one line would be too long. */
  pretty(n: SyntaxNode, indent: string): string {
    const one = this.flat(n);
    if (indent.length + one.length <= this.width) return indent + one;
    const inner = indent + this.unit;
    const kids = children(n);
    switch (n.name) {
      case 'PromQL':
        return kids.map((k) => this.pretty(k, indent)).join('\n');
      case 'AggregateExpr': {
        const op = this.text(kids[0]!);
        const mod = kids.find((k) => k.name === 'AggregateModifier');
        const body = kids.find((k) => k.name === 'FunctionCallBody');
        const head = `${indent}${op}${mod ? ' ' + this.modifier(mod) + ' ' : ''}(`;
        return this.block(head, this.args(body), inner, indent);
      }
      case 'FunctionCall': {
        const body = kids.find((k) => k.name === 'FunctionCallBody');
        return this.block(`${indent}${this.text(kids[0]!)}(`, this.args(body), inner, indent);
      }
      case 'ParenExpr':
        return this.block(`${indent}(`, kids, inner, indent);
      case 'BinaryExpr':
        return [
          this.pretty(kids[0]!, indent),
          indent + this.operator(kids),
          this.pretty(kids[kids.length - 1]!, indent),
        ].join('\n');
      case 'UnaryExpr':
        return indent + this.text(kids[0]!) + this.pretty(kids[1]!, indent).slice(indent.length);
      case 'SubqueryExpr':
      case 'MatrixSelector':
        return this.pretty(kids[0]!, indent) + squeeze(this.slice(kids[0]!.to, n.to));
      case 'OffsetExpr':
      case 'StepInvariantExpr':
      case 'AnchoredExpr':
      case 'SmoothedExpr':
        return `${this.pretty(kids[0]!, indent)} ${this.suffix(n, kids[0]!)}`;
      default:
        return indent + one;
    }
  }

  private block(head: string, args: SyntaxNode[], inner: string, indent: string): string {
    if (!args.length) return head + ')';
    return `${head}\n${args.map((a) => this.pretty(a, inner)).join(',\n')}\n${indent})`;
  }
}

function firstProblem(tree: Tree): { error: string } | null {
  let problem: { error: string } | null = null;
  tree.iterate({
    enter: (n) => {
      if (problem) return false;
      if (n.type.isError) problem = { error: `syntax error at character ${n.from + 1}` };
      else if (n.name === 'LineComment') problem = { error: 'comments would be lost' };
      return undefined;
    },
  });
  return problem;
}

/**
 * Pretty-prints a PromQL expression (template variables allowed). Refuses, with a reason, when
 * the expression does not parse or holds `# comments`.
 */
export function formatPromQL(expr: string, opts: FormatOptions = {}): FormatResult {
  if (!expr.trim()) return { ok: true, text: '' };
  const refs = findVariableRefs(expr);
  const parsed = substituteVariables(expr, refs);
  const tree = parser.parse(parsed);
  const problem = firstProblem(tree);
  if (problem) return { ok: false, ...problem };
  const printer = new Printer(expr, opts.maxWidth ?? 80, opts.indent ?? '  ', refs);
  return { ok: true, text: printer.pretty(tree.topNode, '') };
}
