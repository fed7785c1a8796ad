import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineSafe, snapshotHtml, SNAPSHOT_DATA_ID } from './html';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

describe('snapshot page', () => {
  it('inlines script and style, the script allowed by its hash exactly; no connections', async () => {
    const script = 'console.log("é </script> <!-- x")';
    const style = 'body{content:"</style>"}';
    const html = await snapshotHtml({ script, style, data: 'QUJD', title: 'A <b> & "c"' });
    const inlinedScript = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const inlinedStyle = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(inlinedScript).toBe('console.log("é <\\/script> <\\x21-- x")');
    expect(inlinedStyle).toBe('body{content:"<\\/style>"}');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toContain(`script-src ${sha(inlinedScript)};`);
    expect(csp).not.toContain(sha('console.log("é </script> <!-- x")'));
    expect(csp).toContain("style-src 'unsafe-inline';");
    expect(csp).not.toContain(sha(inlinedStyle));
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(html).toContain(
      `<script type="application/json" id="${SNAPSHOT_DATA_ID}">QUJD</script>`,
    );
    expect(html).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>');
  });

  it('the escapes keep the meaning of JavaScript strings, templates and regular expressions', () => {
    const code = 'globalThis.r = ["</script>", `<!--`, /<\\/script>|<!--/.test("<!--")]';
    const safe = inlineSafe(code, 'script');
    expect(safe).not.toMatch(/<\/script|<!--/i);
    const run = (c: string) => new Function(`const globalThis = {}; ${c}; return globalThis.r;`)();
    expect(run(safe)).toEqual(run(code));
  });

  it('refuses data that is not base64 (it sits inside the page)', async () => {
    await expect(
      snapshotHtml({ script: '', style: '', data: '</script><script>x', title: '' }),
    ).rejects.toThrow(/base64/);
  });
});
