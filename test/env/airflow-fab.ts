/**
 * A real Airflow 3 with the FAB auth manager (apache-airflow-providers-fab) for integration tests: the cached Airflow 3
 * plus the provider (`install-airflow-fab.sh`, a venv layered over it), its own AIRFLOW_HOME and metadata DB, FAB users
 * made with `airflow users create`, loopback only. Started lazily (`lazy-peers.ts`), when a test file asks for it.
 *
 * Users: admin/admin (Admin), viewer/viewer (Viewer), and locked/locked, a FAB user an admin deactivated (active = 0).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  ensureAirflowInstalled,
  ensureTemplateDb,
  startAirflow,
  type AirflowPeer,
  type AirflowPeerInfo,
  type AirflowUsers,
  type PeerUser,
  usersCreateArgs,
} from './airflow';
import { ENV_DIR, once, peersCacheDir, runToCompletion } from './proc';

export const FAB_AUTH_MANAGER = 'airflow.providers.fab.auth_manager.fab_auth_manager.FabAuthManager';
const AIRFLOW_VERSION = process.env.AIRFLOW3_VERSION ?? '3.3.2';
const FAB_VERSION = process.env.AIRFLOW_FAB_VERSION ?? '3.10.2';
const USERS: AirflowUsers = { admin: { username: 'admin', password: 'admin' }, viewer: { username: 'viewer', password: 'viewer' } };
const INACTIVE: PeerUser = { username: 'locked', password: 'locked' };

export interface FabAirflowPeerInfo extends AirflowPeerInfo {
  /** The provider's version, e.g. `3.10.2`. */
  fabVersion: string;
  /** A FAB user that exists with this password but is inactive (an admin switched it off). */
  inactiveUser: PeerUser;
}

const log = (msg: string): void => {
  if (process.env.ORC_PEERS_VERBOSE === '1') console.log(`[airflow3-fab] ${msg}`);
};

/** The Airflow 3 venv with the FAB provider layered over it (installs both when missing). */
export async function ensureFabInstalled(): Promise<string> {
  await ensureAirflowInstalled(3, { version: AIRFLOW_VERSION });
  const venv = path.join(peersCacheDir(), `airflow3-${AIRFLOW_VERSION}-fab-${FAB_VERSION}`);
  if (fs.existsSync(path.join(venv, '.installed'))) return venv;
  return once(`install-airflow3-fab-${FAB_VERSION}`, async () => {
    const logFile = path.join(peersCacheDir(), `install-airflow3-fab-${FAB_VERSION}.log`);
    await runToCompletion({
      name: 'install-airflow-fab',
      command: '/bin/bash',
      args: [path.join(ENV_DIR, 'install-airflow-fab.sh')],
      env: { ...process.env, AIRFLOW3_VERSION: AIRFLOW_VERSION, AIRFLOW_FAB_VERSION: FAB_VERSION },
      logFile,
      timeoutMs: 600_000,
    });
    return venv;
  });
}

/**
 * The Airflow 3 template DB plus FAB's tables and users, cached under `<cache>/templates/`: `airflow fab-db migrate`,
 * `airflow users create` for each user (FAB creates its roles on the first), and the inactive user switched off.
 */
async function ensureFabTemplateDb(venv: string): Promise<string> {
  const key = `airflow3-${AIRFLOW_VERSION}-fab-${FAB_VERSION}-v1`;
  const dir = path.join(peersCacheDir(), 'templates', key);
  const db = path.join(dir, 'airflow.db');
  if (fs.existsSync(db)) return db;
  const baseVenv = await ensureAirflowInstalled(3, { version: AIRFLOW_VERSION });
  const baseDb = await ensureTemplateDb(3, AIRFLOW_VERSION, baseVenv, log);
  return once(`template-${key}`, async () => {
    const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 7)}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(path.join(tmp, 'dags'), { recursive: true });
    fs.copyFileSync(baseDb, path.join(tmp, 'airflow.db'));
    const env: Record<string, string> = {
      PATH: `${path.join(venv, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: process.env.HOME ?? '/tmp',
      PYTHONWARNINGS: 'ignore',
      AIRFLOW_HOME: tmp,
      AIRFLOW__CORE__DAGS_FOLDER: path.join(tmp, 'dags'),
      AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
      AIRFLOW__CORE__AUTH_MANAGER: FAB_AUTH_MANAGER,
      AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: `sqlite:///${path.join(tmp, 'airflow.db')}`,
    };
    const airflow = path.join(venv, 'bin', 'airflow');
    const logFile = path.join(tmp, 'template.log');
    const run = (name: string, command: string, args: string[]): Promise<void> =>
      runToCompletion({ name, command, args, env, logFile, timeoutMs: 180_000 });
    try {
      await run('airflow fab-db migrate', airflow, ['fab-db', 'migrate']);
      for (const [role, u] of [
        ['Admin', USERS.admin],
        ['Viewer', USERS.viewer],
        ['Viewer', INACTIVE],
      ] as const) {
        await run(`airflow users create ${u.username}`, airflow, usersCreateArgs(role, u));
      }
      // `airflow users` has no switch for it: an admin deactivates a user in FAB's user list, which sets this column.
      const deactivate = `import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("update ab_user set active=0 where username=?", (sys.argv[2],)); c.commit()`;
      await run('deactivate user', path.join(venv, 'bin', 'python'), ['-c', deactivate, path.join(tmp, 'airflow.db'), INACTIVE.username]);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(tmp, dir);
    } catch (e) {
      throw new Error(`building the Airflow 3 + FAB template DB failed (kept ${tmp}): ${(e as Error).message}`);
    }
    return db;
  });
}

/** Installs what is missing (venv overlay, template DB); used by ensure-peers.sh so test runs only start processes. */
export async function prepareAirflowFab(): Promise<void> {
  await ensureFabTemplateDb(await ensureFabInstalled());
}

/** Starts the FAB-authenticated Airflow 3 on a free loopback port; bounded by `timeoutMs` once installed. */
export async function startAirflowFab(opts: { timeoutMs?: number } = {}): Promise<AirflowPeer & { fabInfo(): FabAirflowPeerInfo }> {
  const venv = await ensureFabInstalled();
  const templateDb = await ensureFabTemplateDb(venv);
  const peer = await startAirflow(3, {
    version: AIRFLOW_VERSION,
    venv,
    templateDb,
    users: USERS,
    timeoutMs: opts.timeoutMs ?? 180_000,
    // No triggerer: no fixture DAG defers, and it is one process fewer to start on a shared machine.
    triggerer: false,
    env: { AIRFLOW__CORE__AUTH_MANAGER: FAB_AUTH_MANAGER },
    log,
  });
  return { ...peer, fabInfo: () => ({ ...peer.info(), fabVersion: FAB_VERSION, inactiveUser: { ...INACTIVE } }) };
}
