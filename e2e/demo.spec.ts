import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { root } from './fixture/stack.mjs';
import { DEMO_STEP_MS } from '../demo/backfill.mjs';
import { STORE, storeBytes } from '../demo/model.mjs';
import type { Vector } from './support/app';

// `npm start`'s demo (scripts/start.mjs, without the build step): the demo Prometheus holds the
// last 24 h of the cat service, computed from demo/model.mjs, and the demo dashboard is full at once.

// one demo for both tests: two beforeAll hooks in parallel workers would start two demos that
// build the same uncached backfill pieces in .tmp/ at the same moment
test.describe.configure({ mode: 'serial' });

let proc: ChildProcess | undefined;
let site = '';
let prom = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  proc = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), '--port', '0'], {
    cwd: root,
    env: { ...process.env, SCRY_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: proc.stdout! });
  for await (const line of lines) {
    site ||= /Scry is running: (\S+)/.exec(line)?.[1] ?? '';
    prom ||= /Demo: Prometheus (\S+)/.exec(line)?.[1] ?? '';
    if (site && prom) break;
  }
  proc.stdout!.resume();
  expect(prom, 'the demo started').toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

test.afterAll(() => {
  proc?.kill('SIGTERM');
});

async function query(expr: string, timeSec: number): Promise<Vector['result']> {
  const qs = new URLSearchParams({ query: expr, time: String(timeSec) });
  const body = (await (await fetch(`${prom}/api/v1/query?${qs}`)).json()) as { data: Vector };
  return body.data.result;
}

test('the demo Prometheus has the model’s history 12 h back', async () => {
  // a sample time on the backfill's grid, 12 h ago
  const t = Math.floor((Date.now() - 12 * 3_600_000) / DEMO_STEP_MS) * DEMO_STEP_MS;
  const store = await query('cat_picture_store_bytes', t / 1000);
  expect(store.map((s) => Number(s.value[1]))).toEqual([Math.round(storeBytes(t))]);
  expect(store[0]!.metric).toMatchObject({ job: 'cat-service', instance: 'cat-service' });
  const capacity = await query('cat_picture_store_capacity_bytes', t / 1000);
  expect(Number(capacity[0]!.value[1])).toBe(STORE.capacityBytes);
  const rate = await query('sum(rate(http_requests_total[5m]))', t / 1000);
  expect(Number(rate[0]!.value[1])).toBeGreaterThan(0);
});

test('every demo panel has data at once, over the last 24 h', async ({ page }) => {
  await page.goto(`${site}#/d/cat-service`);
  const panels = page.getByTestId('panel');
  await expect(panels).toHaveCount(8);
  for (const p of await panels.all()) {
    await p.scrollIntoViewIfNeeded();
    await expect(p, (await p.getAttribute('data-panel-title')) ?? '').toHaveAttribute(
      'data-state',
      'ok',
    );
  }
  // the story is told in the descriptions, shown on the titles
  await expect(
    page.locator('[data-panel-title="Latency: average vs percentiles (/classify)"] .panel-title'),
  ).toHaveAttribute('title', /histogram_quantile/);
});
