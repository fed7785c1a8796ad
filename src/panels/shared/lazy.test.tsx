// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyComponent } from './lazy';
import { mount } from './render.testing';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const Hello = (p: { name: string }) => <b>hello {p.name}</b>;

describe('lazyComponent', () => {
  it('loads on first render, then renders at once on every later mount', async () => {
    let loads = 0;
    const Lazy = lazyComponent('greeting', async () => {
      loads++;
      return { default: Hello };
    });
    const first = mount(<Lazy name="a" />);
    expect(first.container.textContent).toBe('');
    await act(async () => {});
    expect(first.container.textContent).toBe('hello a');
    first.unmount();
    const second = mount(<Lazy name="b" />);
    cleanup = second.unmount;
    expect(second.container.textContent).toBe('hello b');
    expect(loads).toBe(1);
  });

  it('says what could not be loaded, and the next mount tries again', async () => {
    let fail = true;
    const Lazy = lazyComponent('heatmap panel', async () => {
      if (fail) throw new Error('network down');
      return { default: Hello };
    });
    const first = mount(<Lazy name="x" />);
    await act(async () => {});
    expect(first.container.querySelector('[role="alert"]')?.textContent).toBe(
      'The heatmap panel could not be loaded (network down); reload the page.',
    );
    first.unmount();
    fail = false;
    const second = mount(<Lazy name="y" />);
    cleanup = second.unmount;
    await act(async () => {});
    expect(second.container.textContent).toBe('hello y');
  });
});
