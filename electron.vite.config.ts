import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * In `electron-vite dev` only, React Refresh injects an inline preamble that
 * the strict CSP meta would block; drop the meta there. Production keeps it
 * (and the app:// protocol and served mode send the CSP header as well).
 */
const devOnlyCspRelax: Plugin = {
  name: 'orc-dev-csp-relax',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
};

/** Native or heavy packages stay in node_modules (asar-unpacked), never bundled. */
const nativeDeps = ['better-sqlite3', 'node-llama-cpp', 'neo4j-driver', '@xenova/transformers'];

export default defineConfig({
  main: {
    build: {
      outDir: resolve(__dirname, 'out/main'),
      externalizeDeps: { include: nativeDeps },
      rollupOptions: {
        input: {
          // package.json "main" is out/main/index.js
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          'engine-host': resolve(__dirname, 'src-main/electron/engine-host.ts'),
          // The model host: plain Node, forked by the engine (ELECTRON_RUN_AS_NODE), owns node-llama-cpp.
          'model-host': resolve(__dirname, 'src-main/services/llm/host/model-host-main.ts'),
          // The scoring host: plain Node, forked by the engine, reads the cache read-only and runs scoring passes.
          'scoring-host': resolve(__dirname, 'src-main/services/analytics/scoring-host/scoring-host-main.ts'),
          // The Demo builder: plain Node, forked by the engine on a first start, writes the Demo's history into the cache.
          'demo-builder': resolve(__dirname, 'src-main/services/demo/demo-builder-main.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(__dirname, 'out/preload'),
      // A sandboxed preload can only require('electron'): bundle everything else (zod, the contract) into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    base: './',
    plugins: [react(), devOnlyCspRelax],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      sourcemap: false,
      emptyOutDir: true,
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
