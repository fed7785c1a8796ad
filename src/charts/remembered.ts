import { createContext, useCallback, useContext, useState } from 'react';

/**
 * What a panel's view remembers across a rebuild of its chart: a theme change builds the view
 * anew (named colours resolve per theme, panels/PluginView.tsx), and a panel type may swap its
 * chart's layout at a size breakpoint — the legend's toggles should outlive both.
 */
export type ViewMemory = Map<string, unknown>;

export const ViewMemoryContext = createContext<ViewMemory | null>(null);

/**
 * `useState` whose value outlives a remount inside the same panel (under one ViewMemoryContext):
 * a remount starts from the last value set under `slot`, not from `init`.
 */
export function useRemembered<T>(
  slot: string,
  init: () => T,
): [T, (next: T | ((prev: T) => T)) => void] {
  const memory = useContext(ViewMemoryContext);
  const [value, setValue] = useState<T>(() =>
    memory?.has(slot) ? (memory.get(slot) as T) : init(),
  );
  const set = useCallback(
    (next: T | ((prev: T) => T)) =>
      setValue((prev) => {
        const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
        memory?.set(slot, v);
        return v;
      }),
    [memory, slot],
  );
  return [value, set];
}
