import { describe, expect, it } from 'vitest';
import { readAlertListOptions } from './options';

const both = { firing: true, pending: true };

describe('readAlertListOptions', () => {
  it('fills defaults', () => {
    expect(readAlertListOptions({})).toEqual({
      stateFilter: both,
      nameFilter: '',
      labelFilter: '',
      maxItems: 20,
      sortOrder: 'importance',
      groupBy: [],
    });
  });
  it('reads Grafana alertlist options', () => {
    expect(
      readAlertListOptions({
        stateFilter: { firing: true, pending: false, normal: true },
        alertName: 'Down',
        alertInstanceLabelFilter: '{job="api"}',
        maxItems: 5,
        sortOrder: 5,
      }),
    ).toEqual({
      stateFilter: { firing: true, pending: false },
      nameFilter: 'Down',
      labelFilter: '{job="api"}',
      maxItems: 5,
      sortOrder: 'timeDesc',
      groupBy: [],
    });
    expect(
      readAlertListOptions({ stateFilter: { normal: true, firing: false, pending: false } })
        .stateFilter,
    ).toEqual(both);
    expect(readAlertListOptions({ sortOrder: 'alphaDesc', groupBy: ['job', 3] })).toMatchObject({
      sortOrder: 'alphaDesc',
      groupBy: ['job'],
    });
  });
});
