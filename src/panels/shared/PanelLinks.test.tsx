// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import PanelLinks from './PanelLinks';
import { cleanupMounts, mount } from './render.testing';

afterEach(cleanupMounts);

const env = {
  scope: { job: { value: 'a&b' } },
  fromMs: 1000,
  toMs: 2000,
  rawRange: { from: 'now-1h', to: 'now' },
};

describe('PanelLinks', () => {
  it('opens a list of interpolated, checked links', () => {
    const { container } = mount(
      <PanelLinks
        env={env}
        links={[
          { title: 'Logs $job', url: '/logs?job=$job&$__url_time_range', targetBlank: true },
          { title: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)' },
        ]}
      />,
    );
    expect(container.querySelectorAll('a')).toHaveLength(0);
    act(() => container.querySelector<HTMLButtonElement>('button')!.click());
    const [logs, evil] = [...container.querySelectorAll('a')];
    expect(logs!.textContent).toBe('Logs a&b');
    expect(logs!.getAttribute('href')).toBe('/logs?job=a%26b&from=now-1h&to=now');
    expect(logs!.getAttribute('target')).toBe('_blank');
    expect(logs!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(evil!.hasAttribute('href')).toBe(false);
    expect(evil!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });
});
