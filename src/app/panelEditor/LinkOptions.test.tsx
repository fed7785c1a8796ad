// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Panel } from '../../model/dashboard';
import { cleanupMounts, mount, testPanel } from '../../panels/shared/render.testing';
import LinkOptions from './LinkOptions';

afterEach(cleanupMounts);

/** Types into a React-controlled input. */
function type(input: HTMLInputElement, value: string) {
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    set.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function editor(start: Panel, dataLinks = true) {
  let panel = start;
  const m = mount(<div />);
  const render = () =>
    m.rerender(
      <LinkOptions
        panel={panel}
        dataLinks={dataLinks}
        onChange={(fn) => {
          panel = fn(panel);
          render();
        }}
      />,
    );
  render();
  return { el: m.container, get: () => panel };
}

describe('LinkOptions', () => {
  it('adds, edits and deletes panel links; names a URL that never opens', () => {
    const e = editor(testPanel('timeseries'));
    const panelLinks = e.el.querySelector('[data-testid="panel-links-editor"]')!;
    act(() => panelLinks.querySelector<HTMLButtonElement>('button:last-of-type')!.click());
    expect(e.get().links).toEqual([{ title: '', url: '' }]);
    const [title, url] = [...panelLinks.querySelectorAll<HTMLInputElement>('input:not([type])')];
    type(title!, 'Logs $job');
    type(url!, 'javascript:alert(1)');
    expect(panelLinks.querySelector('[role="alert"]')!.textContent).toMatch(/Only http\(s\)/);
    type(url!, 'https://logs/?job=$job');
    expect(panelLinks.querySelector('[role="alert"]')).toBeNull();
    act(() => panelLinks.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click());
    expect(e.get().links).toEqual([
      { title: 'Logs $job', url: 'https://logs/?job=$job', targetBlank: true },
    ]);
    act(() => panelLinks.querySelector<HTMLButtonElement>('button.danger')!.click());
    expect(e.get().links).toBeUndefined();
  });

  it('data links live in the field config, only where the type shows them', () => {
    const e = editor(testPanel('table'));
    const data = e.el.querySelector('[data-testid="data-links-editor"]')!;
    act(() => data.querySelector<HTMLButtonElement>('button:last-of-type')!.click());
    type(data.querySelectorAll<HTMLInputElement>('input:not([type])')[1]!, '/d?v=${__value.raw}');
    expect(e.get().fieldConfig).toEqual({
      unit: 'short',
      links: [{ title: '', url: '/d?v=${__value.raw}' }],
    });
    expect(
      editor(testPanel('stat'), false).el.querySelector('[data-testid="data-links-editor"]'),
    ).toBeNull();
  });
});
