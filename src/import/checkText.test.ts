import { describe, expect, it } from 'vitest';
import { hostileCorpus } from '../../scripts/hostile-corpus.mjs';
import {
  answerCheck,
  checkDashboardText,
  noteText,
  progressText,
  readBlobText,
  type CheckProgress,
} from './checkText';

const board = (title: string) => JSON.stringify({ scry: 1, uid: 'b1', title, panels: [] });

describe('checkDashboardText', () => {
  it('reads a Scry dashboard (the page and the worker share this)', () => {
    const r = checkDashboardText(board('Round'), 'x');
    expect(r).toMatchObject({ ok: true, source: 'x', notes: [] });
    expect(r.ok && [r.dashboard.uid, r.dashboard.title]).toEqual(['b1', 'Round']);
  });
  it('says where the JSON breaks', () => {
    const r = checkDashboardText('{"scry": 1,\n"uid": }', 'file.json');
    expect(r).toMatchObject({ ok: false, source: 'file.json' });
    if (!r.ok) expect(r.errors[0]).toMatch(/^Invalid JSON at line 2, column 8/);
  });
  it('tells each stage as it starts, with the size and the panel count', () => {
    const stages: CheckProgress[] = [];
    const text = hostileCorpus().many;
    const r = checkDashboardText(text, 'many.json', {}, (p) => stages.push(p));
    expect(stages).toEqual([
      { stage: 'parsing', bytes: text.length },
      { stage: 'checking', panels: 10_000 },
    ]);
    expect(r.ok && r.dashboard.panels.length).toBe(10_000);
  });
  it('counts Grafana panels inside rows and wrapped dashboards', () => {
    const stages: CheckProgress[] = [];
    const grafana = {
      dashboard: {
        title: 'G',
        schemaVersion: 39,
        panels: [{ type: 'row', panels: [{ type: 'stat' }, { type: 'stat' }] }, { type: 'stat' }],
      },
    };
    checkDashboardText(JSON.stringify(grafana), 'g.json', {}, (p) => stages.push(p));
    expect(stages[1]).toEqual({ stage: 'checking', panels: 4 });
  });
  it('refuses the hostile corpus it cannot take, in words, and never throws', () => {
    const corpus = hostileCorpus();
    const big = checkDashboardText(corpus['20mb'], 'big.json');
    expect(big).toEqual({
      ok: false,
      source: 'big.json',
      errors: ['The dashboard JSON is 19.1 MB; Scry accepts at most 10.0 MB'],
    });
    const deep = checkDashboardText(corpus.deep, 'deep.json');
    expect(deep.ok).toBe(false);
    if (!deep.ok)
      expect(deep.errors[0]).toMatch(/nested deeper than 64 levels \(Scry accepts at most 64\)$/);
  });
});

describe('reading a file in pieces', () => {
  it('decodes UTF-8 split across pieces and reports bytes read of the total', async () => {
    const text = `{"title":"${'é€😀'.repeat(1000)}"}`;
    const bytes = new TextEncoder().encode(text);
    // pieces of 7 bytes: most characters are cut in two
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 7) pieces.push(bytes.slice(i, i + 7));
    const blob = {
      size: bytes.length,
      stream: () =>
        new ReadableStream<Uint8Array>({
          start(c) {
            for (const p of pieces) c.enqueue(p);
            c.close();
          },
        }),
    } as Pick<Blob, 'size' | 'stream'>;
    const seen: CheckProgress[] = [];
    expect(await readBlobText(blob, (p) => seen.push(p))).toBe(text);
    expect(seen[0]).toEqual({ stage: 'reading', done: 0, total: bytes.length });
    expect(seen[1]).toEqual({ stage: 'reading', done: 7, total: bytes.length });
    expect(seen.at(-1)).toEqual({ stage: 'reading', done: bytes.length, total: bytes.length });
    expect(seen).toHaveLength(pieces.length + 1);
  });
  it('answers a file request like a text request', async () => {
    const text = board('From a file');
    const r = await answerCheck({ file: new Blob([text]), source: 'f.json', opts: {} });
    expect(r.ok && r.dashboard.title).toBe('From a file');
    expect(await answerCheck({ text, source: 't', opts: {} })).toEqual({ ...r, source: 't' });
  });
});

describe('words', () => {
  it('says what the background check is doing', () => {
    expect(progressText('a.json', { stage: 'reading', done: 3 * 1024 * 1024, total: 20e6 })).toBe(
      'Checking a.json in the background: reading 3.0 MB of 19.1 MB…',
    );
    expect(progressText('pasted text', { stage: 'parsing', bytes: 2_500_000 })).toBe(
      'Checking pasted text in the background: parsing 2.4 MB of JSON…',
    );
    expect(progressText('x', { stage: 'checking', panels: 10_000 })).toBe(
      'Checking x in the background: checking 10,000 panels…',
    );
    expect(progressText('x', { stage: 'checking', panels: 1 })).toMatch(/checking 1 panel…$/);
  });
  it('names a conversion note by level and place', () => {
    expect(noteText({ level: 'warning', path: 'panels[3]', message: 'dropped' })).toBe(
      'Warning (panels[3]): dropped',
    );
    expect(noteText({ level: 'info', path: 'links', message: 'dropped' })).toBe(
      'Note (links): dropped',
    );
  });
});
