// The hostile-dashboard corpus of the fault suite: dashboard files a hostile or careless sharer
// could hand out. Generated (nothing large is checked in); the e2e setup serves them from the
// faults static server under /hostile/<name>.json, and `node scripts/hostile-corpus.mjs <dir>`
// writes them to a folder for trying by hand.
//
// Every XSS payload plants `window.__xss`: the suite asserts it stays undefined.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Markup and URL payloads; each would set window.__xss if it ever ran. */
export const XSS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload="window.__xss=1">',
  'javascript:window.__xss=1',
  "';window.__xss=1;//",
  '{{constructor.constructor("window.__xss=1")()}}',
];
const X = XSS.join(' ');

function panel(id, extra = {}) {
  return {
    id,
    type: 'timeseries',
    title: `Panel ${id}`,
    gridPos: { x: (id % 4) * 6, y: Math.floor(id / 4) * 4, w: 6, h: 4 },
    fieldConfig: { unit: 'short' },
    targets: [{ refId: 'A', expr: 'vector(1)', legendFormat: '' }],
    ...extra,
  };
}

/** XSS in every string field a dashboard has. */
function xssEverywhere() {
  return {
    scry: 1,
    uid: 'hostile-xss',
    title: `XSS ${X}`,
    description: X,
    tags: [X],
    variables: [
      {
        name: 'v',
        type: 'custom',
        label: X,
        query: `a,${XSS[0]},${XSS[2]}`,
        current: XSS[0],
      },
      { name: 'c', type: 'constant', query: XSS[1] },
      { name: 't', type: 'textbox', query: XSS[3] },
    ],
    panels: [
      panel(1, {
        title: `Title ${X}`,
        description: X,
        datasource: 'fixture',
        fieldConfig: {
          unit: `suffix:${XSS[0]}`,
          thresholds: {
            mode: 'absolute',
            steps: [
              { value: null, color: `red;background:url(javascript:window.__xss=1)` },
              { value: 1, color: XSS[2] },
            ],
          },
          custom: { lineColor: XSS[0] },
        },
        targets: [
          {
            refId: 'A',
            expr: 'scry_temperature_celsius{dc="ams"}',
            legendFormat: `{{dc}} ${X} $v`,
          },
        ],
        links: [{ title: X, url: XSS[3] }],
      }),
      panel(2, {
        type: 'text',
        title: `Text ${XSS[2]}`,
        gridPos: { x: 12, y: 0, w: 12, h: 8 },
        options: {
          mode: 'markdown',
          content: `# Hello $v\n\n${X}\n\n[click](${XSS[3]})\n\n<a href="${XSS[3]}">a</a>`,
        },
      }),
      panel(3, {
        type: 'stat',
        title: 'Stat',
        gridPos: { x: 0, y: 8, w: 6, h: 4 },
        datasource: 'fixture',
        fieldConfig: {
          unit: `prefix:${XSS[0]}`,
          mappings: [{ type: 'value', options: { 1: { text: X } } }],
        },
        targets: [{ refId: 'A', expr: 'vector(1)', legendFormat: X }],
      }),
      panel(4, {
        type: 'table',
        title: 'Table',
        gridPos: { x: 6, y: 8, w: 18, h: 6 },
        datasource: 'fixture',
        targets: [
          {
            refId: 'A',
            expr: `label_replace(vector(1), "x", "${XSS[0].replace(/"/g, '\\"')}", "", "")`,
            instant: true,
          },
        ],
      }),
    ],
  };
}

