// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Transformation } from '../../model/dashboard';
import { cleanupMounts, mount } from '../../panels/shared/render.testing';
import type { TransformProblem } from '../../transform/index';
import TransformOptions from './TransformOptions';

afterEach(cleanupMounts);

function editor(start: Transformation[] | undefined, problems: TransformProblem[] = []) {
  let list = start;
  const m = mount(<div />);
  const render = () =>
    m.rerender(
      <TransformOptions
        panel={{ transformations: list }}
        problems={problems}
        onChange={(next) => {
          list = next;
          render();
        }}
      />,
    );
  render();
  return { el: m.container, get: () => list };
}

const click = (el: Element) =>
  act(() => {
    (el as HTMLElement).click();
  });

const list: Transformation[] = [
  {
    id: 'calculateField',
    options: {
      mode: 'binary',
      alias: 'Used',
      binary: { left: 'Size', operator: '-', right: 'Free' },
    },
  },
  { id: 'organize', options: { excludeByName: { Time: true }, renameByName: { dc: 'DC' } } },
  { id: 'prepareTimeSeries', options: {} },
];

describe('TransformOptions', () => {
  it('is absent without transformations', () => {
    expect(editor(undefined).el.textContent).toBe('');
  });

  it('lists id and summary, what Scry cannot do and why one did not apply', () => {
    const e = editor(list, [{ index: 0, id: 'calculateField', message: 'no field named "Free"' }]);
    const items = [...e.el.querySelectorAll('[data-testid="transformation"]')];
    expect(
      items.map((i) => i.querySelector('[data-testid="transformation-summary"]')!.textContent),
    ).toEqual([
      '1. calculateField: Size - Free; as "Used"',
      '2. organize: hide Time; rename dc → DC',
      '3. prepareTimeSeries',
    ]);
    expect(
      items.map((i) =>
        [...i.querySelectorAll('[data-testid="transformation-problem"]')].map((x) => x.textContent),
      ),
    ).toEqual([['no field named "Free"'], [], ['not supported by Scry: kept, not applied']]);
  });

  it('disables, enables and removes; the last removal leaves none', () => {
    const e = editor(list);
    click(e.el.querySelector('[aria-label="Enable transformation 2 (organize)"]')!);
    expect(e.get()![1]).toEqual({ ...list[1], disabled: true });
    expect(e.el.querySelectorAll('[data-disabled]')).toHaveLength(1);
    click(e.el.querySelector('[aria-label="Enable transformation 2 (organize)"]')!);
    expect(e.get()![1]).toEqual(list[1]);
    click(e.el.querySelector('[aria-label="Remove transformation 1 (calculateField)"]')!);
    expect(e.get()!.map((t) => t.id)).toEqual(['organize', 'prepareTimeSeries']);
    click(e.el.querySelector('[aria-label="Remove transformation 1 (organize)"]')!);
    click(e.el.querySelector('[aria-label="Remove transformation 1 (prepareTimeSeries)"]')!);
    expect(e.get()).toBeUndefined();
  });
});
