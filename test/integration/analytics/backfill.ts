/** Backfills a DAG on a peer: Airflow 3's `POST /api/v2/backfills`, Airflow 2's `airflow dags backfill` CLI. */
import path from 'node:path';
import type { AirflowPeerInfo } from '../../env/airflow';
import { runToCompletion, sleep } from '../../env/proc';
import type { AirflowApi } from './airflow-api';

/** Airflow 3 on SQLite refuses a backfill while the scheduler holds the DB ("Database is locked"): retry until the deadline. */
async function backfillV3(api: AirflowApi, dagId: string, from: string, to: string, deadline: number): Promise<void> {
  for (;;) {
    const r = await api.request('POST', '/backfills', { dag_id: dagId, from_date: from, to_date: to, max_active_runs: 10 });
    if (r.status === 200 || r.status === 201) return;
    const locked = JSON.stringify(r.body).includes('Database is locked');
    if (!locked || Date.now() > deadline) throw new Error(`POST /api/v2/backfills ${dagId} -> ${r.status} ${JSON.stringify(r.body)}`);
    await sleep(2000);
  }
}

function cliEnv(af: AirflowPeerInfo): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('AIRFLOW')) env[k] = v;
  return { ...env, ...af.env, PATH: `${path.join(af.venv, 'bin')}:${env.PATH ?? '/usr/bin:/bin'}`, PYTHONWARNINGS: 'ignore' };
}

/** Airflow 2: the CLI runs the backfill's tasks itself (logical dates from..to, inclusive). */
async function backfillV2(af: AirflowPeerInfo, dagId: string, from: string, to: string, deadline: number): Promise<void> {
  await runToCompletion({
    name: `airflow dags backfill ${dagId}`,
    command: path.join(af.venv, 'bin', 'airflow'),
    args: ['dags', 'backfill', '--start-date', from, '--end-date', to, '--yes', dagId],
    env: cliEnv(af),
    logFile: path.join(af.home, `backfill-${dagId}.log`),
    timeoutMs: Math.max(1000, deadline - Date.now()),
  });
}

/** Creates (Airflow 3) or runs (Airflow 2) the runs of `dagId` for the slots between `from` and `to`. */
export async function backfill(api: AirflowApi, dagId: string, from: string, to: string, deadline: number): Promise<void> {
  if (api.v3) await backfillV3(api, dagId, from, to, deadline);
  else await backfillV2(api.af, dagId, from, to, deadline);
}