/** Markdown whose CSS tries to escape its box: the click-jacking link, fixed overlays, images. */
function cssInjection() {
  return {
    scry: 1,
    uid: 'hostile-css',
    title: 'CSS injection',
    panels: [
      panel(1, {
        type: 'text',
        title: 'Overlay',
        gridPos: { x: 0, y: 0, w: 12, h: 8 },
        options: {
          mode: 'markdown',
          content: [
            '<a href="https://evil.example/" style="position:absolute;inset:-2000px;z-index:9999;opacity:0;display:block">cover</a>',
            '<div style="position:fixed;top:0;left:0;width:100vw;height:100vh;background:red">fixed</div>',
            '<div style="transform:translate(-500px,-500px) scale(50)">moved</div>',
            '<div style="margin-top:-400px">up</div>',
            '<style>body{display:none}</style>',
            '![pixel](IMAGE_URL)',
          ].join('\n\n'),
        },
      }),
      panel(2, {
        title: 'Neighbour',
        gridPos: { x: 12, y: 0, w: 12, h: 8 },
        datasource: 'fixture',
        targets: [
          { refId: 'A', expr: 'scry_temperature_celsius{dc="ams"}', legendFormat: '{{dc}}' },
        ],
      }),
    ],
  };
}

/** `__proto__`, `constructor` and `prototype` as keys at every level. */
function protoEverywhere() {
  const poison = { polluted: 'yes', toString: 'x' };
  const d = {
    scry: 1,
    uid: 'hostile-proto',
    title: 'Proto keys',
    panels: [
      panel(1, {
        datasource: 'fixture',
        targets: [{ refId: 'A', expr: 'vector(1)', legendFormat: '' }],
        options: {},
        fieldConfig: { unit: 'short', custom: {} },
      }),
    ],
  };
  // JSON.stringify drops __proto__ set by assignment; write the text by hand.
  const text = JSON.stringify(d);
  const p = JSON.stringify(poison);
  return text
    .replace('{"scry":1,', `{"__proto__":${p},"constructor":{"prototype":${p}},"scry":1,`)
    .replace('"options":{}', `"options":{"__proto__":${p},"constructor":{"prototype":${p}}}`)
    .replace('"custom":{}', `"custom":{"__proto__":${p},"prototype":${p}}`)
    .replace('"refId":"A",', `"refId":"A","__proto__":${p},`);
}

/** 10 000 panels. */
function manyPanels(n = 10_000) {
  return {
    scry: 1,
    uid: 'hostile-many',
    title: `${n} panels`,
    panels: Array.from({ length: n }, (_x, i) =>
      panel(i + 1, { type: 'text', options: { mode: 'markdown', content: `Panel **${i + 1}**` } }),
    ),
  };
}

/** About 20 MB: a valid dashboard whose text panel carries a long description. */
function twentyMegabytes() {
  return {
    scry: 1,
    uid: 'hostile-20mb',
    title: 'Twenty megabytes',
    description: 'x'.repeat(20_000_000),
    panels: [panel(1, { type: 'text', options: { mode: 'markdown', content: 'Big file' } })],
  };
}

/** Nesting 10 000 deep (JSON arrays inside a panel option). */
function deep(depth = 10_000) {
  const inner = '['.repeat(depth) + ']'.repeat(depth);
  return `{"scry":1,"uid":"hostile-deep","title":"Deep","panels":[{"id":1,"type":"text","title":"Deep","gridPos":{"x":0,"y":0,"w":6,"h":4},"options":{"nest":${inner}}}]}`;
}

/** name → file text. `imageUrl` is where the CSS-injection image points (a loopback server). */
export function hostileCorpus({ imageUrl = 'http://127.0.0.1:9/pixel.png' } = {}) {
  return {
    xss: JSON.stringify(xssEverywhere()),
    css: JSON.stringify(cssInjection()).replace('IMAGE_URL', imageUrl),
    proto: protoEverywhere(),
    many: JSON.stringify(manyPanels()),
    '20mb': JSON.stringify(twentyMegabytes()),
    deep: deep(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? '.tmp/hostile');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(hostileCorpus())) {
    writeFileSync(path.join(dir, `${name}.json`), text);
    console.log(`${path.join(dir, name)}.json  ${(text.length / 1e6).toFixed(2)} MB`);
  }
}
