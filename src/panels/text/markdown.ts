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
 * - every link gets rel="noopener noreferrer"; target is kept only when it is _blank or _self.
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

let purifier: Purifier | undefined;

function getPurifier(): Purifier {
  if (purifier) return purifier;
  // An instance of our own: the hooks below must not leak into other DOMPurify users.
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    const style = node.getAttribute('style');
    if (style !== null && UNSAFE_STYLE.test(style.replace(/\\/g, '')))
      node.removeAttribute('style');
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
      if (node.hasAttribute('href')) node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifier = p;
  return p;
}

/** Sanitised HTML, safe to assign to innerHTML. */
export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
}

/** Markdown → sanitised HTML. */
export function renderMarkdown(md: string): string {
  const html = marked.parse(md, { async: false, gfm: true, breaks: false });
  return sanitizeHtml(html);
}

/** The text panel's content in its mode, sanitised. */
export function renderText(mode: 'markdown' | 'html', content: string): string {
  return mode === 'html' ? sanitizeHtml(content) : renderMarkdown(content);
}
