import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src-main/engine/create-engine';
import { startServer } from '../../src-main/server/server';
import { HTTP_CALL_PREFIX } from '../../src-shared/api/wire';
import { figure, type BenchEntry, type BenchFigure } from '../figure';

const round = (s: number): number => Math.round(s * 1000) / 1000;

/**
 * A first start as `npm run serve` does it (a fresh data directory, no environment): engine + loopback server, then
 * what the browser asks first (the page, then app.info and envs.list) answered. Time to a usable UI vs. time until
 * the Demo is in the cache (built in the background), in the same run. Needs `npx electron-vite build` (out/renderer).
 */
const entry: BenchEntry = {
  name: 'startup',
  async run(): Promise<BenchFigure[]> {
    const staticDir = join(process.cwd(), 'out', 'renderer');
    if (!existsSync(join(staticDir, 'index.html'))) throw new Error('startup bench: run `npx electron-vite build` first (out/renderer)');
    const dataDir = mkdtempSync(join(tmpdir(), 'orc-bench-startup-'));
    const t0 = performance.now();
    const engine = await createEngine({ dataDir, mode: 'served', version: 'bench' });
    const server = await startServer({ engine, port: 0, staticDir });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const page = await fetch(`${base}/`);
      await page.text();
      const call = async (name: string): Promise<void> => {
        const res = await fetch(`${base}${HTTP_CALL_PREFIX}${name}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
          body: '{}',
        });
        if (!res.ok) throw new Error(`startup bench: ${name} answered ${res.status}`);
        await res.text();
      };
      await call('app.info');
      await call('envs.list');
      const usable = (performance.now() - t0) / 1000;
      await engine.ready;
      const demo = (performance.now() - t0) / 1000;
      return [
        figure('first start: engine + server answer the page, app.info and envs.list', round(usable), 's', {
          goal: 1,
          lowerIsBetter: true,
          baseline: round(demo),
        }),
        figure('first start: the Demo built in the background (cache holds it)', round(demo), 's'),
      ];
    } finally {
      await server.close();
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default entry;
