import { describe, expect, it } from 'vitest';
import { grafanaConverter } from './grafanaConverters';
import { panelRegistry } from './registry';

describe('grafanaConverter', () => {
  it("finds every panel type's converter in its folder's grafana.ts", () => {
    const missing = panelRegistry.plugins.filter((p) => !grafanaConverter(p)).map((p) => p.type);
    expect(missing).toEqual([]);
  });

  it("prefers a plugin's own fromGrafana", () => {
    const own = () => ({ fieldConfig: { unit: 'short' }, options: {} });
    const plugin = { ...panelRegistry.get('stat')!, fromGrafana: own };
    expect(grafanaConverter(plugin)).toBe(own);
  });
});
