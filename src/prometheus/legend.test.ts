import { describe, expect, it } from 'vitest';
import { formatLegend, seriesName } from './legend';

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
