import { expect, test, type Locator } from '@playwright/test';
import { dashboardJson, env, open, panel } from './support/app';
import { fixtureWindow } from './support/window';

// A slow panel's loading state (issue 15): a spinner with the seconds waited, inside the panel,
// against the fault server's delayed answers (e2e/fixture/faults.mjs: `slow10` answers after
// 10 s, `hang` never).

const base = () => env('SCRY_FAULTS_URL');

type Box = { x: number; y: number; width: number; height: number };
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

async function expectInside(inner: Locator, outer: Locator) {
  const a = (await inner.boundingBox())!;
  const b = (await outer.boundingBox())!;
  expect(inside(a, b), `${JSON.stringify(a)} inside ${JSON.stringify(b)}`).toBe(true);
}

test('a slow panel shows a spinner counting the seconds, inside the panel, with Cancel', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  const json = dashboardJson('loading', 'Loading', [
    { title: 'Slow', expr: 'up{case="slow10"}', datasource: 'slow10', w: 12, h: 8 },
    { title: 'Hang', expr: 'up{case="hang"}', datasource: 'hang', y: 8, w: 12, h: 8 },
    // a narrow, short panel: the loading state still fits inside it
    { title: 'Tiny', expr: 'up{case="hang"}', datasource: 'hang', x: 12, w: 3, h: 3 },
  ]);
  await open(page, '#/import', base());
  await page.getByTestId('import-text').fill(json);
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/#\/d\//);
  const uid = /#\/d\/([A-Za-z0-9_-]+)/.exec(page.url())![1]!;
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/${uid}?from=${fromMs}&to=${toMs}&tz=utc`, base());

  const slow = panel(page, 'Slow');
  await expect(slow).toHaveAttribute('data-state', 'loading');
  await expect(slow.getByTestId('panel-spinner')).toBeVisible();
  const hang = panel(page, 'Hang');
  await expect(hang).toHaveAttribute('data-state', 'loading');
  const spinner = hang.getByTestId('panel-spinner');
  await expect(spinner).toBeVisible();
  // the seconds count up while the answer is awaited
  await expect(spinner).toHaveText(/^Loading… \d+ s$/, { timeout: 5_000 });
  const n = Number(await spinner.getAttribute('data-seconds'));
  expect(n).toBeGreaterThanOrEqual(1);
  await expect(spinner).toHaveText(`Loading… ${n + 1} s`, { timeout: 3_000 });
  await expect(spinner).toHaveText(`Loading… ${n + 2} s`, { timeout: 3_000 });
  await expect(hang.getByTestId('panel-cancel')).toBeVisible();
  // nothing drawn yet: the loading state sits in the middle of the panel, inside its box
  await expectInside(hang.getByTestId('panel-request'), hang);
  const mid = await hang.getByTestId('panel-request').boundingBox();
  const box = (await hang.boundingBox())!;
  expect(Math.abs(mid!.x + mid!.width / 2 - (box.x + box.width / 2))).toBeLessThan(2);
  // the progress bar along the top is the panel's, clipped at its edge
  expect(
    await hang
      .locator('.panel-loading')
      .evaluate((el) => (el as HTMLElement).offsetParent?.getAttribute('data-panel-title')),
  ).toBe('Hang');

  const tiny = panel(page, 'Tiny');
  await expect(tiny.getByTestId('panel-spinner')).toBeVisible();
  await expect(tiny.getByTestId('panel-cancel')).toBeVisible();
  await expectInside(tiny.getByTestId('panel-request'), tiny);
  await page.screenshot({ path: testInfo.outputPath('loading.png') });
  for (const p of [tiny, hang]) {
    await p.getByTestId('panel-cancel').click();
    await expect(p.getByTestId('panel-spinner')).toHaveCount(0);
  }

  // the answer comes after 10 s: the spinner goes, the data shows
  await expect(slow.getByTestId('legend-item')).toHaveText(/ok/, { timeout: 20_000 });
  await expect(slow).toHaveAttribute('data-state', 'ok');
  await expect(slow.getByTestId('panel-spinner')).toHaveCount(0);
});
