// The demo's history as TSDB blocks for the 24 h before now, made by promtool from history.mjs in
// 2-hour pieces aligned like Prometheus's own blocks. Finished pieces never change, so their blocks
// are cached in .tmp/ (keyed by the piece's start, the sample step and HISTORY_VERSION); only the
// piece holding "now" is made afresh at each start. The service "restarts" at 00:00 UTC with the
// picture-store clean-up, so counters start from zero there and a piece needs only its own day.
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DAY_MS, HOUR_MS } from './model.mjs';
import { historyLines } from './history.mjs';
import { ensureBlocks, tmpDir } from '../e2e/fixture/stack.mjs';

/** Bump when model.mjs or history.mjs change what the past looks like (cached blocks). */
export const HISTORY_VERSION = 1;
/** The demo's sample interval: the live scrape interval and the backfill's step. */
export const DEMO_STEP_MS = 10_000;
/** Labels of the demo target (the live scrape sets the same, so history and live are one series). */
export const DEMO_LABELS = { job: 'cat-service', instance: 'cat-service' };
const PIECE_MS = 2 * HOUR_MS;

/**
 * The pieces covering [nowMs − 24 h, nowMs] on the step grid: finished 2-hour pieces (cacheable)
 * and the one holding now, up to the last step before it. `originMs` is the piece's 00:00 UTC.
 */
export function historyPieces(nowMs, stepMs = DEMO_STEP_MS) {
  const pieces = [];
  for (
    let from = Math.floor((nowMs - DAY_MS) / PIECE_MS) * PIECE_MS;
    from <= nowMs;
    from += PIECE_MS
  ) {
    const done = from + PIECE_MS <= nowMs;
    const toMs = done
      ? from + PIECE_MS - stepMs
      : from + Math.floor((nowMs - from) / stepMs) * stepMs;
    pieces.push({ fromMs: from, toMs, done, originMs: Math.floor(from / DAY_MS) * DAY_MS });
  }
  return pieces;
}

/**
 * Writes the demo's history blocks into `dir` (e.g. what becomes a fresh Prometheus data
 * directory) for the 24 h before `nowMs`; returns the time (ms) of the last backfilled sample.
 * Live samples must come after it: Prometheus rejects head samples older than its newest block.
 */
export async function backfillDemo(dir, nowMs = Date.now()) {
  const pieces = historyPieces(nowMs);
  mkdirSync(tmpDir, { recursive: true });
  mkdirSync(dir, { recursive: true });
  const prefix = `demo-history-v${HISTORY_VERSION}-${DEMO_STEP_MS / 1000}s-`;
  const keep = new Set();
  for (const piece of pieces) {
    const name = piece.done
      ? prefix + new Date(piece.fromMs).toISOString().slice(0, 13)
      : `demo-now-${process.pid}`;
    const lines = historyLines({ ...piece, stepMs: DEMO_STEP_MS, labels: DEMO_LABELS });
    const blocks = await ensureBlocks(name, lines);
    cpSync(blocks, dir, { recursive: true, filter: (p) => path.basename(p) !== 'done' });
    if (piece.done) keep.add(name);
    else rmSync(blocks, { recursive: true, force: true });
  }
  // pieces that have left the window, and those of other versions
  for (const e of readdirSync(tmpDir))
    if (e.startsWith('demo-history-') && !keep.has(e))
      rmSync(path.join(tmpDir, e), { recursive: true, force: true });
  return pieces.at(-1)?.toMs ?? nowMs;
}

/** The demo Prometheus's alerting rules (instead of the fixture's). */
export const DEMO_RULES = `groups:
  - name: cat-service-demo
    interval: 10s
    rules:
      - alert: CatServiceErrors
        expr: sum(rate(http_requests_total{status=~"5.."}[2m])) / sum(rate(http_requests_total[2m])) > 0.05
        for: 1m
        labels:
          severity: page
        annotations:
          summary: More than 5% of requests fail.
      - alert: CatStoreFullSoon
        expr: predict_linear(cat_picture_store_bytes[1h], 4 * 3600) > cat_picture_store_capacity_bytes
        for: 5m
        labels:
          severity: ticket
        annotations:
          summary: At the last hour's pace the picture store is full within 4 h.
`;
