import { expect, type Page } from '@playwright/test';
import { panel, type Matrix } from './app';

/** Hovers a time series at `fx` of its plot width; returns the tooltip's time and values by name. */
export async function hoverSeries(page: Page, title: string, fx: number) {
  const p = panel(page, title);
  await page.mouse.move(0, 0);
  const box = (await p.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * fx, box.y + box.height / 2);
  const tooltip = p.getByTestId('tooltip');
  await expect(tooltip).toBeVisible();
  const tMs = Number(await tooltip.getByTestId('tooltip-time').getAttribute('data-time-ms'));
  const values = new Map<string, number>();
  for (const row of await tooltip.getByTestId('tooltip-row').all())
    values.set(
      (await row.locator('.tt-name').textContent())!,
      Number(await row.locator('.tt-value').getAttribute('data-value')),
    );
  return { tMs, values };
}

/** A range answer's values at `tMs`, by the name `name` gives each series (those with a point there). */
export const valueAt = (m: Matrix, tMs: number, name: (l: Record<string, string>) => string) =>
  new Map(
    m.result.flatMap((s) => {
      const v = s.values.find(([t]) => Math.round(t * 1000) === tMs);
      return v ? [[name(s.metric), Number(v[1])] as const] : [];
    }),
  );
