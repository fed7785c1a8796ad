import { useMemo } from 'react';
import { createEditorClient, type EditorPromClient } from '../editor/client';
import type { DatasourceHandle } from '../query/env';

/**
 * The PromQL editor's completion client for a datasource (null without one). Completion looks
 * back from `nowMs` to the start of the range viewed (at least 12 h), so old ranges complete
 * their own metric names; whole hours keep the client's identity stable between renders.
 */
export function useEditorClient(
  handle: Pick<DatasourceHandle, 'client' | 'cacheKey'> | null | undefined,
  fromMs: number,
  nowMs: number,
): EditorPromClient | null {
  const lookbackHours = Math.max(12, Math.ceil((nowMs - fromMs) / 3_600_000));
  const client = handle?.client ?? null;
  const cacheKey = handle?.cacheKey ?? '';
  return useMemo(
    () =>
      client
        ? createEditorClient(client, {
            lookbackMs: lookbackHours * 3_600_000,
            key: `${cacheKey}|${lookbackHours}h`,
          })
        : null,
    [client, cacheKey, lookbackHours],
  );
}
