// @vitest-environment jsdom
/**
 * Adding a panel type touches only its folder and one registry line: a minimal plugin added to
 * the registry's list shows up in the editor's visualization list with its own options editor,
 * and the Grafana importer converts its Grafana type through it.
 */
import '../../charts/testCanvas'; // uPlot (loaded with the panel views) reads matchMedia
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Panel } from '../../model/dashboard';
import { importGrafana } from '../../import/grafana';
import { mount, testPanel } from '../../panels/shared/render.testing';
import type { PanelPlugin } from '../../panels/types';
import PanelOptionsPane from './PanelOptionsPane';

vi.mock('../../panels/registry', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../panels/registry')>();
  const gaugeDots: PanelPlugin<{ dots: number }> = {
    type: 'gauge-dots',
    name: 'Gauge dots',
    queryMode: 'instant',
    View: ({ options }) => <div data-testid="gauge-dots">{options.dots}</div>,
    OptionsEditor: ({ options, onChange }) => (
      <input
        data-testid="option-dots"
        value={options.dots}
        onChange={(e) => onChange({ dots: Number(e.target.value) })}
      />
    ),
    readOptions: ({ options }) => ({ dots: typeof options.dots === 'number' ? options.dots : 5 }),
    defaults: () => ({ fieldConfig: { unit: 'short' }, options: { dots: 5 } }),
    grafanaTypes: ['acme-dots-panel'],
    fromGrafana: (raw, ctx) => {
      ctx.info('dots counted');
      return {
        fieldConfig: ctx.fieldConfig('percent'),
        options: { dots: (raw.options as { count?: number } | undefined)?.count ?? 5 },
      };
    },
  };
  // the one registry line
  const registry = real.createRegistry([...real.panelRegistry.plugins, gaugeDots]);
  return { ...real, panelRegistry: registry, panelPlugin: (t: string) => registry.get(t) };
});

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('a panel type added by its folder and one registry line', () => {
  it('is in the editor’s visualization list and brings its own options editor', () => {
    let panel: Panel = testPanel('timeseries');
    const update = (change: (p: Panel) => Panel) => {
      panel = change(panel);
    };
    const m = mount(<PanelOptionsPane panel={panel} variables={[]} update={update} />);
    cleanup = m.unmount;
    const select = m.container.querySelector<HTMLSelectElement>('[data-testid="panel-type"]')!;
    const names = [...select.options].map((o) => o.textContent);
    expect(names).toContain('Gauge dots');
    expect(names).toContain('Time series');

    act(() => {
      select.value = 'gauge-dots';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(panel.type).toBe('gauge-dots');
    expect(panel.options).toEqual({ dots: 5 });

    m.unmount();
    const again = mount(<PanelOptionsPane panel={panel} variables={[]} update={update} />);
    cleanup = again.unmount;
    const input = again.container.querySelector<HTMLInputElement>('[data-testid="option-dots"]');
    expect(input?.value).toBe('5');
    expect(
      again.container.querySelector('[data-testid="panel-type"] option:checked')?.textContent,
    ).toBe('Gauge dots');
  });

  it('is what the Grafana importer converts its Grafana type with', () => {
    const { dashboard, report } = importGrafana({
      title: 'Dots',
      uid: 'dots',
      schemaVersion: 39,
      panels: [
        {
          id: 1,
          type: 'acme-dots-panel',
          title: 'Dots',
          gridPos: { x: 0, y: 0, w: 6, h: 4 },
          options: { count: 7 },
          fieldConfig: { defaults: { decimals: 2 } },
          targets: [{ expr: 'up', refId: 'A' }],
        },
      ],
    });
    expect(dashboard.panels?.[0]).toMatchObject({
      type: 'gauge-dots',
      options: { dots: 7 },
      fieldConfig: { unit: 'percent', decimals: 2 },
    });
    const messages = report.map((n) => n.message);
    expect(messages).toContain('dots counted');
    expect(messages.some((m) => m.includes('not supported'))).toBe(false);
  });
});
