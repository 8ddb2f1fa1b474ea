import type { Engine } from '../../../src-main/engine/engine';

/** Calls a request on the engine; a refused request throws an Error carrying its code, message and hint. */
export async function call<T>(engine: Engine, name: string, input: unknown): Promise<T> {
  const result = await engine.handle(name, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

/** Polls jobs.list until the job has ended (done or failed). */
export async function waitForJob(engine: Engine, jobId: string): Promise<{ state: string; message: string | null }> {
  for (let i = 0; i < 600; i++) {
    const jobs = await call<{ id: string; state: string; message: string | null }[]>(engine, 'jobs.list', {});
    const job = jobs.find((j) => j.id === jobId);
    if (job && job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('sync did not finish');
}
