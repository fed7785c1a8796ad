import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The snapshot viewer as ONE classic script and one stylesheet (dist/snapshot/viewer.js and
 * viewer.css): a page opened from disk (file://) cannot load module scripts, so a snapshot
 * .html inlines these two files (src/snapshot/html.ts). Dynamic imports are inlined; run after
 * the app's build (it keeps dist/).
 */
export default defineConfig({
  base: './',
  plugins: [react()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    sourcemap: false,
    cssCodeSplit: false,
    chunkSizeWarningLimit: 2000,
    lib: {
      entry: 'src/snapshot/viewer/standalone.tsx',
      formats: ['iife'],
      name: 'ScrySnapshot',
      fileName: () => 'snapshot/viewer.js',
      cssFileName: 'snapshot/viewer',
    },
  },
});
