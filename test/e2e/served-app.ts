import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEngine } from '../../src-main/engine/create-engine';
import type { Engine, EngineOptions } from '../../src-main/engine/engine';
import { startServer } from '../../src-main/server/server';

/** The demo history ends here in every e2e run, so counts and relative times are stable. */
export const E2E_DEMO_AS_OF = '2025-06-02T12:00:00.000Z';

export interface ServedApp {
  /** Launch URL with `#token=...`. */
  url: string;
  /** The same origin without the token. */
  origin: string;
  token: string;
  dataDir: string;
  close(): Promise<void>;
}

/** Where the built renderer is: out/renderer (electron-vite build), or ORC_RENDERER_DIR. */
export function rendererDir(): string {
  const dir = resolve(process.env.ORC_RENDERER_DIR ?? join(process.cwd(), 'out', 'renderer'));
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No built renderer at ${dir}: run \`npx electron-vite build\` first (or set ORC_RENDERER_DIR).`);
  }
  return dir;
}

/** Engine + loopback server on a fresh temp data dir, with the Demo environment at a fixed time. */
/** Engine options an e2e file may set for its served app. */
export type ServedAppOptions = Pick<EngineOptions, 'llmLauncher'>;

export async function startServedApp(options: ServedAppOptions = {}): Promise<ServedApp> {
  const staticDir = rendererDir();
  const dataDir = await mkdtemp(join(tmpdir(), 'orc-e2e-'));
  const engine = await createEngine({
    dataDir,
    mode: 'served',
    version: '0.0.0-e2e',
    demoAsOf: E2E_DEMO_AS_OF,
    validateOutput: true,
    ...options,
  });
  await engine.ready; // the Demo is built in the background
  // Requests the UI built wrongly are refused with 400 in the browser console; name them here too.
  const reporting: Engine = {
    ...engine,
    handle: async (name, input) => {
      const result = await engine.handle(name, input);
      if (!result.ok && result.error.code === 'invalid_input') process.stderr.write(`[e2e] ${name} refused: ${result.error.message}\n`);
      return result;
    },
  };
  const server = await startServer({ engine: reporting, port: 0, staticDir });
  return {
    url: server.url,
    origin: `http://127.0.0.1:${server.port}`,
    token: server.token,
    dataDir,
    async close() {
      await server.close();
      await engine.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
