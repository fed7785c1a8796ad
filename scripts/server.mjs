// A tiny static file server for the production build (dist/): what `npm start` and the
// end-to-end tests use. Files in `overlay` (path → body) are served instead of / besides dist,
// so a generated config.json can provision datasources without touching dist/.
import http from 'node:http';
import { once } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on host:port (port 0 = any free port). Returns { url, server, close }.
 * Unknown paths answer 404; paths outside root answer 403. Hashed assets are cached for a year,
 * everything else is revalidated.
 */
export async function serveStatic({ root, host = '127.0.0.1', port = 0, overlay = {} }) {
  const base = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      let rel = decodeURIComponent(url.pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      if (Object.hasOwn(overlay, rel)) {
        const body = overlay[rel];
        res.writeHead(200, {
          'content-type': TYPES[path.extname(rel)] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
        });
        res.end(typeof body === 'string' ? body : JSON.stringify(body, null, 2));
        return;
      }
      const file = path.resolve(base, '.' + rel);
      if (file !== base && !file.startsWith(base + path.sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${rel}`);
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': rel.startsWith('/assets/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      });
      res.end(await readFile(file));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  server.listen(port, host);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([e]) => {
      throw e;
    }),
  ]);
  const addr = server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  return {
    url: `http://${host}:${actualPort}/`,
    server,
    close: () => new Promise((r) => server.close(() => r(undefined))),
  };
}
