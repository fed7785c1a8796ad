import { describe, expect, it } from 'vitest';
import { checkExemplarLinkTemplate, exemplarLink, templateVariables } from './exemplarLink';

const ex = (labels: Record<string, string>, seriesLabels: Record<string, string> = {}) => ({
  labels,
  seriesLabels,
});

describe('exemplarLink', () => {
  it('puts the trace id into the template', () => {
    expect(
      exemplarLink('https://tracing.example/trace/${trace_id}', ex({ trace_id: '0af7651916cd' })),
    ).toEqual({ href: 'https://tracing.example/trace/0af7651916cd' });
  });

  it('percent-encodes every value, so a label cannot add a path, query or fragment', () => {
    expect(
      exemplarLink(
        'https://t.example/trace/${trace_id}?svc=${job}',
        ex({ trace_id: '../admin?x=1#y' }, { job: 'a&b c' }),
      ),
    ).toEqual({ href: 'https://t.example/trace/..%2Fadmin%3Fx%3D1%23y?svc=a%26b%20c' });
  });

  it('takes the exemplar label before the series label of the same name', () => {
    expect(exemplarLink('/t/${id}', ex({ id: 'own' }, { id: 'series' }))).toEqual({
      href: '/t/own',
    });
  });

  it('says which label is missing, and refuses non-http schemes', () => {
    expect(exemplarLink('https://t.example/${trace_id}', ex({ span_id: 's' }))).toEqual({
      error: 'no label "trace_id" for the link',
    });
    expect(exemplarLink('javascript:alert(${trace_id})', ex({ trace_id: '1' }))).toEqual({
      error: 'only http(s) and relative links are opened',
    });
    // a value cannot turn a relative template into another scheme: it is encoded
    expect(exemplarLink('${trace_id}', ex({ trace_id: 'javascript:alert(1)' }))).toEqual({
      href: 'javascript%3Aalert(1)',
    });
  });

  it('lists the template variables', () => {
    expect(templateVariables('https://x/${trace_id}/${span_id}')).toEqual(['trace_id', 'span_id']);
  });
});

describe('checkExemplarLinkTemplate', () => {
  it('accepts an empty template and http(s) URLs naming a label', () => {
    expect(checkExemplarLinkTemplate('')).toBeNull();
    expect(checkExemplarLinkTemplate('https://tracing.example/trace/${trace_id}')).toBeNull();
    expect(checkExemplarLinkTemplate('http://127.0.0.1:16686/trace/${trace_id}')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(checkExemplarLinkTemplate('https://tracing.example/trace/')).toMatch(
      /name the label to put in the link/,
    );
    expect(checkExemplarLinkTemplate('javascript:${trace_id}')).toMatch(/must be an http\(s\) URL/);
    expect(checkExemplarLinkTemplate('https://t.example/${trace id}')).toMatch(
      /write variables as \$\{label_name\}/,
    );
  });
});
