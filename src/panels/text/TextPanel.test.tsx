// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { QueryEnvContext, type QueryEnv } from '../../query/env';
import { mount, testCtx, testData, testPanel } from '../shared/render.testing';
import { readTextOptions } from './options';
import PluginView from '../PluginView';
import textPlugin from '.';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

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
    const { container, unmount } = mount(
      <QueryEnvContext.Provider value={env}>
        <PluginView
          plugin={textPlugin}
          panel={panel}
          data={testData([])}
          widthPx={300}
          heightPx={200}
          ctx={testCtx}
        />
      </QueryEnvContext.Provider>,
    );
    cleanup = unmount;
    const el = container.querySelector('[data-testid="text-panel"]')!;
    expect(el.querySelector('h2')?.textContent).toBe('Job api');
    expect(el.querySelector('img')?.getAttribute('onerror')).toBeNull();
    expect(el.querySelector('script')).toBeNull();
  });

  it('works without a query environment (html mode)', () => {
    const panel = testPanel('text', { options: { mode: 'html', content: '<i>$job</i>' } });
    const { container, unmount } = mount(
      <PluginView
        plugin={textPlugin}
        panel={panel}
        data={testData([])}
        widthPx={300}
        heightPx={200}
        ctx={testCtx}
      />,
    );
    cleanup = unmount;
    expect(container.querySelector('i')?.textContent).toBe('$job');
  });
});
