// "Now" as the start-up planner took it (app/earlyQueries.ts): the dashboard's clock starts from
// the same instant, so a relative range ("now-6h") resolves to the very requests already sent.

/** Older than this, the planner's requests are gone (prometheus/client.ts EARLY_TTL_MS). */
const MAX_AGE_MS = 60_000;

let startup: { hash: string; nowMs: number } | null = null;

export function rememberStartupNow(hash: string, nowMs: number): void {
  startup = { hash, nowMs };
}

/** The planner's "now" for the page at `hash`, once (the first clock of that page takes it). */
export function takeStartupNow(hash: string, nowMs = Date.now()): number | undefined {
  const s = startup;
  startup = null;
  if (!s || s.hash !== hash || nowMs - s.nowMs > MAX_AGE_MS || nowMs < s.nowMs) return undefined;
  return s.nowMs;
}
