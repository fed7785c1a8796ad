import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createEditorClient, type EditorPromClient } from '../editor/client';
import { FLAVOUR_INFO } from '../prometheus/flavour';
import type { DatasourceHandle } from '../query/env';

/**
 * The PromQL editor's completion client for a datasource (null without one). Completion looks
 * back from `nowMs` to the start of the range viewed (at least 12 h), so old ranges complete
 * their own metric names; whole hours keep the client's identity stable between renders.
 */
export function useEditorClient(
  handle: Pick<DatasourceHandle, 'client' | 'cacheKey' | 'flavour'> | null | undefined,
  fromMs: number,
  nowMs: number,
): EditorPromClient | null {
  const queryClient = useQueryClient();
  const lookbackHours = Math.max(12, Math.ceil((nowMs - fromMs) / 3_600_000));
  const client = handle?.client ?? null;
  const cacheKey = handle?.cacheKey ?? '';
  // the flavour decides which optional endpoints completion uses, and the linter's dialect
  const info = FLAVOUR_INFO[handle?.flavour ?? 'prometheus'];
  return useMemo(
    () =>
      client
        ? createEditorClient(client, {
            lookbackMs: lookbackHours * 3_600_000,
            key: cacheKey,
            queryClient,
            metadata: info.offers.metadata,
            flags: info.offers.flags,
            dialect: info.dialect,
          })
        : null,
    [client, cacheKey, lookbackHours, info, queryClient],
  );
}
