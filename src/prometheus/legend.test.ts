import { describe, expect, it } from 'vitest';
import { formatLegend, legendNames, seriesName } from './legend';

const labels = { __name__: 'http_requests_total', job: 'api', instance: 'a:9100', code: '' };

describe('formatLegend (Grafana semantics)', () => {
  it.each([
    ['{{job}}', 'api'],
    ['{{ job }} / {{instance}}', 'api / a:9100'],
    ['static text', 'static text'],
    ['{{missing}}', 'missing'],
    ['{{code}}', ''],
    ['p{{job}}🔒', 'papi🔒'],
  ])('%s → %s', (fmt, want) => expect(formatLegend(fmt, labels)).toBe(want));

  it('falls back to the series name for empty and __auto formats', () => {
    expect(formatLegend('', labels)).toBe(
      'http_requests_total{code="", instance="a:9100", job="api"}',
    );
    expect(formatLegend('__auto', { job: 'x' })).toBe('{job="x"}');
  });
});

describe('seriesName', () => {
  it('names a label-less result {}', () => expect(seriesName({})).toBe('{}'));
  it('escapes quotes and backslashes', () =>
    expect(seriesName({ p: 'a"b\\c' })).toBe('{p="a\\"b\\\\c"}'));
});

describe('legendNames: __auto is Grafana\'s "Auto" legend', () => {
  const m = 'http_requests_total';
  it('shows only the label that differs, as its value', () => {
    expect(
      legendNames('__auto', [
        { __name__: m, job: 'api', instance: 'a' },
        { __name__: m, job: 'api', instance: 'b' },
      ]),
    ).toEqual(['a', 'b']);
  });
  it('several differing labels as {k="v"}, without the common ones', () => {
    expect(
      legendNames('__auto', [
        { __name__: m, job: 'api', instance: 'a', code: '200' },
        { __name__: m, job: 'api', instance: 'b', code: '500' },
      ]),
    ).toEqual(['{code="200", instance="a"}', '{code="500", instance="b"}']);
  });
  it('a label only some series have differs', () => {
    expect(legendNames('__auto', [{ job: 'api' }, { job: 'api', le: '0.5' }])).toEqual(['', '0.5']);
  });
  it('a differing metric name leads', () => {
    expect(
      legendNames('__auto', [
        { __name__: 'a_total', job: 'x' },
        { __name__: 'b_total', job: 'y' },
      ]),
    ).toEqual(['a_total{job="x"}', 'b_total{job="y"}']);
  });
  it('nothing differs: the metric name, else the series name', () => {
    expect(legendNames('__auto', [{ __name__: m, job: 'api' }])).toEqual([m]);
    expect(legendNames('__auto', [{ job: 'api' }])).toEqual(['{job="api"}']);
    expect(legendNames('__auto', [{}])).toEqual(['{}']);
    expect(legendNames('__auto', [])).toEqual([]);
  });
  it('other formats are per series, as formatLegend', () => {
    const series = [
      { __name__: m, job: 'a' },
      { __name__: m, job: 'b' },
    ];
    expect(legendNames('{{job}}', series)).toEqual(['a', 'b']);
    expect(legendNames('', series)).toEqual([`${m}{job="a"}`, `${m}{job="b"}`]);
  });
});
