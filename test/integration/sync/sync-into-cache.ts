import type Database from 'better-sqlite3';
import type { AirflowPeerInfo } from '../../env/airflow';
import { createAirflowSource } from '../../../src-main/services/airflow/create-airflow-source';
import type { TransportOptions } from '../../../src-main/services/airflow/http/transport-options';
import { EnvironmentStore } from '../../../src-main/services/cache/environment-store';
import { openCache } from '../../../src-main/services/cache/open-cache';
import { defaultSyncOptions, syncEnvironment, type SyncOptions } from '../../../src-main/services/sync/sync-environment';
import type { SyncReport } from '../../../src-main/services/sync/sync-progress';

export const ENV_ID = 'peer';
/** The history window the sync tests keep (days). */
export const SYNC_WINDOW_DAYS = 30;

export interface SyncRequest {
  af: Pick<AirflowPeerInfo, 'apiVersion' | 'users' | 'version'>;
  baseUrl: string;
  cacheFile: string;
  transport?: Omit<TransportOptions, 'baseUrl' | 'sleep' | 'random'>;
  options?: Partial<SyncOptions>;
}

export function registerPeerEnvironment(db: Database.Database, req: Pick<SyncRequest, 'af' | 'baseUrl'>): void {
  new EnvironmentStore(db).upsert({
    id: ENV_ID,
    name: 'Peer',
    kind: req.af.apiVersion === 'v2' ? 'airflow3' : 'airflow2',
    color: '#2563eb',
    readOnly: true,
    baseUrl: req.baseUrl,
    airflowVersion: req.af.version,
    configJson: '{}',
    synthetic: false,
    asOf: null,
  });
}

/** Opens (or creates) a cache file, registers the peer environment and syncs it once. */
export async function syncIntoCache(req: SyncRequest): Promise<SyncReport> {
  const cache = openCache(req.cacheFile);
  const source = createAirflowSource(
    ENV_ID,
    { baseUrl: req.baseUrl, auth: { kind: 'password', ...req.af.users.admin }, ...(req.transport ? { transport: req.transport } : {}) },
    req.af.apiVersion,
  );
  try {
    registerPeerEnvironment(cache.db, req);
    return await syncEnvironment(source, cache.db, { ...defaultSyncOptions, windowDays: SYNC_WINDOW_DAYS, ...req.options });
  } finally {
    await (source as { close?: () => Promise<void> }).close?.();
    cache.db.close();
  }
}
