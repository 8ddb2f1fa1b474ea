import { expect } from 'vitest';
import { createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import type { RequestInput, RequestName, RequestOutput } from '../../../src-shared/api/contract';
import { makeTempDir } from '../../unit/temp-dir';

export const DEMO_AS_OF = '2025-06-02T12:00:00.000Z';

/** An engine on a temp data dir with the Demo, and a typed call that fails the test on an API error. */
export async function demoEngine(): Promise<{ engine: Engine; dataDir: string; call: Caller; close: () => Promise<void> }> {
  const t = makeTempDir('orc-graph-');
  const engine = await createEngine({ dataDir: t.dir, mode: 'served', version: 'test', demoAsOf: DEMO_AS_OF, validateOutput: true });
  await engine.ready; // the Demo is built in the background
  const call: Caller = async (name, input) => {
    const result = await engine.handle(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value as never;
  };
  return {
    engine,
    dataDir: t.dir,
    call,
    close: async () => {
      await engine.close();
      t.cleanup();
    },
  };
}

export type Caller = <N extends RequestName>(name: N, input: RequestInput<N>) => Promise<RequestOutput<N>>;

/** Starts a Neo4j sync and waits for its job to end. */
export async function syncAndWait(call: Caller): Promise<RequestOutput<'jobs.list'>[number]> {
  const { jobId } = await call('neo4j.sync', {});
  for (;;) {
    const job = (await call('jobs.list', {})).find((j) => j.id === jobId);
    expect(job).toBeDefined();
    if (job && job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until no scoring job runs (the engine scores the Demo right after building it). */
export async function scoringDone(call: Caller): Promise<void> {
  while ((await call('jobs.list', {})).some((j) => j.kind === 'scoring' && j.state === 'running'))
    await new Promise((r) => setTimeout(r, 200));
}
