import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { addDatasource, env, importDashboard, open, panel, typeExpr } from './support/app';
import { fixtureWindow } from './support/window';

// Light, dark and system themes over the real fixture: every page's text is audited for contrast
// (WCAG 2 relative luminance, computed here independently of the app's own contrast module), the
// address's &theme= wins over the stored choice, "system" follows prefers-color-scheme live, and
// uPlot's canvas is redrawn with the theme's axis and grid colours.

import { FIXTURE } from './support/fixtureDashboard';

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await addDatasource(page, { name: 'fixture', url: env('PROM_URL'), scrapeInterval: '15s' });
});

type Rgb = [number, number, number];

/** One piece of visible text: its colour and the colours under it (several under a gradient). */
interface TextSample {
  what: string;
  text: Rgb;
  under: Rgb[];
  px: number;
  weight: number;
  /** disabled, or faded by opacity (an inactive control or hidden series): WCAG exempts these */
  inactive: boolean;
}

/**
 * Every element with visible text (own text nodes, or a form control's value): its text colour
 * and its effective background, found by walking up the ancestors and compositing their
 * background colours until an opaque one (a gradient counts as each of its colours).
 */
async function sampleText(page: Page): Promise<TextSample[]> {
  return page.evaluate(() => {
    type C = { r: number; g: number; b: number; a: number };
    const parse = (s: string): C[] =>
      [...s.matchAll(/rgba?\(([^)]*)\)/g)].map((m) => {
        const p = m[1]!.split(/[\s,/]+/).filter(Boolean);
        const n = p.map((x) => (x.endsWith('%') ? parseFloat(x) / 100 : parseFloat(x)));
        return { r: n[0]!, g: n[1]!, b: n[2]!, a: n.length > 3 ? n[3]! : 1 };
      });
    const over = (top: C, bottom: C): C => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
      a: 1,
    });
    // the effective backgrounds under `el` (several when a gradient is among them)
    const backgrounds = (el: Element): C[] => {
      const layers: C[][] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const cs = getComputedStyle(e);
        const grad = cs.backgroundImage.includes('gradient') ? parse(cs.backgroundImage) : [];
        const color = parse(cs.backgroundColor)[0];
        const options = grad.length ? grad : color && color.a > 0 ? [color] : [];
        if (options.length === 0) continue;
        layers.push(options);
        if (options.every((o) => o.a >= 1)) break;
      }
      let under: C[] = [{ r: 255, g: 255, b: 255, a: 1 }]; // the canvas below everything
      for (const options of layers.reverse())
        under = options.flatMap((o) => under.map((u) => over(o, u)));
      return under;
    };
    const out: TextSample[] = [];
    const all = document.body.querySelectorAll('*');
    for (const el of all) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'style', 'option', 'noscript', 'template'].includes(tag)) continue;
      const control = ['input', 'select', 'textarea'].includes(tag);
      const ownText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      if (!ownText && !(control && (el as HTMLInputElement).value)) continue;
      if (
        control &&
        ['checkbox', 'radio', 'range', 'color'].includes((el as HTMLInputElement).type)
      )
        continue;
      const rect = el.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const cs = getComputedStyle(el);
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement)
        opacity *= Number(getComputedStyle(e).opacity);
      const svg = el instanceof SVGElement;
      const textColor = parse(svg ? cs.fill : cs.color)[0];
      if (!textColor) continue;
      const under = backgrounds(el);
      const own = (
        control
          ? (el as HTMLInputElement).value
          : [...el.childNodes].map((n) => n.textContent).join('')
      )
        .trim()
        .slice(0, 40);
      const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
      out.push({
        what: `${tag}${cls ? '.' + cls : ''} "${own}"`,
        text: [textColor.r, textColor.g, textColor.b],
        // text with alpha is seen composited over each background
        under: under.map((u) => [u.r, u.g, u.b] as [number, number, number]),
        px: parseFloat(cs.fontSize),
        weight: Number(cs.fontWeight) || 400,
        inactive: opacity < 1 || el.closest(':disabled') !== null,
      });
      // a translucent text colour: compare what the eye sees
      if (textColor.a < 1) {
        const last = out[out.length - 1]!;
        const seen = over(textColor, under[0]!);
        last.text = [seen.r, seen.g, seen.b];
      }
    }
    return out;
  });
}

/** WCAG 2 relative luminance of an sRGB colour (0–255 channels). */
function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG's large text (24 px, or 18.66 px bold) needs 3:1, other text 4.5:1. */
const required = (s: TextSample) => (s.px >= 24 || (s.px >= 18.66 && s.weight >= 700) ? 3 : 4.5);

/** Worst contrast seen per theme, for the report. */
const minimums: Record<string, { ratio: number; what: string }> = {};

/**
 * Audits the page's text: no text colour equals its background (any element), and every active
 * element reaches WCAG AA. Returns the number of elements checked.
 */
