import type { FleetEnv } from '../../../src-shared/domain/investigate';

/** The lists behind the fleet counts; each is a route value (`list=`). */
export const fleetLists = ['failingNow', 'failed24h', 'failed7d', 'running', 'queued', 'importErrors', 'staleDags'] as const;
export type FleetList = (typeof fleetLists)[number];

export const fleetListLabels: Readonly<Record<FleetList, string>> = {
  failingNow: 'Failing now',
  failed24h: 'Failed runs, 24 h',
  failed7d: 'Failed runs, 7 d',
  running: 'Running',
  queued: 'Queued',
  importErrors: 'Import errors',
  staleDags: 'Stale DAGs',
};

/** Tiles count DAGs for "failing now" and "stale", runs for the failure windows. */
export function fleetCount(env: FleetEnv, list: FleetList): number {
  switch (list) {
    case 'failed24h':
    case 'failed7d':
      return env[list].reduce((sum, dag) => sum + dag.count, 0);
    default:
      return env[list].length;
  }
}

export function isFleetList(value: string | undefined): value is FleetList {
  return value !== undefined && (fleetLists as readonly string[]).includes(value);
}
