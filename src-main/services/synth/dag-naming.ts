import type { Rng } from './prng';
import type { Cadence } from './schedules';
import { REGIONS } from './vocabulary';

const CADENCE_SUFFIX: Readonly<Record<Cadence, string>> = { hourly: 'hourly', six_hourly: '6h', daily: 'daily', weekly: 'weekly' };

export function cadenceWord(cadence: Cadence): string {
  return CADENCE_SUFFIX[cadence];
}

/** Hands out unique DAG ids: `orders_etl_hourly`, then `orders_etl_hourly_eu`, then `..._v2`. */
export class DagIdAllocator {
  private readonly taken = new Set<string>();

  allocate(base: string, rng: Rng): string {
    if (!this.taken.has(base)) return this.claim(base);
    for (const region of rng.shuffled(REGIONS)) {
      const candidate = `${base}_${region}`;
      if (!this.taken.has(candidate)) return this.claim(candidate);
    }
    for (let v = 2; ; v++) {
      const candidate = `${base}_v${v}`;
      if (!this.taken.has(candidate)) return this.claim(candidate);
    }
  }

  private claim(id: string): string {
    this.taken.add(id);
    return id;
  }
}

const DESCRIBE: Readonly<Record<string, string>> = {
  etl: 'Extracts {entity} from {host}, cleans it and loads the warehouse',
  features: 'Computes {entity} features for the {domain} models',
  sync: 'Synchronises {entity} between {host} and the lake',
  report: 'Builds the {domain} reporting tables and dashboards',
  ingest: 'Ingests raw {entity} files landed by upstream systems',
  export: 'Exports {entity} to partners over S3',
  aggregates: 'Aggregates {entity} into {domain} rollups',
  snapshot: 'Takes a point-in-time snapshot of {entity}',
  dq_checks: 'Data quality checks on {entity} (row counts, nulls, freshness)',
  scoring: 'Scores {entity} with the current {domain} model',
  rollup: 'Rolls {entity} up by day and region',
  reconciliation: 'Reconciles {entity} against {host}',
  mart_refresh: 'Refreshes the {domain} mart once upstream assets land',
  dedup: 'Deduplicates late-arriving {entity}',
  enrichment: 'Enriches {entity} with reference data',
};

export function describeDag(purpose: string, cadence: string, domain: string, entity: string, host: string): string {
  const text = (DESCRIBE[purpose] ?? 'Processes {entity} for {domain}')
    .replace('{entity}', entity.replace(/_/g, ' '))
    .replace('{domain}', domain)
    .replace('{host}', host);
  return `${cadence.charAt(0).toUpperCase()}${cadence.slice(1)}: ${text}.`;
}