async function auditText(page: Page, where: string, theme: string): Promise<number> {
  const samples = await sampleText(page);
  const same: string[] = [];
  const low: string[] = [];
  for (const s of samples) {
    const ratio = Math.min(...s.under.map((u) => contrast(s.text, u)));
    if (ratio < 1.01) same.push(`${s.what} (${s.text.join(',')})`);
    if (s.inactive) continue;
    const need = required(s);
    if (ratio < need)
      low.push(
        `${s.what}: ${ratio.toFixed(2)} < ${need} (${s.text.map(Math.round).join(',')} on ${s.under[0]!.map(Math.round).join(',')})`,
      );
    const key = theme;
    if (!minimums[key] || ratio < minimums[key].ratio)
      minimums[key] = { ratio, what: `${where}: ${s.what}` };
  }
  expect(same, `${where} (${theme}): text coloured like its background`).toEqual([]);
  expect(low, `${where} (${theme}): text below WCAG AA`).toEqual([]);
  return samples.length;
}

async function shoot(page: Page, info: TestInfo, name: string, fullPage = true) {
  for (const width of [1440, 1000]) {
    await page.setViewportSize({ width, height: 900 });
    // let the grid and the charts follow the new width
    await page.waitForTimeout(300);
    await page.screenshot({ path: info.outputPath(`${name}-${width}.png`), fullPage });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function chooseTheme(page: Page, theme: 'light' | 'dark' | 'system') {
  await page.getByTestId('theme-picker').selectOption(theme);
}

async function openFixture(page: Page, extra = '') {
  const { fromMs, toMs } = fixtureWindow();
  await open(page, `#/d/themes?from=${fromMs}&to=${toMs}&tz=utc${extra}`);
  for (const t of ['Temperature', 'Stat on colour', 'Table', 'Heatmap', 'Gauge', 'Bar gauge'])
    await expect(panel(page, t)).toHaveAttribute('data-state', 'ok');
  await expect(panel(page, 'Alerts').getByText('ScryAlwaysFiring').first()).toBeVisible();
}

const theme = (page: Page) => page.locator('html').getAttribute('data-theme');

for (const t of ['light', 'dark'] as const)
  test(`every page is legible in ${t}: no text on its own colour, WCAG AA contrast`, async ({
    page,
  }, info) => {
    test.setTimeout(180_000);
    await importDashboard(page, FIXTURE);
    await open(page, '#/');
    await chooseTheme(page, t);
    await expect.poll(() => theme(page)).toBe(t);
    let checked = 0;

    await expect(page.getByTestId('dashboard-row').first()).toBeVisible();
    checked += await auditText(page, 'dashboard list', t);
    await shoot(page, info, `list-${t}`);

    await openFixture(page);
    checked += await auditText(page, 'fixture dashboard', t);
    await shoot(page, info, `dashboard-${t}`);

    // the chart's tooltip
    const plot = panel(page, 'Temperature').locator('.u-over');
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await expect(panel(page, 'Temperature').getByTestId('tooltip-row').first()).toBeVisible();
    checked += await auditText(page, 'chart tooltip', t);
    await page.mouse.move(0, 0);

    // the panel editor, with the PromQL editor's highlighting
    await open(
      page,
      `#/d/themes?edit=1&from=${fixtureWindow().fromMs}&to=${fixtureWindow().toMs}&tz=utc`,
    );
    await panel(page, 'Temperature').getByLabel('Panel menu').click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const editor = page.getByTestId('panel-editor');
    await expect(editor.locator('.cm-content').first()).toContainText('scry_temperature_celsius');
    checked += await auditText(page, 'panel editor', t);
    await shoot(page, info, `editor-${t}`, false);
    await editor.getByTestId('panel-discard').click();

    // dashboard settings
    await page.getByTestId('dashboard-settings-button').click();
    await expect(page.getByTestId('dashboard-settings')).toBeVisible();
    checked += await auditText(page, 'dashboard settings', t);
    await shoot(page, info, `settings-${t}`);

    // Explore with a graph and its editor
    const { fromMs, toMs } = fixtureWindow();
    await open(page, `#/explore?ds=fixture&from=${fromMs}&to=${toMs}&tz=utc`);
    await typeExpr(page.getByTestId('query-expr'), 'rate(scry_http_requests_total[5m])');
    await page.getByTestId('explore-run').click();
    await expect(page.getByTestId('explore-graph').getByTestId('panel')).toHaveAttribute(
      'data-state',
      'ok',
    );
    checked += await auditText(page, 'explore', t);
    await shoot(page, info, `explore-${t}`);

    await open(page, '#/datasources');
    await expect(page.locator('[data-testid="datasource-row"]').first()).toBeVisible();
    checked += await auditText(page, 'datasources', t);

    expect(checked, 'elements audited').toBeGreaterThan(300);

    await info.attach('contrast-minimum.json', {
      body: JSON.stringify(minimums[t], null, 2),
      contentType: 'application/json',
    });
    console.log(`themes: lowest contrast in ${t}`, JSON.stringify(minimums[t]));
  });

test('&theme= wins over the stored choice for that view only; the picker remembers', async ({
  page,
}) => {
  await importDashboard(page, FIXTURE);
  await open(page, '#/');
  await chooseTheme(page, 'dark');
  await expect.poll(() => theme(page)).toBe('dark');

  await openFixture(page, '&theme=light');
  await expect.poll(() => theme(page)).toBe('light');
  await expect(page.getByTestId('theme-picker')).toHaveValue('light');
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(244, 245, 245)');

  // the next view without the parameter shows the stored choice again
  await page.getByRole('link', { name: 'Dashboards' }).click();
  await expect.poll(() => theme(page)).toBe('dark');
  expect(
    await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
  ).toBe('rgb(17, 18, 23)');

  // a reload keeps the stored choice; a bad parameter falls back to it
  await page.reload();
  await expect.poll(() => theme(page)).toBe('dark');
  await open(page, '#/?theme=purple');
  await expect.poll(() => theme(page)).toBe('dark');

  // choosing while the address says &theme= moves the parameter along (it would win otherwise)
  await open(page, '#/?theme=dark');
  await chooseTheme(page, 'light');
  await expect(page).toHaveURL(/theme=light/);
  await expect.poll(() => theme(page)).toBe('light');
  await page.reload();
  await expect.poll(() => theme(page)).toBe('light');
});

test('"system" follows prefers-color-scheme live; an explicit choice does not', async ({
  page,
}) => {
  await importDashboard(page, FIXTURE);
  await page.emulateMedia({ colorScheme: 'dark' });
  await openFixture(page);
  await expect(page.getByTestId('theme-picker')).toHaveValue('system');
  await expect.poll(() => theme(page)).toBe('dark');
  const bodyBg = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await bodyBg()).toBe('rgb(17, 18, 23)');

  // the browser turns light: the page follows without a reload
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => theme(page)).toBe('light');
  expect(await bodyBg()).toBe('rgb(244, 245, 245)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => theme(page)).toBe('dark');

  // an explicit choice no longer follows the browser
  await chooseTheme(page, 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme-choice', 'dark');
  expect(await theme(page)).toBe('dark');
  await chooseTheme(page, 'system');
  await expect.poll(() => theme(page)).toBe('light');
});

/** Pixels of the Temperature chart's canvas exactly of `rgb`. */
async function canvasPixels(page: Page, rgb: Rgb): Promise<number> {
  return page.evaluate((want) => {
    const c = document.querySelector<HTMLCanvasElement>(
      '[data-testid="panel"][data-panel-title="Temperature"] canvas',
    )!;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] === want[0] && data[i + 1] === want[1] && data[i + 2] === want[2]) n++;
    return n;
  }, rgb);
}

