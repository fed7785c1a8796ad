// @vitest-environment jsdom
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { useRemembered, ViewMemoryContext, type ViewMemory } from './remembered';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

function Counter() {
  const [n, setN] = useRemembered('n', () => 0);
  return (
    <button className="add" onClick={() => setN((prev) => prev + 2)}>
      {n}
    </button>
  );
}

/** A counter that the "remount" button rebuilds (as a theme change rebuilds a panel's view). */
function Host({ memory }: { memory: ViewMemory | null }) {
  const [key, setKey] = useState(0);
  return (
    <ViewMemoryContext.Provider value={memory}>
      <Counter key={key} />
      <button className="remount" onClick={() => setKey((k) => k + 1)} />
    </ViewMemoryContext.Provider>
  );
}

function run(memory: ViewMemory | null): string[] {
  const el = document.createElement('div');
  const root = createRoot(el);
  const click = (sel: string) => act(() => el.querySelector<HTMLButtonElement>(sel)!.click());
  const count = () => el.querySelector('.add')!.textContent ?? '';
  act(() => root.render(<Host memory={memory} />));
  click('.add');
  const seen = [count()];
  click('.remount');
  seen.push(count());
  act(() => root.unmount());
  return seen;
}

describe('useRemembered', () => {
  it('a remount under the same memory starts from the last value', () => {
    expect(run(new Map())).toEqual(['2', '2']);
  });
  it('without a memory it is plain useState', () => {
    expect(run(null)).toEqual(['2', '0']);
  });
});
