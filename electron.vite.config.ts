import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

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
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
