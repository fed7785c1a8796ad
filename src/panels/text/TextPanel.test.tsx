// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEnv } from '../../query/env';
import { cleanupMounts, mountPlugin, testPanel } from '../shared/render.testing';
import { readTextOptions } from './options';
import textPlugin from '.';

afterEach(cleanupMounts);
// the View's code loads on demand (shared/lazy.tsx)
beforeAll(() => textPlugin.load?.());

const env: QueryEnv = {
  fromMs: 0,
  toMs: 1,
  timeZone: 'utc',
  datasource: () => ({ error: 'none' }),
  scope: { job: { value: 'api<img src=x onerror=alert(1)>' } },
  dashboard: { uid: 'u', title: 't' },
};

describe('readTextOptions', () => {
  it('defaults to empty markdown', () => {
    expect(readTextOptions({})).toEqual({ mode: 'markdown', content: '' });
    expect(readTextOptions({ mode: 'code', content: 1 })).toEqual({
      mode: 'markdown',
      content: '',
    });
    expect(readTextOptions({ mode: 'html', content: '<b>x</b>' })).toEqual({
      mode: 'html',
      content: '<b>x</b>',
    });
  });
});

describe('TextPanel', () => {
  it('renders sanitised Markdown with variables replaced', () => {
    const panel = testPanel('text', {
      targets: [],
      options: { mode: 'markdown', content: '## Job $job\n\n<script>window.x=1</script>' },
    });
    const { container } = mountPlugin(textPlugin, panel, { widthPx: 300, heightPx: 200, env });
    const el = container.querySelector('[data-testid="text-panel"]')!;
    expect(el.querySelector('h2')?.textContent).toBe('Job api');
    expect(el.querySelector('img')?.getAttribute('onerror')).toBeNull();
    expect(el.querySelector('script')).toBeNull();
  });

  it('works without a query environment (html mode)', () => {
    const panel = testPanel('text', { options: { mode: 'html', content: '<i>$job</i>' } });
    const { container } = mountPlugin(textPlugin, panel, { widthPx: 300, heightPx: 200 });
    expect(container.querySelector('i')?.textContent).toBe('$job');
  });
});
