// Requests sent before anything asked for them (PrometheusClient.sendEarly: the start-up planner
// sends a dashboard's first-screen queries while the app's code loads). Each waits, by the exact
// request (method, URL, body, headers), for the identical request the client makes later, which
// takes its response instead of fetching again. Taken once; aborted if nobody takes it in time.

/** How long an early request waits to be taken before it is aborted. */
export const EARLY_TTL_MS = 60_000;

export interface EarlyRequest {
  response: Promise<Response>;
  ctl: AbortController;
  timer: ReturnType<typeof setTimeout>;
}

const early = new Map<string, EarlyRequest>();

/** The identity of a request: what it sends, so that only the very same request takes it. */
function requestKey(url: string, init: RequestInit): string {
  return JSON.stringify([init.method, url, init.body ?? '', init.headers ?? {}]);
}

/** Starts `send` now for this request (once: the same request planned twice is sent once). */
export function putEarly(
  url: string,
  init: RequestInit,
  send: (signal: AbortSignal) => Promise<Response>,
): void {
  const key = requestKey(url, init);
  if (early.has(key)) return;
  const ctl = new AbortController();
  const response = send(ctl.signal);
  // kept for whoever takes it; no unhandled-rejection report meanwhile
  response.catch(() => {});
  const timer = setTimeout(() => dropEarly(key), EARLY_TTL_MS);
  early.set(key, { response, ctl, timer });
}

/** The early request identical to this one, if any: it is the caller's from now on. */
export function takeEarly(url: string, init: RequestInit): EarlyRequest | undefined {
  // every request asks; almost always none is waiting (they exist only at start-up)
  if (early.size === 0) return undefined;
  return takeKey(requestKey(url, init));
}

function takeKey(key: string): EarlyRequest | undefined {
  const e = early.get(key);
  if (!e) return undefined;
  early.delete(key);
  clearTimeout(e.timer);
  return e;
}

function dropEarly(key: string): void {
  takeKey(key)?.ctl.abort();
}

/** Aborts every early request nobody took (the page left the route they were sent for). */
export function dropEarlyRequests(): void {
  for (const key of [...early.keys()]) dropEarly(key);
}

/** How many early requests wait to be taken (tests). */
export const earlyRequestCount = (): number => early.size;
