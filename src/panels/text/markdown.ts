/**
 * Text panel rendering: Markdown (marked, GitHub flavour) or HTML, always sanitised with DOMPurify
 * so dashboard JSON from anywhere cannot run script in Scry's origin:
 * - no <script>, <style>, <iframe>/<frame>/<object>/<embed>, forms and inputs, <base>/<meta>/<link>,
 *   SVG or MathML (the HTML profile only);
 * - no event handler attributes (onerror=…, onload=…);
 * - links and image sources only with safe schemes (no javascript:, vbscript:, data: — except
 *   data: images in <img>), entity-encoded or mixed-case spellings included;
 * - style attributes that smuggle script or cover the page (expression(), url(), position:fixed …)
 *   are dropped;
 * - every link gets rel="noopener noreferrer" and its target as its title (shown on hover); target
 *   is kept only when it is _blank or _self;
 * - nothing can be lifted out of the flow to cover other parts of the page (the panel's own menu):
 *   position, z-index, inset/top/left/…, transforms and negative margins are stripped, and the
 *   panel's box clips and contains what is left (text.css);
 * - images from other sites are not loaded unless the dashboard allows it (`externalImages`): an
 *   image server would otherwise see every viewer of a shared dashboard.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { marked } from 'marked';

const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'base',
  'link',
  'meta',
  'noscript',
  'template',
  'svg',
  'math',
  'portal',
];

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR: ['action', 'formaction', 'ping', 'srcdoc', 'xlink:href'],
  ADD_ATTR: ['target'],
  ALLOW_DATA_ATTR: false,
};

const UNSAFE_STYLE =
  /expression\s*\(|javascript\s*:|vbscript\s*:|url\s*\(|@import|behavior\s*:|-moz-binding|position\s*:\s*(fixed|sticky)/i;
const SAFE_URL = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp|avif);/i;

/** Style properties that move content out of its place (and over something else). */
const PLACEMENT_STYLE =
  /^(?:position|z-index|inset(?:-.*)?|top|right|bottom|left|transform|translate|rotate|scale|float|offset(?:-.*)?|zoom)$/i;
const NEGATIVE_MARGIN = /^margin(?:-.*)?$/i;

/** Attributes that load something from a URL besides href. */
const LOADING_ATTRS = ['src', 'srcset', 'poster', 'background'];

/** An absolute or protocol-relative http(s) URL: loading it tells another site who is looking. */
const EXTERNAL_URL = /^(?:https?:)?\/\//i;

let purifier: Purifier | undefined;
/** Options of the sanitize call in progress (the hook runs synchronously inside it). */
let current: { externalImages: boolean; blocked: string[] } = {
  externalImages: false,
  blocked: [],
};

function stripPlacement(node: Element) {
  const style = (node as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (!style || !node.hasAttribute('style')) return;
  const drop: string[] = [];
  for (let i = 0; i < style.length; i++) {
    const prop = style.item(i);
    if (PLACEMENT_STYLE.test(prop)) drop.push(prop);
    else if (NEGATIVE_MARGIN.test(prop) && /-\d|-\./.test(style.getPropertyValue(prop)))
      drop.push(prop);
  }
  if (!drop.length) return;
  for (const p of drop) style.removeProperty(p);
  if (!style.length) node.removeAttribute('style');
}

function hostOf(url: string): string {
  try {
    return new URL(url, 'https://x.invalid/').host;
  } catch {
    return url;
  }
}

function blockExternalLoads(node: Element) {
  for (const attr of LOADING_ATTRS) {
    const v = node.getAttribute(attr);
    if (v === null) continue;
    // srcset: any candidate that is external blocks the attribute
    const urls = attr === 'srcset' ? v.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [v];
    const external = urls.filter((u) => EXTERNAL_URL.test(u.trim()));
    if (!external.length) continue;
    node.removeAttribute(attr);
    for (const u of external) current.blocked.push(hostOf(u.trim()));
    if (node.tagName === 'IMG') {
      node.setAttribute('data-blocked-src', external[0]!);
      if (!node.getAttribute('alt')) node.setAttribute('alt', `image from ${hostOf(external[0]!)}`);
    }
  }
}

function getPurifier(): Purifier {
  if (purifier) return purifier;
  // An instance of our own: the hooks below must not leak into other DOMPurify users.
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    const style = node.getAttribute('style');
    if (style !== null && UNSAFE_STYLE.test(style.replace(/\\/g, '')))
      node.removeAttribute('style');
    stripPlacement(node);
    if (!current.externalImages) blockExternalLoads(node);
    for (const attr of ['href', 'src']) {
      const v = node.getAttribute(attr);
      if (v === null) continue;
      // strip whitespace and control characters browsers ignore inside a scheme
      // eslint-disable-next-line no-control-regex
      const squashed = v.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
      const ok =
        attr === 'src' && node.tagName === 'IMG' && /^data:/i.test(squashed)
          ? SAFE_DATA_IMAGE.test(squashed)
          : SAFE_URL.test(squashed) && !/^(?:javascript|vbscript|data):/i.test(squashed);
      if (!ok) node.removeAttribute(attr);
    }
    if (node.tagName === 'A') {
      const target = node.getAttribute('target');
      if (target !== null && target !== '_blank' && target !== '_self')
        node.removeAttribute('target');
      const href = node.getAttribute('href');
      if (href !== null) {
        node.setAttribute('rel', 'noopener noreferrer');
        node.setAttribute('title', href);
      }
    }
  });
  purifier = p;
  return p;
}

export interface SanitizeOptions {
  /** load images (and other media) from other sites; default false */
  externalImages?: boolean;
}

/** Sanitised HTML and the hosts of the images that were not loaded. */
export function sanitizeHtmlReport(
  html: string,
  opts: SanitizeOptions = {},
): { html: string; blockedHosts: string[] } {
  current = { externalImages: opts.externalImages === true, blocked: [] };
  try {
    const out = getPurifier().sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
    return { html: out, blockedHosts: [...new Set(current.blocked)] };
  } finally {
    current = { externalImages: false, blocked: [] };
  }
}

/** Sanitised HTML, safe to assign to innerHTML. */
export function sanitizeHtml(html: string, opts: SanitizeOptions = {}): string {
  return sanitizeHtmlReport(html, opts).html;
}

function markdownToHtml(md: string): string {
  return marked.parse(md, { async: false, gfm: true, breaks: false });
}

/** Markdown → sanitised HTML. */
export function renderMarkdown(md: string, opts: SanitizeOptions = {}): string {
  return sanitizeHtml(markdownToHtml(md), opts);
}

/** The text panel's content in its mode, sanitised, with the hosts of blocked images. */
export function renderTextReport(
  mode: 'markdown' | 'html',
  content: string,
  opts: SanitizeOptions = {},
): { html: string; blockedHosts: string[] } {
  return sanitizeHtmlReport(mode === 'html' ? content : markdownToHtml(content), opts);
}

/** The text panel's content in its mode, sanitised. */
export function renderText(
  mode: 'markdown' | 'html',
  content: string,
  opts: SanitizeOptions = {},
): string {
  return renderTextReport(mode, content, opts).html;
}
