import { describe, expect, it } from 'vitest';
import { describeEstimate } from './storageFacts';

describe('describeEstimate', () => {
  it('shows used, available (quota − usage) and the share in use', () => {
    expect(describeEstimate({ usage: 1536, quota: 10 * 1024 * 1024 })).toEqual({
      used: '1.5 KB',
      available: '10.0 MB',
      share: '< 0.1 %',
    });
    expect(describeEstimate({ usage: 3 * 1024 ** 3, quota: 4 * 1024 ** 3 })).toEqual({
      used: '3.00 GB',
      available: '1.00 GB',
      share: '75.0 %',
    });
    expect(describeEstimate({ usage: 0, quota: 100 })).toMatchObject({ share: '0.0 %' });
  });

  it('gives null without figures', () => {
    expect(describeEstimate({})).toBeNull();
    expect(describeEstimate({ usage: 1, quota: 0 })).toBeNull();
  });
});
