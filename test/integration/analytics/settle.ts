/** Waits until a set of DAGs has caught up and every run of theirs has finished. */
import { sleep } from '../../env/proc';
import type { AirflowApi, ApiRun } from './airflow-api';

const TERMINAL = new Set(['success', 'failed']);
/** A scheduler reported unhealthy this many polls in a row has died (a busy one misses a heartbeat now and then). */
const UNHEALTHY_POLLS = 6;

export interface Settled {
  readonly runs: ApiRun[];
  readonly seconds: number;
}

/** One line per DAG that is not done yet, or [] when all are (caught up, all runs finished). */
async function pending(api: AirflowApi, dagIds: readonly string[], runs: ApiRun[]): Promise<string[]> {
  const now = Date.now();
  const waiting: string[] = [];
  for (const dagId of dagIds) {
    const dag = await api.dag(dagId);
    const own = await api.runs(dagId);
    runs.push(...own);
    const open = own.filter((r) => !TERMINAL.has(r.state)).length;
    const behind = dag.nextCreateAfter !== null && Date.parse(dag.nextCreateAfter) <= now;
    if (open > 0 || behind || dag.isPaused)
      waiting.push(
        `${dagId}: ${own.length - open}/${own.length} finished${behind ? `, next run due ${dag.nextCreateAfter}` : ''}${dag.isPaused ? ', paused' : ''}`,
      );
  }
  return waiting;
}

/** Polls until two polls in a row find every DAG caught up with all runs finished and the same runs; throws with what is left after the timeout. */
export async function waitUntilSettled(api: AirflowApi, dagIds: readonly string[], timeoutMs: number, intervalMs = 5000): Promise<Settled> {
  const t0 = Date.now();
  let previous = '';
  let last: string[] = [];
  let unhealthy = 0;
  for (;;) {
    const runs: ApiRun[] = [];
    const health = await api.schedulerHealth();
    unhealthy = health === 'healthy' ? 0 : unhealthy + 1;
    if (unhealthy >= UNHEALTHY_POLLS)
      throw new Error(`Airflow ${api.af.version}: the scheduler is ${health} (its log: ${api.af.logs.scheduler ?? '?'})`);
    last = await pending(api, dagIds, runs);
    const fingerprint = runs
      .map((r) => `${r.dagId}/${r.runId}/${r.state}`)
      .sort()
      .join('\n');
    if (last.length === 0 && fingerprint === previous) return { runs, seconds: (Date.now() - t0) / 1000 };
    previous = last.length === 0 ? fingerprint : '';
    if (Date.now() - t0 > timeoutMs)
      throw new Error(`Airflow ${api.af.version}: the scenario did not settle in ${timeoutMs / 1000} s:\n${last.join('\n')}`);
    await sleep(intervalMs);
  }
}
