// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { decimateDots, exemplarTooltipHtml } from './exemplars';

const dot = (x: number, value: number, lane: string | number = 0) => ({ x, value, lane });

describe('decimateDots', () => {
  it('keeps the lowest and highest value per pixel column and lane, in input order', () => {
    const dots = [dot(0, 5), dot(1, 9), dot(2, 1), dot(3, 7), dot(8, 4), dot(9, 4)];
    const kept = decimateDots(dots, 8);
    expect(kept.map((k) => k.dot)).toEqual([dot(1, 9), dot(2, 1), dot(8, 4)]);
    // 4 dots in the first column, 2 shown: each shown one hides 2; the second column: 1 of 2
    expect(kept.map((k) => k.hidden)).toEqual([2, 2, 1]);
  });

  it('never lets one lane hide another (heatmap rows, time series queries)', () => {
    const kept = decimateDots([dot(0, 1, 'a'), dot(1, 2, 'b'), dot(2, 3, 'a')], 8);
    expect(kept.map((k) => k.dot)).toEqual([dot(0, 1, 'a'), dot(1, 2, 'b'), dot(2, 3, 'a')]);
  });

  it('keeps a dense run readable: at most two dots per column', () => {
    const run = Array.from({ length: 10_000 }, (_, i) => dot(i / 100, Math.sin(i)));
    const kept = decimateDots(run, 8);
    // 100 px wide → 13 columns of 8 px, ≤ 2 dots each
    expect(kept.length).toBeLessThanOrEqual(26);
    const values = run.map((d) => d.value);
    const shown = kept.map((k) => k.dot.value);
    expect(shown).toContain(Math.min(...values));
    expect(shown).toContain(Math.max(...values));
  });

  it('drops dots without a position', () => {
    expect(decimateDots([dot(NaN, 1), dot(Infinity, 2)])).toEqual([]);
  });
});

describe('exemplarTooltipHtml', () => {
  const e = {
    seriesLabels: { __name__: 'lat_bucket', le: '0.25' },
    labels: { trace_id: 'abc<1>', span_id: 's"1' },
    value: 0.12,
    timeSec: 1_700_000_000.123,
  };
  const base = {
    formatValue: (v: number) => `${v * 1000} ms`,
    formatTime: (ms: number) => `T${ms}`,
  };

  const parse = (html: string) => {
    const div = document.createElement('div');
    div.innerHTML = html;
    return div;
  };

  it('shows the real timestamp, value, labels and series, escaped', () => {
    const div = parse(exemplarTooltipHtml(e, base));
    const time = div.querySelector<HTMLElement>('[data-testid="exemplar-tooltip-time"]')!;
    expect(time.dataset.timeMs).toBe('1700000000123');
    expect(time.textContent).toBe('Exemplar · T1700000000123');
    expect(div.querySelector('[data-testid="exemplar-tooltip-value"]')!.textContent).toBe(
      'Value120 ms',
    );
    const labels = [...div.querySelectorAll('[data-testid="exemplar-label"]')].map(
      (r) => r.textContent,
    );
    expect(labels).toEqual(['trace_idabc<1>', 'span_ids"1']);
    expect(div.textContent).toContain('{__name__="lat_bucket", le="0.25"}');
    // no link without a template
    expect(div.querySelector('a')).toBeNull();
  });

  it('makes the trace id a link through the template, value percent-encoded', () => {
    const div = parse(
      exemplarTooltipHtml(e, {
        ...base,
        linkTemplate: 'https://tracing.example/trace/${trace_id}',
      }),
    );
    const a = div.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://tracing.example/trace/abc%3C1%3E');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.textContent).toBe('abc<1>');
  });

  it('says why there is no link', () => {
    const div = parse(
      exemplarTooltipHtml(e, { ...base, linkTemplate: 'https://t.example/${tid}' }),
    );
    expect(div.querySelector('a')).toBeNull();
    expect(div.textContent).toContain('(no link: no label "tid" for the link)');
  });
});
