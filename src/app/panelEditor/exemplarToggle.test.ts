import { describe, expect, it } from 'vitest';
import { exemplarToggle } from './exemplarToggle';

const prom = { flavour: 'prometheus' as const };

describe('exemplarToggle', () => {
  it('is on for a Prometheus range query on a panel that draws exemplars', () => {
    expect(exemplarToggle({ datasource: prom, panelShows: true, instant: false })).toEqual({
      enabled: true,
    });
  });

  it('explains why it is off', () => {
    expect(
      exemplarToggle({
        datasource: { flavour: 'victoriametrics' },
        panelShows: true,
        instant: false,
      }),
    ).toEqual({
      enabled: false,
      reason: 'Exemplars: not offered by this server (VictoriaMetrics).',
    });
    expect(exemplarToggle({ datasource: prom, panelShows: false, instant: false })).toEqual({
      enabled: false,
      reason: 'Exemplars are drawn on time series and heatmap panels only.',
      quiet: true,
    });
    expect(exemplarToggle({ datasource: prom, panelShows: true, instant: true })).toEqual({
      enabled: false,
      reason: 'Exemplars need a range query: instant is on.',
    });
    expect(
      exemplarToggle({ datasource: { error: 'No datasource' }, panelShows: true, instant: false }),
    ).toEqual({ enabled: false, reason: 'No datasource' });
  });
});
