import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDashboard } from '../model/validate';
import { panelPlugin } from '../panels/registry';

describe('the npm start demo dashboard', () => {
  const raw: unknown = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../demo/dashboard.json'), 'utf8'),
  );
  it('is a valid Scry dashboard whose panel types all exist', () => {
    const r = validateDashboard(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const p of r.value.panels) expect(panelPlugin(p.type), p.type).toBeDefined();
    expect(r.value.panels.map((p) => p.type)).toContain('heatmap');
  });
});
