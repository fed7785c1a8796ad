import { useEffect, useState } from 'react';
import { cancelAllRequests, inflightCount, useInflightVersion } from '../../query/inflight';

/**
 * The toolbar's "Cancel all": stops every panel request in flight. Shown once requests have been
 * running for a second (quick refreshes do not flash it).
 */
export default function CancelAll() {
  useInflightVersion();
  const busy = inflightCount() > 0;
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!busy) return;
    const t = setTimeout(() => setSlow(true), 1000);
    return () => {
      clearTimeout(t);
      setSlow(false);
    };
  }, [busy]);
  if (!busy || !slow) return null;
  return (
    <button
      type="button"
      data-testid="cancel-all"
      title="Stop every query still waiting for an answer"
      onClick={cancelAllRequests}
    >
      Cancel all
    </button>
  );
}
