// The server flavours that speak the Prometheus HTTP API. A datasource records which one it
// talks to (state/), the prometheus layer decides from it which optional endpoints to call
// (prometheus/flavour.ts).

export type Flavour = 'prometheus' | 'victoriametrics' | 'thanos' | 'mimir';

export const FLAVOURS: readonly Flavour[] = ['prometheus', 'victoriametrics', 'thanos', 'mimir'];
