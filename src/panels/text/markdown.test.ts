// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  renderMarkdown,
  renderText,
  renderTextReport,
  sanitizeHtml,
  sanitizeHtmlReport,
} from './markdown';

/** Parses output back into a DOM to check what a browser would get. */
function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

/** No element may carry an event handler or a script-capable URL. */
function assertInert(html: string) {
  const root = dom(html);
  for (const el of root.querySelectorAll('*')) {
    for (const a of el.attributes) {
      expect(a.name.startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
      if (a.name === 'href' || a.name === 'src' || a.name === 'action' || a.name === 'formaction') {
        expect(a.value.replace(/\s/g, '')).not.toMatch(/^(javascript|vbscript):/i);
      }
    }
  }
  expect(
    root.querySelector('script, style, iframe, object, embed, svg, math, form, base, meta, link'),
  ).toBeNull();
}

describe('renderMarkdown', () => {
  it('renders Markdown (headings, emphasis, lists, code, tables, links)', () => {
    const html = renderMarkdown(
      '# Title\n\nSome *em* and **strong** and `code`.\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n[Docs](https://example.com/docs)',
    );
    const root = dom(html);
    expect(root.querySelector('h1')?.textContent).toBe('Title');
    expect(root.querySelector('em')?.textContent).toBe('em');
    expect(root.querySelector('strong')?.textContent).toBe('strong');
    expect(root.querySelector('code')?.textContent).toBe('code');
    expect(root.querySelectorAll('li')).toHaveLength(2);
    expect(root.querySelector('table td')?.textContent).toBe('1');
    const a = root.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://example.com/docs');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps relative links and anchors', () => {
    const root = dom(renderMarkdown('[d](d/abc?var-x=1) [t](#top) [m](mailto:a@b.c)'));
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'd/abc?var-x=1',
      '#top',
      'mailto:a@b.c',
    ]);
  });

  const payloads: [string, string][] = [
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['markdown javascript link', '[x](javascript:alert(1))'],
    ['svg onload', '<svg onload=alert(1)><circle r=1 /></svg>'],
    ['mixed-case scheme', '<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['script', '<script>alert(1)</script>'],
    ['style tag', '<style>body{display:none}</style>'],
    ['style expression', '<div style="width: expression(alert(1))">x</div>'],
    ['entity-encoded scheme', '<a href="&#106;avascript:alert(1)">x</a>'],
    ['hex entity scheme', '<a href="&#x6A;&#x61;vascript&#58;alert(1)">x</a>'],
    ['tab inside scheme', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
    ['markdown entity link', '[x](&#106;avascript:alert(1))'],
    ['markdown autolink', '<javascript:alert(1)>'],
    [
      'data html link',
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    ],
    ['markdown data link', '[x](data:text/html,<script>alert(1)</script>)'],
    ['vbscript', '<a href="vbscript:msgbox(1)">x</a>'],
    ['body onload', '<body onload=alert(1)>'],
    ['details ontoggle', '<details open ontoggle=alert(1)>'],
    ['object', '<object data="javascript:alert(1)"></object>'],
    ['embed', '<embed src="javascript:alert(1)">'],
    ['form action', '<form action="javascript:alert(1)"><button>x</button></form>'],
    ['button formaction', '<button formaction="javascript:alert(1)">x</button>'],
    ['math', '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>'],
    ['base', '<base href="javascript:alert(1)//">'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['nested quotes', '<img src="x` `<script>alert(1)</script>"` `>'],
    ['unclosed', '<img src=x onerror=alert(1)//'],
    ['mXSS noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
    ['markdown image onerror', '![x](x" onerror="alert(1))'],
    ['input autofocus', '<input autofocus onfocus=alert(1)>'],
  ];
  for (const [name, payload] of payloads) {
    it(`neutralises ${name}`, () => {
      const html = renderMarkdown(payload);
      assertInert(html);
      // payload text may survive as harmless text; never as markup
      expect(html).not.toMatch(/<script|<iframe|<svg|<[a-z][^>]*\son\w+\s*=/i);
    });
  }

  it('drops style attributes that load or cover, keeps plain ones', () => {
    const root = dom(
      sanitizeHtml(
        '<p style="color: red">a</p><p style="background:url(https://x/y.png)">b</p><p style="position: fixed; inset: 0">c</p>',
      ),
    );
    const ps = [...root.querySelectorAll('p')];
    expect(ps[0]!.getAttribute('style')).toBe('color: red');
    expect(ps[1]!.hasAttribute('style')).toBe(false);
    expect(ps[2]!.hasAttribute('style')).toBe(false);
  });

  it('allows data: images but not data: SVG documents or links', () => {
    const root = dom(
      sanitizeHtml(
        '<img src="data:image/png;base64,iVBORw0KGgo="><img src="data:image/svg+xml,<svg onload=alert(1)>"><a href="data:image/png;base64,AA">x</a>',
      ),
    );
    const imgs = [...root.querySelectorAll('img')];
    expect(imgs[0]!.getAttribute('src')).toMatch(/^data:image\/png/);
    expect(imgs[1]!.hasAttribute('src')).toBe(false);
    expect(root.querySelector('a')!.hasAttribute('href')).toBe(false);
  });

  it('keeps target=_blank with rel, drops other targets', () => {
    const root = dom(
      sanitizeHtml('<a href="https://a" target="_blank">a</a><a href="https://b" target="x">b</a>'),
    );
    const [a, b] = [...root.querySelectorAll('a')];
    expect(a!.getAttribute('target')).toBe('_blank');
    expect(a!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(b!.hasAttribute('target')).toBe(false);
  });
});

describe('renderText', () => {
  it('html mode sanitises without Markdown processing', () => {
    expect(renderText('html', '<b>*x*</b><script>1</script>')).toBe('<b>*x*</b>');
    expect(renderText('markdown', '*x*')).toBe('<p><em>x</em></p>\n');
  });
});

describe('sandbox: nothing covers the page, nothing phones home', () => {
  it('strips position, z-index, inset and transforms (the click-jacking link)', () => {
    const root = dom(
      renderMarkdown(
        '<a href="https://evil.example/" style="position:absolute;inset:-2000px;z-index:9999;opacity:0">x</a> <span style="color: red; transform: translate(-50px); margin-top: -300px">y</span>',
      ),
    );
    const a = root.querySelector('a')!;
    expect(a.getAttribute('style')).toBe('opacity: 0;');
    expect(a.getAttribute('title')).toBe('https://evil.example/');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(root.querySelector('span')!.getAttribute('style')).toBe('color: red;');
  });

  it('does not load external images unless the dashboard allows it', () => {
    const md =
      '![pixel](https://img.example/p.png) <img src="//cdn.example/a.gif" srcset="https://x.example/1.png 1x"> ![local](data:image/png;base64,iVBORw0KGgo=) ![rel](logo.png)';
    const off = sanitizeHtmlReport(renderMarkdown(md, { externalImages: true }));
    expect(off.blockedHosts).toEqual(['img.example', 'cdn.example', 'x.example']);
    const imgs = [...dom(off.html).querySelectorAll('img')];
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual([
      null,
      null,
      'data:image/png;base64,iVBORw0KGgo=',
      'logo.png',
    ]);
    expect(imgs[0]!.getAttribute('data-blocked-src')).toBe('https://img.example/p.png');
    expect(imgs[1]!.hasAttribute('srcset')).toBe(false);
    const on = renderTextReport('markdown', md, { externalImages: true });
    expect(on.blockedHosts).toEqual([]);
    expect(dom(on.html).querySelector('img')!.getAttribute('src')).toBe(
      'https://img.example/p.png',
    );
  });
});
