import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The benchmark page is built apart from the app so that dist/ stays the app alone.
export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../.tmp/bench-dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // readable function names in BENCH_PROFILE's CPU profile
    minify: !process.env.BENCH_PROFILE,
  },
  logLevel: 'warn',
});
