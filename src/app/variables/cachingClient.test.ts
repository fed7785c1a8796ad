import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { PrometheusClient } from '../../prometheus/client';
import type { DatasourceHandle } from '../../query/env';
import { cachingVariableClient } from './useVariables';

describe('cachingVariableClient', () => {
  it('sends a lookup once per arguments; invalidating ["prom"] sends it again', async () => {
    const calls: string[] = [];
    const client = {
      labelValues: async (label: string, q?: { match?: string[] }) => {
        calls.push(`${label} ${q?.match?.[0] ?? ''}`);
        return { data: [`${label}-1`], warnings: [] };
      },
    } as unknown as PrometheusClient;
    const handle: DatasourceHandle = { name: 'p', client, scrapeIntervalMs: 15_000, cacheKey: 'k' };
    const qc = new QueryClient();
    const c = cachingVariableClient(qc, handle);
    const q = { match: ['up{job="a"}'], startSec: 0, endSec: 60 };
    expect((await c.labelValues('instance', q)).data).toEqual(['instance-1']);
    await c.labelValues('instance', { ...q });
    await c.labelValues('instance', { ...q, match: ['up{job="b"}'] });
    expect(calls).toEqual(['instance up{job="a"}', 'instance up{job="b"}']);
    await qc.invalidateQueries({ queryKey: ['prom'] });
    await c.labelValues('instance', q);
    expect(calls).toHaveLength(3);
  });
});
