import { describe, expect, it } from 'vitest';
import { readBarGaugeOptions } from './options';

describe('readBarGaugeOptions', () => {
  it('fills Grafana defaults', () => {
    expect(readBarGaugeOptions({})).toEqual({
      reduce: 'lastNotNull',
      orientation: 'auto',
      displayMode: 'gradient',
      showUnfilled: true,
      valueMode: 'color',
      namePlacement: 'auto',
    });
    expect(
      readBarGaugeOptions({ displayMode: 'lcd', showUnfilled: false, orientation: 'x' }),
    ).toMatchObject({ displayMode: 'lcd', showUnfilled: false, orientation: 'auto' });
  });
});
