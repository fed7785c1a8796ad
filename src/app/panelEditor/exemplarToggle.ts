// Whether a query's "Exemplars" toggle can be used, and why not: the datasource's flavour must
// offer /api/v1/query_exemplars, the panel type must draw exemplars, and the query must be a
// range query. The reason is shown beside the (disabled) toggle; a saved choice is kept.
import { notOfferedText, offers, type Flavour } from '../../prometheus/flavour';

export type ExemplarToggle =
  | { enabled: true }
  /** `quiet`: said on hover only (a panel type without exemplars), unless the query asks */
  | { enabled: false; reason: string; quiet?: true };

export function exemplarToggle(opts: {
  /** the panel's datasource flavour, or why the datasource does not resolve */
  datasource: { flavour: Flavour } | { error: string };
  /** the panel type draws exemplars (its plugin's `showsExemplars`) */
  panelShows: boolean;
  /** the query is an instant query */
  instant: boolean;
}): ExemplarToggle {
  const { datasource, panelShows, instant } = opts;
  if ('error' in datasource) return { enabled: false, reason: datasource.error };
  if (!offers(datasource.flavour, 'exemplars'))
    return { enabled: false, reason: notOfferedText(datasource.flavour, 'exemplars') };
  if (!panelShows)
    return {
      enabled: false,
      reason: 'Exemplars are drawn on time series and heatmap panels only.',
      quiet: true,
    };
  if (instant) return { enabled: false, reason: 'Exemplars need a range query: instant is on.' };
  return { enabled: true };
}
