import type Database from 'better-sqlite3';
import { EnvironmentStore } from '../cache/environment-store';
import { HistoryWriter } from '../cache/history-writer';
import { buildCatalogue, type Catalogue } from './catalogue';
import { clearEnvironmentHistory } from './clear-environment';
import { CrossDagLedger } from './cross-dag-ledger';
import { writeDagHistory } from './dag-history';
import { importErrorRows } from './import-errors';
import { iso } from './instants';
import type { SynthLabel } from './label-types';
import { emptyCounts, type RowCounts } from './row-counts';
import { planQueueStall, StallRecorder } from './queue-stall';
import { StampPinner } from './stamp-pinner';
import { resolveWindow, type ResolvedWindow, type SynthOptions } from './synth-options';
import { POOLS } from './vocabulary';

export interface SynthSummary {
  readonly envId: string;
  readonly seed: number;
  readonly dags: number;
  readonly days: number;
  readonly startsAt: string;
  readonly asOf: string;
  /** Rows written per table. */
  readonly counts: RowCounts;
  /** Ground truth of every injected incident (also in synth_labels). */
  readonly labels: readonly SynthLabel[];
}

/** Generator version, recorded in the environment's config. */
const GENERATOR = 'orc-synth/1';

function writeEnvironment(
  db: Database.Database,
  writer: HistoryWriter,
  options: SynthOptions,
  window: ResolvedWindow,
  catalogue: Catalogue,
  counts: RowCounts,
): void {
  const asOf = iso(window.end);
  new EnvironmentStore(db).upsert({
    id: options.envId,
    name: options.envName ?? 'Demo',
    kind: 'demo',
    color: '#8b5cf6',
    readOnly: true,
    baseUrl: null,
    airflowVersion: '3.1.0',
    synthetic: true,
    asOf,
    configJson: JSON.stringify({ generator: GENERATOR, seed: options.seed, dags: options.dags, days: options.days }),
  });
  const env = options.envId;
  for (const p of POOLS) writer.pool.run({ envId: env, name: p.name, slots: p.slots, description: p.description });
  counts.pools += POOLS.length;
  for (const a of catalogue.assets) {
    writer.asset.run({ envId: env, uri: a.uri, name: a.name });
    counts.assets += 1;
    for (const p of a.producers) writer.assetLink.run({ envId: env, uri: a.uri, dagId: p.dagId, taskId: p.taskId, role: 'producer' });
    for (const c of a.consumers) writer.assetLink.run({ envId: env, uri: a.uri, dagId: c, taskId: '', role: 'consumer' });
    counts.asset_links += a.producers.length + a.consumers.length;
  }
  for (const e of importErrorRows(env, window.end)) writer.importError.run(e);
  counts.import_errors += 2;
}

/**
 * Writes a seeded, deterministic synthetic Airflow history into the cache:
 * the environment row, DAGs, runs, task instances, tries, failure logs,
 * assets, events and the exact labels of the injected incidents. The same
 * options give byte-identical rows. One bulk load (indexes rebuilt at its end)
 * of one savepoint per DAG; rows stream out as they are simulated.
 */
export function generateSyntheticHistory(db: Database.Database, options: SynthOptions): SynthSummary {
  const window = resolveWindow(options);
  const asOf = iso(window.end);
  const catalogue = buildCatalogue(options.seed, options.dags, window);
  const writer = new HistoryWriter(db);
  const pinner = new StampPinner(db);
  const ledger = new CrossDagLedger();
  const counts = emptyCounts();
  const workers = Math.min(24, Math.max(4, Math.ceil(options.dags / 5)));
  clearEnvironmentHistory(db, options.envId);
  writer.transaction(() => {
    writeEnvironment(db, writer, options, window, catalogue, counts);
    pinner.pinEnvironment(options.envId, asOf);
  });
  const labels: SynthLabel[] = [];
  const stallPlan = planQueueStall(options.seed, window, catalogue.dags);
  const stall = stallPlan ? new StallRecorder(stallPlan) : null;
  const ctx = { writer, envId: options.envId, seed: options.seed, window, ledger, workers, counts, stall };
  writer.bulkLoad(() =>
    catalogue.dags.forEach((planned, i) => {
      writer.transaction(() => {
        const label = writeDagHistory(ctx, planned);
        if (label) labels.push(label);
        pinner.pinDag(options.envId, planned.spec.dagId, asOf);
      });
      options.onProgress?.(i + 1, catalogue.dags.length);
    }),
  );
  const stallLabel = stall?.label() ?? null;
  if (stallLabel) {
    const { detail, ...head } = stallLabel;
    writer.transaction(() => writer.synthLabel.run({ ...head, envId: options.envId, detailJson: JSON.stringify(detail) }));
    counts.synth_labels += 1;
    labels.push(stallLabel);
  }
  return {
    envId: options.envId,
    seed: options.seed,
    dags: options.dags,
    days: options.days,
    startsAt: iso(window.start),
    asOf,
    counts,
    labels,
  };
}
