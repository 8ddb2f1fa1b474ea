import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { makeTempDir } from '../temp-dir';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function call<T>(engine: Engine, name: string, input: unknown): Promise<T> {
  const result = await engine.handle(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

describe('the first start builds the Demo in the background', () => {
  it('answers requests while the Demo job runs, then holds the Demo with its history', async () => {
    const t = makeTempDir('orc-demo-bg-');
    cleanups.push(t.cleanup);
    const engine = await createEngine({
      dataDir: t.dir,
      mode: 'served',
      version: 'test',
      demoAsOf: '2025-06-02T12:00:00.000Z',
      scoringInProcess: true,
    });
    cleanups.push(() => engine.close());
    // The engine answers at once: the Demo is still being built, as a job with progress.
    const jobs = await call<{ kind: string; state: string }[]>(engine, 'jobs.list', {});
    expect(jobs.filter((j) => j.kind === 'demo').map((j) => j.state)).toEqual(['running']);
    expect(await call<{ id: string }[]>(engine, 'envs.list', {})).toEqual([]);
    await engine.ready;
    const after = await call<{ kind: string; state: string }[]>(engine, 'jobs.list', {});
    expect(after.filter((j) => j.kind === 'demo').map((j) => j.state)).toEqual(['done']);
    const [demo] = await call<{ id: string; name: string }[]>(engine, 'envs.list', {});
    expect(demo?.name).toBe('Demo');
    const overview = await call<{ dags: unknown[] }>(engine, 'overview.get', { envId: demo?.id });
    expect(overview.dags.length).toBeGreaterThan(10);
  }, 60_000);

  it('does not build it again once the cache holds an environment, and a close during the build leaves no half Demo', async () => {
    const t = makeTempDir('orc-demo-bg-');
    cleanups.push(t.cleanup);
    const first = await createEngine({
      dataDir: t.dir,
      mode: 'served',
      version: 'test',
      demoAsOf: '2025-06-02T12:00:00.000Z',
      scoringInProcess: true,
    });
    await first.close(); // while the builder runs: its transaction dies with it
    const second = await createEngine({
      dataDir: t.dir,
      mode: 'served',
      version: 'test',
      demoAsOf: '2025-06-02T12:00:00.000Z',
      scoringInProcess: true,
    });
    cleanups.push(() => second.close());
    await second.ready;
    const dags = await call<{ dags: unknown[] }>(second, 'overview.get', { envId: 'demo' });
    expect(dags.dags.length).toBeGreaterThan(10);
    const third = await createEngine({ dataDir: t.dir, mode: 'served', version: 'test', scoringInProcess: true });
    await second.close();
    cleanups.push(() => third.close());
    const jobs = await call<{ kind: string }[]>(third, 'jobs.list', {});
    expect(jobs.filter((j) => j.kind === 'demo')).toEqual([]);
    await third.ready;
  }, 90_000);
});
