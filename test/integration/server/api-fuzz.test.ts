import { join } from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from '../../../src-main/engine/input-depth';
import { requests, type RequestName } from '../../../src-shared/api/contract';
import { dataSnapshot } from './fuzz/data-snapshot';
import { mutatedBodies } from './fuzz/mutations';
import { seededRandom } from './fuzz/random';
import { sample } from './fuzz/zod-samples';
import { apiCall, startServed, type Served } from './served-fixture';

/**
 * Requests whose valid inputs are generated and sent: they only read the cache
 * (no request to Airflow, Neo4j, Prometheus, Slack, no file written). Every
 * request, these and the rest, also gets the refused bodies.
 */
const READS: readonly RequestName[] = [
  'app.info',
  'settings.get',
  'actions.triggerParams',
  'audit.list',
  'anomalies.list',
  'anomalies.get',
  'risks.list',
  'patterns.list',
  'patterns.get',
  'anomalies.marks',
  'envs.list',
  'envs.settings',
  'envs.export',
  'graph.summary',
  'lineage.view',
  'lineage.node',
  'lineage.assets',
  'impact.downstream',
  'impact.upstream',
  'impact.criticalPath',
  'impact.pauseDag',
  'impact.orphans',
  'graph.savedQueries',
  'graph.runSaved',
  'neo4j.status',
  'overview.get',
  'runs.list',
  'runs.get',
  'fleet.overview',
  'triage.list',
  'runs.investigate',
  'tasks.investigate',
  'tasks.log',
  'dags.grid',
  'dags.gridCells',
  'dags.durations',
  'runs.compare',
  'timeline.runs',
  'dags.list',
  'dags.gridMapIndexes',
  'palette.search',
  'jobs.list',
  'llm.settings.get',
  'llm.status',
  'copilot.conversations',
  'copilot.conversation',
  'rules.list',
  'rules.preview',
  'rules.export',
  'rules.firings',
  'notifications.list',
  'incidents.list',
  'incidents.get',
  'incidents.timeline',
  'incidents.export',
  'reports.defaults',
  'embeddings.status',
  'failures.similar',
  'monitoring.settings',
];
const SAMPLES_PER_READ = 4;
const SEED = Number(process.env.ORC_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

interface Answer {
  status: number;
  code: string | null;
}

describe('API fuzz: every request of the contract, generated and mutated inputs, over the served API', () => {
  let served: Served;
  let dataDir: string;
  const call = async (name: string, body: string): Promise<Answer> => {
    const res = await apiCall(served.server.port, name, body);
    const parsed = JSON.parse(res.body) as { ok: boolean; error?: { code: string } };
    return { status: res.status, code: parsed.ok ? null : (parsed.error?.code ?? 'missing') };
  };

  beforeAll(async () => {
    console.log(`[api-fuzz] seed ${SEED} (replay with ORC_FUZZ_SEED=${SEED})`);
    served = await startServed({ demo: true });
    dataDir = join(served.root, 'data');
    // The Demo is scored right after it is built; the data must be still while refused requests are checked.
    for (;;) {
      const jobs = await served.engine.handle('jobs.list', {});
      if (jobs.ok && !(jobs.value as { state: string }[]).some((j) => j.state === 'running')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 180_000);
  afterAll(async () => served?.close());

  it('refuses every broken input with 400/413 before any service runs, changes no data, and never stalls the engine', async () => {
    const rnd = seededRandom(SEED);
    const before = dataSnapshot(dataDir);
    const wrong: string[] = [];
    let refused = 0;
    // The engine's own work per call, in CPU time (robust to a busy machine): a refusal must cost next to nothing.
    const handle = served.engine.handle.bind(served.engine);
    let longestMs = 0;
    let longestCall = '';
    served.engine.handle = async (name, input) => {
      const cpu = process.cpuUsage();
      const answer = await handle(name, input);
      const spent = process.cpuUsage(cpu);
      const ms = (spent.user + spent.system) / 1000;
      if (ms > longestMs) [longestMs, longestCall] = [ms, name];
      return answer;
    };
    for (const [name, def] of Object.entries(requests)) {
      const schema = def.input as z.core.$ZodType;
      for (const body of mutatedBodies(sample(schema, rnd), rnd)) {
        const value = JSON.parse(body) as unknown;
        const fits = !nestsDeeperThan(value, MAX_INPUT_DEPTH) && def.input.safeParse(value).success;
        if (fits) continue; // a lenient schema took it: only the read-only pass may send valid inputs
        const answer = await call(name, body);
        refused += 1;
        const ok =
          (answer.status === 400 && answer.code === 'invalid_input') || (answer.status === 413 && answer.code === 'payload_too_large');
        if (!ok) wrong.push(`${name} ${body.slice(0, 120)} -> ${answer.status} ${answer.code}`);
      }
    }
    served.engine.handle = handle;
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(500);
    expect(dataSnapshot(dataDir)).toEqual(before);
    console.log(`[api-fuzz] ${refused} refused bodies; the costliest refusal took ${longestMs.toFixed(1)} ms of CPU (${longestCall})`);
    expect(longestMs, longestCall).toBeLessThan(100);
  }, 240_000);

  it('answers generated valid inputs of every read with a result or a typed error, never a 500', async () => {
    const rnd = seededRandom(SEED + 1);
    const internal: string[] = [];
    let sent = 0;
    for (const name of READS) {
      const def = requests[name];
      for (let tries = 0, kept = 0; tries < 40 && kept < SAMPLES_PER_READ; tries += 1) {
        const input = sample(def.input as z.core.$ZodType, rnd);
        if (!def.input.safeParse(input).success) continue;
        kept += 1;
        sent += 1;
        const body = JSON.stringify(input);
        const answer = await call(name, body);
        if (answer.status >= 500 || answer.code === 'internal')
          internal.push(`${name} ${body.slice(0, 200)} -> ${answer.status} ${answer.code}`);
      }
    }
    expect(internal).toEqual([]);
    expect(sent).toBeGreaterThan(READS.length * 2);
  }, 240_000);
});
