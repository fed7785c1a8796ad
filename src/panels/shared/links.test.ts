import { describe, expect, it } from 'vitest';
import type { DashboardLink } from '../../model/dashboard';
import {
  interpolateLink,
  linkAttributes,
  resolveDashboardLink,
  resolveLink,
  storedDashboardHref,
  type LinkData,
  type LinkEnv,
} from './links';

const FROM = Date.UTC(2024, 0, 1, 10);
const TO = Date.UTC(2024, 0, 1, 11);

const env: LinkEnv = {
  scope: {
    job: { value: 'api server' },
    svc: { value: ['a&b', 'c'], multi: true },
    all: { value: '$__all', isAll: true, includeAll: true, multi: true, options: ['x', 'y'] },
    secret: { value: 'k' },
  },
  fromMs: FROM,
  toMs: TO,
  rawRange: { from: 'now-6h', to: 'now' },
  urlVariables: ['job', 'svc', 'all'],
};

const data: LinkData = {
  field: { name: 'Value #A', labels: { instance: 'h:9/1?x=1&y', job: 'api' } },
  value: { raw: 0.25, text: '250 ms', timeMs: FROM + 60_000 },
  seriesName: 'up{job="api"}',
  row: { names: ['Time', 'instance', 'Value #A'], values: [TO, 'h:9/1', 0.25] },
  cell: 'a b/c',
};

const dashLink = (over: Partial<DashboardLink>): DashboardLink => ({
  type: 'link',
  title: '',
  url: '',
  tooltip: '',
  tags: [],
  asDropdown: false,
  targetBlank: false,
  includeVars: false,
  keepTime: false,
  ...over,
});

describe('interpolateLink in a URL', () => {
  const url = (t: string, d: LinkData | undefined = data) => interpolateLink(t, env, d, 'url');

  it('encodes data values', () => {
    expect(url('https://x/?i=${__field.labels.instance}')).toBe(
      'https://x/?i=h%3A9%2F1%3Fx%3D1%26y',
    );
    expect(url('/p/${__field.name}')).toBe('/p/Value%20%23A');
    expect(url('?v=${__value.raw}&t=${__value.text}&n=${__value.numeric}&at=${__value.time}')).toBe(
      `?v=0.25&t=250%20ms&n=0.25&at=${FROM + 60_000}`,
    );
    expect(url('?s=${__series.name}')).toBe('?s=up%7Bjob%3D%22api%22%7D');
    expect(url('?c=$__cell&c0=$__cell_0&c1=${__cell_1}&c2=$__cell_2')).toBe(
      `?c=a%20b%2Fc&c0=${TO}&c1=h%3A9%2F1&c2=0.25`,
    );
    expect(
      url('?f=${__data.fields[1]}&g=${__data.fields["Value #A"]}&h=${__data.fields.instance}'),
    ).toBe('?f=h%3A9%2F1&g=0.25&h=h%3A9%2F1');
  });

  it('a missing label is empty; data variables without data stay as typed', () => {
    expect(url('?z=${__field.labels.zone}')).toBe('?z=');
    expect(interpolateLink('?z=${__field.labels.zone}&c=$__cell', env, undefined, 'url')).toBe(
      '?z=${__field.labels.zone}&c=$__cell',
    );
  });

  it(':raw keeps a value as is', () => {
    expect(url('https://${__field.labels.instance:raw}/')).toBe('https://h:9/1?x=1&y/');
    expect(url('/${job:raw}')).toBe('/api server');
  });

  it('encodes dashboard variables; formats still apply', () => {
    expect(url('?j=$job&s=${svc}&a=$all')).toBe('?j=api%20server&s=%7Ba%26b%2Cc%7D&a=%7Bx%2Cy%7D');
    expect(url('?${svc:queryparam}')).toBe('?var-svc=a%26b&var-svc=c');
    expect(url('?unknown=$nope')).toBe('?unknown=$nope');
  });

  it('time: $__url_time_range keeps relative ranges, $__from/$__to in ms or formatted', () => {
    expect(url('/d/x?$__url_time_range')).toBe('/d/x?from=now-6h&to=now');
    expect(url('/d/x?${__url_time_range}')).toBe('/d/x?from=now-6h&to=now');
    const absolute = { ...env, rawRange: { from: '2024-01-01T10:00:00Z', to: String(TO) } };
    expect(interpolateLink('?$__url_time_range', absolute, undefined, 'url')).toBe(
      `?from=${FROM}&to=${TO}`,
    );
    expect(url('?a=${__from}&b=$__to&c=${__from:date:iso}')).toBe(
      `?a=${FROM}&b=${TO}&c=2024-01-01T10:00:00.000Z`,
    );
  });

  it('$__all_variables: the URL variables only, All as $__all', () => {
    expect(url('/d/x?$__all_variables')).toBe(
      '/d/x?var-job=api%20server&var-svc=a%26b&var-svc=c&var-all=%24__all',
    );
  });
});

