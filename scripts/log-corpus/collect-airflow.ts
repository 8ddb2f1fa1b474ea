/**
 * Starts the real Airflow peer (3 by default, `2` as argument) on loopback with the corpus DAG,
 * triggers a few runs with different seeds, waits for them to finish, stops Airflow and copies its
 * service logs (scheduler, api-server/webserver, dag-processor, triggerer) and task logs to $RAW
 * (default /tmp/log-corpus-raw/airflow<major>/).
 *
 *   npx tsx scripts/log-corpus/collect-airflow.ts [3|2] [runs]
 */
import fs from 'node:fs';
import path from 'node:path';
import { airflowAuth, sleep, startAirflow, type AirflowMajor } from '../../test/env/airflow';

const major = Number(process.argv[2] ?? '3') as AirflowMajor;
const runs = Number(process.argv[3] ?? '6');
const dagId = 'corpus_library_errors';
const raw = path.join(process.env.RAW ?? '/tmp/log-corpus-raw', `airflow${major}`);

async function main(): Promise<void> {
  process.env.ORC_PEERS_KEEP_RUNS = '1';
  const af = await startAirflow(major, { dagsFolder: path.join(import.meta.dirname, 'dags'), waitForDagIds: [dagId] });
  try {
    const auth =
      major === 3 ? `Bearer ${await airflowAuth.airflow3Token(af.baseUrl, af.users.admin)}` : airflowAuth.basicAuth(af.users.admin);
    const api = `${af.baseUrl}/api/${af.apiVersion}`;
    const call = async (method: string, url: string, body?: unknown): Promise<unknown> => {
      const res = await fetch(`${api}${url}`, {
        method,
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${url} -> ${res.status} ${await res.text()}`);
      return res.json();
    };
    await call('PATCH', `/dags/${dagId}`, { is_paused: false });
    const ids: string[] = [];
    for (let i = 1; i <= runs; i++) {
      const body = major === 3 ? { logical_date: null, conf: { seed: i } } : { conf: { seed: i } };
      const run = (await call('POST', `/dags/${dagId}/dagRuns`, body)) as { dag_run_id: string };
      ids.push(run.dag_run_id);
      await sleep(1500);
    }
    const deadline = Date.now() + 480_000;
    for (;;) {
      const states = await Promise.all(
        ids.map(async (id) => ((await call('GET', `/dags/${dagId}/dagRuns/${encodeURIComponent(id)}`)) as { state: string }).state),
      );
      console.log(states.join(' '));
      if (states.every((s) => s === 'success' || s === 'failed')) break;
      if (Date.now() > deadline) {
        console.warn('runs did not finish in time: keeping the logs written so far');
        break;
      }
      await sleep(5000);
    }
    await sleep(3000);
  } finally {
    await af.stop();
  }
  fs.rmSync(raw, { recursive: true, force: true });
  fs.mkdirSync(raw, { recursive: true });
  for (const [name, file] of Object.entries(af.logs)) fs.copyFileSync(file, path.join(raw, `${name}.log`));
  fs.cpSync(path.join(af.home, 'logs'), path.join(raw, 'task-logs'), { recursive: true });
  fs.rmSync(path.dirname(af.home), { recursive: true, force: true });
  console.log(`logs copied to ${raw}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
