/**
 * Runs `fn` when the main thread is idle, at the latest after `timeoutMs`; returns a cancel.
 * Safari has no requestIdleCallback: the next task then.
 */
export function whenIdle(fn: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'undefined') {
    const t = setTimeout(fn, 0);
    return () => clearTimeout(t);
  }
  const id = requestIdleCallback(fn, { timeout: timeoutMs });
  return () => cancelIdleCallback(id);
}
