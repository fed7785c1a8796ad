import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { mkdir, rename, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Source maps are written beside the build (`dist-sourcemaps/assets/*.map`), not into it: a
 * static host serving `dist/` does not hand out 5+ MB of maps and source. `hidden` leaves the
 * `sourceMappingURL` comments out; point the browser's devtools at the folder to use them.
 */
function mapsBesideDist(): Plugin {
  let outDir = '';
  return {
    name: 'scry:maps-beside-dist',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    async writeBundle() {
      const target = `${outDir}-sourcemaps`;
      await rm(target, { recursive: true, force: true });
      const moveFrom = async (dir: string): Promise<void> => {
        for (const e of await readdir(dir, { withFileTypes: true })) {
          const from = path.join(dir, e.name);
          if (e.isDirectory()) await moveFrom(from);
          else if (e.name.endsWith('.map')) {
            const to = path.join(target, path.relative(outDir, from));
            await mkdir(path.dirname(to), { recursive: true });
            await rename(from, to);
          }
        }
      };
      await moveFrom(outDir);
    },
  };
}

/**
 * The entry (src/boot.ts) loads the app with a dynamic import, after starting the start-up
 * fetches. This puts the app's chunk, its static imports and its CSS into index.html as
 * `modulepreload` / stylesheet links, so they download in parallel with the entry instead of
 * after it has run.
 */
function preloadApp(appEntry: string): Plugin {
  return {
    name: 'scry:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const app = chunks.find(
          (c) =>
            c.facadeModuleId?.endsWith(appEntry) || c.moduleIds.some((id) => id.endsWith(appEntry)),
        );
        if (!app) throw new Error(`preloadApp: no chunk for ${appEntry}`);
        const js = new Set<string>();
        const css = new Set<string>();
        const visit = (fileName: string) => {
          if (js.has(fileName)) return;
          js.add(fileName);
          const c = chunks.find((x) => x.fileName === fileName);
          for (const f of c?.viteMetadata?.importedCss ?? []) css.add(f);
          for (const f of c?.imports ?? []) visit(f);
        };
        visit(app.fileName);
        return [
          ...[...css].map((f) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `./${f}` },
            injectTo: 'head' as const,
          })),
          ...[...js].map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

/**
 * Everything the app's chunk (`appEntry`, loaded by `entry`) imports statically, minus what the
 * entry itself needs, as ONE chunk: left to the default splitting, the modules the dashboard view
 * shares with on-demand chunks (panel editor, Explore, …) become ~20 small chunks, each gzipped
 * alone (8 KB more on the wire than the same code in one file). The entry's own modules stay in
 * the entry, so it still runs (and starts the start-up fetches) before the app has downloaded.
 */
function appChunk(entry: string, appEntry: string) {
  const modules = new Set<string>();
  // the entry's own modules: one chunk too (shared with on-demand chunks, e.g. the Prometheus
  // client, they would otherwise be split into a dozen small ones)
  const start = new Set<string>();
  const plugin: Plugin = {
    name: 'scry:app-chunk',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const reach = (root: string | undefined): Set<string> => {
        const seen = new Set<string>();
        const queue = root ? [root] : [];
        for (const id of queue) {
          if (seen.has(id)) continue;
          seen.add(id);
          queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return seen;
      };
      const entryId = ids.find((id) => id.endsWith(entry));
      const own = reach(entryId);
      modules.clear();
      start.clear();
      for (const id of own) if (id !== entryId) start.add(id);
      const root = ids.find((id) => id.endsWith(appEntry));
      // the app's own module stays the dynamic import's chunk (a group may not take it)
      for (const id of reach(root)) if (id !== root && !own.has(id)) modules.add(id);
    },
  };
  return {
    plugin,
    test: (id: string) => modules.has(id),
    startTest: (id: string) => start.has(id),
  };
}

const app = appChunk('/src/boot.ts', '/src/main.tsx');

export default defineConfig({
  // Relative base: dist/ works from any static host and any sub-path.
  base: './',
  plugins: [
    react(),
    preloadApp('/src/main.tsx'),
    app.plugin,
    mapsBesideDist(),
    // The dev server's React refresh preamble is an inline script, which index.html's CSP
    // forbids: the policy applies to builds only.
    {
      name: 'scry-csp-build-only',
      apply: 'serve',
      transformIndexHtml: (html) =>
        html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
    },
  ],
  build: {
    target: 'es2022',
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // zod and the schemas built with it: loaded only by what validates (provisioning,
            // import, save). Without a group of their own they share a chunk with the small
            // model modules the dashboard view imports statically, and so load with it.
            {
              name: 'validate',
              priority: 2,
              includeDependenciesRecursively: false,
              test: /node_modules[\\/]zod[\\/]|[\\/]src[\\/]model[\\/](dashboard|variable|validate)\.ts$/,
            },
            { name: 'app', priority: 1, includeDependenciesRecursively: false, test: app.test },
            {
              name: 'start',
              priority: 1,
              includeDependenciesRecursively: false,
              test: app.startTest,
            },
          ],
        },
      },
      treeshake: {
        // The model's schema modules only define zod schemas: a module that imports a constant
        // from them (ROW_TYPE, inlined) must not pull zod into the dashboard view's code.
        moduleSideEffects: (id: string) =>
          /\/src\/model\/(dashboard|variable)\.ts$/.test(id) ? false : undefined,
      },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.mjs', 'demo/**/*.test.mjs'],
    environment: 'node',
  },
});
