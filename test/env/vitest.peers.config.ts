/**
 * Standalone Vitest config for the peer smoke tests (test/integration/peers/), using the same
 * globalSetup as the "integration" project of the main vitest.config.ts.
 *
 *   npx vitest run --config test/env/vitest.peers.config.ts
 *   ORC_PEERS=af3 npx vitest run --config test/env/vitest.peers.config.ts   # only Airflow 3
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export default defineConfig({
  root,
  test: {
    name: 'peers',
    root,
    include: ['test/integration/peers/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/env/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