describe('interpolateLink in a title', () => {
  it('inserts text unencoded', () => {
    expect(interpolateLink('${__field.labels.instance} on $job', env, data, 'text')).toBe(
      'h:9/1?x=1&y on api server',
    );
  });
});

describe('resolveLink', () => {
  it('interpolates, keeps targetBlank, titles default to the URL', () => {
    expect(resolveLink({ title: '', url: 'https://x/$job', targetBlank: true }, env, data)).toEqual(
      {
        title: 'https://x/api%20server',
        href: 'https://x/api%20server',
        blocked: undefined,
        targetBlank: true,
      },
    );
  });

  it('never opens javascript: or data: URLs, however they are built', () => {
    const xss = { ...env, scope: { ...env.scope, evil: { value: 'javascript:alert(1)' } } };
    for (const u of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<b>x</b>',
      '${evil:raw}',
    ]) {
      const r = resolveLink({ title: '<img src=x onerror=alert(1)>', url: u }, xss, data);
      expect(r.href).toBeUndefined();
      expect(r.blocked).toBeDefined();
      expect(linkAttributes(r).href).toBeUndefined();
    }
    // an encoded value cannot become a scheme: it is a relative path
    expect(resolveLink({ title: '', url: '$evil' }, xss).href).toBe('javascript%3Aalert%281%29');
  });

  it('attributes: rel always, target only when asked, the target on hover', () => {
    expect(linkAttributes({ href: 'https://x', targetBlank: true })).toEqual({
      href: 'https://x',
      target: '_blank',
      rel: 'noopener noreferrer',
      title: 'https://x',
    });
    expect(linkAttributes({ href: '/a', targetBlank: false })).toEqual({
      href: '/a',
      rel: 'noopener noreferrer',
      title: '/a',
    });
    expect(linkAttributes({ title: 'Runbook', href: '/a', targetBlank: false }).title).toBe(
      'Runbook\n/a',
    );
    expect(linkAttributes({ href: undefined, blocked: 'data:x', targetBlank: true })).toEqual({
      rel: 'noopener noreferrer',
      target: '_blank',
      title: 'Not opened: only http(s) and relative links are (data:x)',
    });
  });
});

describe('dashboard links', () => {
  it('keepTime, then includeVars, appended to the interpolated URL', () => {
    const r = resolveDashboardLink(
      dashLink({ url: 'https://g/d/abc?orgId=1&j=$job', keepTime: true, includeVars: true }),
      env,
    );
    expect(r.href).toBe(
      'https://g/d/abc?orgId=1&j=api%20server&from=now-6h&to=now&var-job=api%20server&var-svc=a%26b&var-svc=c&var-all=%24__all',
    );
    expect(r.title).toBe('https://g/d/abc?orgId=1&j=api%20server');
  });

  it('a Scry route gets its parameters inside the hash', () => {
    expect(
      resolveDashboardLink(dashLink({ title: 'Other', url: '#/d/other', keepTime: true }), env)
        .href,
    ).toBe('#/d/other?from=now-6h&to=now');
  });

  it('an unsafe URL is refused even with parameters', () => {
    const r = resolveDashboardLink(dashLink({ url: 'javascript:alert(1)//', keepTime: true }), env);
    expect(r.href).toBeUndefined();
  });

  it('stored dashboards of a dashboards link', () => {
    expect(storedDashboardHref('b', dashLink({ type: 'dashboards', includeVars: true }), env)).toBe(
      '#/d/b?var-job=api%20server&var-svc=a%26b&var-svc=c&var-all=%24__all',
    );
    expect(storedDashboardHref('b', dashLink({ type: 'dashboards' }), env)).toBe('#/d/b');
  });
});
