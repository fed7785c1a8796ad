// What a share link says: which dashboard (by uid, by import URL, or carried in the link) and
// the view (range, zone, variables, one panel, kiosk). Pure, so each rule is unit-tested.

/** How the recipient gets the dashboard. */
export type ShareTarget =
  /** provisioned by config.json: every Scry on this host has it */
  | { kind: 'uid'; uid: string }
  /** imported from a URL and unchanged since: the recipient imports it from there too */
  | { kind: 'import'; url: string }
  /** only in this browser: the link carries it (`#/s/<payload>`) */
  | { kind: 'payload'; payload: string };

export interface ViewOptions {
  /** the range as written (relative expressions, or absolute) */
  raw: { from: string; to: string };
  /** the range resolved now (ms) */
  fromMs: number;
  toMs: number;
  /** absolute from/to (the range as on screen now) instead of the expressions */
  lockRange: boolean;
  timeZone: string;
  /** the page's parameters: `var-*` (the picked values) and `refresh` are carried over */
  params: URLSearchParams;
  /** one panel (`viewPanel`) */
  viewPanel?: string | undefined;
  /** `kiosk` (no top bar and toolbar) or `kiosk=full` (no variables either) */
  kiosk?: 'on' | 'full' | undefined;
}

/** The query parameters of a link to the current view. */
export function viewParams(o: ViewOptions): URLSearchParams {
  const p = new URLSearchParams();
  p.set('from', o.lockRange ? String(Math.round(o.fromMs)) : o.raw.from);
  p.set('to', o.lockRange ? String(Math.round(o.toMs)) : o.raw.to);
  if (o.timeZone) p.set('tz', o.timeZone);
  const refresh = o.params.get('refresh');
  if (refresh && !o.lockRange) p.set('refresh', refresh);
  for (const [k, v] of o.params) if (k.startsWith('var-')) p.append(k, v);
  if (o.viewPanel !== undefined) p.set('viewPanel', o.viewPanel);
  if (o.kiosk) p.set('kiosk', o.kiosk === 'full' ? 'full' : '');
  return p;
}

/** `kiosk=` is written bare (`&kiosk`), as Grafana's links do. */
function query(p: URLSearchParams): string {
  const s = p.toString().replace(/(^|&)kiosk=(&|$)/, '$1kiosk$2');
  return s ? '?' + s : '';
}

/** The link: `base` is the app's address without its hash (`https://host/scry/`). */
export function shareLink(base: string, target: ShareTarget, params: URLSearchParams): string {
  const root = base.replace(/#.*$/, '');
  if (target.kind === 'uid') return `${root}#/d/${encodeURIComponent(target.uid)}${query(params)}`;
  if (target.kind === 'payload') return `${root}#/s/${target.payload}${query(params)}`;
  const p = new URLSearchParams();
  p.set('url', target.url);
  for (const [k, v] of params) p.append(k, v);
  return `${root}#/import${query(p)}`;
}

/** Above this many characters some chat tools and mail clients cut or refuse a link. */
export const WARN_LINK_CHARS = 8000;

export interface UrlLimit {
  browser: string;
  chars: number;
}

/**
 * The longest URL the browser opens: Chromium's `url::kMaxURLChars` (2 MiB characters, also
 * what Safari opens) and Firefox's `network.standard-url.max-length` (1 MiB).
 */
export function browserUrlLimit(userAgent: string): UrlLimit {
  if (/Firefox\//.test(userAgent)) return { browser: 'Firefox', chars: 1_048_576 };
  if (/Chrome\/|Chromium\//.test(userAgent))
    return { browser: 'Chromium-based browsers', chars: 2_097_152 };
  return { browser: 'this browser', chars: 2_097_152 };
}

export type LinkVerdict =
  { level: 'ok' } | { level: 'warn'; message: string } | { level: 'refuse'; message: string };

const n = (x: number) => x.toLocaleString('en-US').replace(/,/g, ' ');

/** Whether a link of `length` characters is fine, risky or too long for the browser. */
export function linkVerdict(length: number, limit: UrlLimit): LinkVerdict {
  if (length > limit.chars)
    return {
      level: 'refuse',
      message: `This link would be ${n(length)} characters; ${limit.browser} open${limit.browser === 'this browser' ? 's' : ''} links of at most ${n(limit.chars)}. Share the dashboard as a file instead (Export).`,
    };
  if (length > WARN_LINK_CHARS)
    return {
      level: 'warn',
      message: `This link is ${n(length)} characters: some chat tools and mail clients cut links longer than ${n(WARN_LINK_CHARS)}. If it arrives broken, share the file instead (Export).`,
    };
  return { level: 'ok' };
}

const attr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `<iframe>` that embeds a link (a single panel: `viewPanel` + `kiosk`). */
export function iframeSnippet(url: string, width = 600, height = 300, title = 'Scry'): string {
  return `<iframe src="${attr(url)}" width="${width}" height="${height}" title="${attr(title)}" style="border: 0"></iframe>`;
}

/**
 * The URL a dashboard was imported from, read from the note its import saved it with
 * ("Imported from https://…", see ImportPage), or null (pasted, uploaded, or not an import).
 */
export function importedFrom(note: string): string | null {
  const m = /^Imported from (https?:\/\/\S+)$/.exec(note);
  return m ? m[1]! : null;
}
