import { describe, expect, it } from 'vitest';
import type { Datasource } from '../state/datasources';
import { datasourceSecrets, publicDatasource, redactSecrets, REDACTED } from './secrets';

const ds: Datasource = {
  id: 'x',
  name: 'prod',
  url: 'http://scry:hunter22@prom.internal:9090/prometheus/',
  scrapeInterval: '30s',
  headers: [
    { name: 'X-Api-Key', value: 'key-123456' },
    { name: 'X-Short', value: 'abc' },
  ],
  isDefault: true,
  maxConcurrent: 6,
  authorization: 'Basic ' + btoa('alice:s3cr3t-pass'),
  orgId: 'tenant-42',
  flavour: 'mimir',
};

describe('secrets', () => {
  it('a snapshot names a datasource by name, interval, flavour only', () => {
    expect(publicDatasource(ds)).toEqual({
      name: 'prod',
      scrapeIntervalMs: 30_000,
      isDefault: true,
      flavour: 'mimir',
    });
  });

  it('lists URL, credentials (decoded too), tenant and header values', () => {
    const s = datasourceSecrets(ds);
    for (const x of [
      ds.url,
      'prom.internal:9090',
      'scry:hunter22',
      ds.authorization!,
      'alice:s3cr3t-pass',
      's3cr3t-pass',
      'tenant-42',
      'key-123456',
    ])
      expect(s).toContain(x);
    expect(s).not.toContain('abc'); // too short to redact safely
  });

  it('redacts them from every string and key, leaving the rest', () => {
    const value = {
      title: 'Auth is s3cr3t-pass here',
      labels: { instance: 'prom.internal:9090', job: 'api' },
      ['key-123456']: [1, 'x'],
    };
    expect(redactSecrets(value, datasourceSecrets(ds))).toEqual({
      title: `Auth is ${REDACTED} here`,
      labels: { instance: REDACTED, job: 'api' },
      [REDACTED]: [1, 'x'],
    });
  });
});
