import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestInput, RequestName, RequestOutput } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import { CACHE_FILE_NAME, createEngine } from '../../../src-main/engine/create-engine';
import type { Engine } from '../../../src-main/engine/engine';
import { insertSavedEnvironment } from '../../helpers/saved-environment';

export interface MonitoringEngine {
  dataDir: string;
  call<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>>;
  close(): Promise<void>;
}

/** A real engine (no Demo) with one saved environment, "ops", whose Airflow port is closed: monitoring needs none. */
export async function startMonitoringEngine(): Promise<MonitoringEngine> {
  const dataDir = mkdtempSync(join(tmpdir(), 'orc-monitoring-'));
  const engine: Engine = await createEngine({ dataDir, mode: 'served', version: '0.0.0-test', demo: false, validateOutput: true });
  insertSavedEnvironment(join(dataDir, CACHE_FILE_NAME), { id: 'ops', name: 'Ops <prod> & co', baseUrl: 'http://127.0.0.1:9' });
  return {
    dataDir,
    async call(name, input) {
      const result = await engine.handle(name, input);
      if (!result.ok) throw ApiError.fromBody(result.error);
      return result.value as RequestOutput<typeof name>;
    },
    async close() {
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