const hex = (h: string): Rgb => [1, 3, 5].map((o) => parseInt(h.slice(o, o + 2), 16)) as Rgb;

test('the chart redraws its axes and grid in the new theme’s colours, without a reload', async ({
  page,
}) => {
  await importDashboard(page, FIXTURE);
  await openFixture(page, '&theme=dark');
  const tokens = async () =>
    page.evaluate(() => {
      const cs = getComputedStyle(document.documentElement);
      return {
        grid: cs.getPropertyValue('--chart-grid').trim(),
        axis: cs.getPropertyValue('--chart-axis').trim(),
      };
    });
  const dark = await tokens();
  await expect.poll(() => canvasPixels(page, hex(dark.grid))).toBeGreaterThan(200);
  // axis labels are drawn in the axis colour (their glyphs' solid pixels)
  await expect.poll(() => canvasPixels(page, hex(dark.axis))).toBeGreaterThan(10);

  await chooseTheme(page, 'light');
  await expect.poll(() => theme(page)).toBe('light');
  const light = await tokens();
  expect(light.grid).not.toBe(dark.grid);
  expect(light.axis).not.toBe(dark.axis);
  await expect.poll(() => canvasPixels(page, hex(light.grid))).toBeGreaterThan(200);
  await expect.poll(() => canvasPixels(page, hex(light.axis))).toBeGreaterThan(10);
  expect(await canvasPixels(page, hex(dark.grid))).toBe(0);
  expect(await canvasPixels(page, hex(dark.axis))).toBe(0);
});

test('a theme change keeps the legends’ toggles (the charts are rebuilt in the new colours)', async ({
  page,
}) => {
  await importDashboard(page, FIXTURE);
  await openFixture(page, '&theme=dark');
  const temp = panel(page, 'Temperature').getByTestId('legend-item');
  const heat = panel(page, 'Heatmap').getByTestId('legend-item');
  await temp.filter({ hasText: 'fra' }).click();
  await heat.filter({ hasText: 'p99' }).click();
  const states = async () => ({
    temp: await temp.evaluateAll((els) => els.map((e) => e.getAttribute('aria-pressed'))),
    heat: await heat.evaluateAll((els) => els.map((e) => e.getAttribute('aria-pressed'))),
  });
  const before = await states();
  expect(before.temp.filter((p) => p === 'true')).toHaveLength(1);
  expect(before.heat).toEqual(['true', 'true', 'false']);
  await chooseTheme(page, 'light');
  await expect.poll(() => theme(page)).toBe('light');
  await expect(panel(page, 'Temperature')).toHaveAttribute('data-state', 'ok');
  expect(await states()).toEqual(before);
});
