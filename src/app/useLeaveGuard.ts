import { useEffect } from 'react';
import { addLeaveGuard } from './router';

const pathOf = (hash: string) => hash.split('?')[0];

/**
 * While `active`, asks before leaving: the browser's own prompt when the tab closes or reloads,
 * `message` (confirm) when the hash route changes to another path (parameters such as the time
 * range may change freely). Refused, the URL goes back and the route never changes.
 */
export function useLeaveGuard(active: boolean, message: string) {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    const removeGuard = addLeaveGuard(
      (next, current) => pathOf(next) === pathOf(current) || confirm(message),
    );
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      removeGuard();
    };
  }, [active, message]);
}
