/**
 * Starts a real, local Apache Airflow (3.x or 2.x) for integration tests.
 *
 *   const af = await startAirflow(3);   // or startAirflow(2)
 *   ...  fetch(`${af.baseUrl}/api/v2/dags`, ...)
 *   await af.stop();
 *
 * - The venv comes from `test/env/install-airflow.sh <major>` (cached under $ORC_PEERS_CACHE).
 * - Each start gets a fresh AIRFLOW_HOME (a run dir under `<cache>/runs/`, or $ORC_PEERS_RUN_DIR) with a
 *   SQLite metadata DB copied from a cached, already migrated template (users included for Airflow 2).
 * - Everything listens on 127.0.0.1 on free ports; log serving is skipped (logs are read from disk).
 * - Airflow 3: SimpleAuthManager with admin/admin (admin) and viewer/viewer (viewer); LocalExecutor;
 *   api-server (1 worker), scheduler, dag-processor, triggerer as separate process groups.
 * - Airflow 2: FAB basic-auth API; webserver (1 worker) + scheduler (SequentialExecutor, SQLite);
 *   users admin/admin (Admin) and viewer/viewer (Viewer).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_DAGS_FOLDER, FIXTURE_DAG_IDS } from './fixtures';
import {
  ENV_DIR,
  type ManagedProcess,
  formatLogTails,
  freePort,
  makeRunDir,
  once,
  peersCacheDir,
  runToCompletion,
  sleep,
  spawnManaged,
  startWatchdog,
  waitFor,
} from './proc';

export type AirflowMajor = 3 | 2;

export interface PeerUser {
  username: string;
  password: string;
}

export interface AirflowUsers {
  /** Full rights (Airflow 3 role `admin`, Airflow 2 role `Admin`). */
  admin: PeerUser;
  /** Read-only (Airflow 3 role `viewer`, Airflow 2 role `Viewer`). */
  viewer: PeerUser;
}

/** JSON-serialisable connection facts about a running Airflow. */
export interface AirflowPeerInfo {
  major: AirflowMajor;
  /** e.g. `http://127.0.0.1:40123` (no trailing slash; the REST API is `${baseUrl}/api/${apiVersion}`). */
  baseUrl: string;
  apiVersion: 'v2' | 'v1';
  /** Airflow version reported by the server, e.g. `3.3.2`. */
  version: string;
  users: AirflowUsers;
  /** AIRFLOW_HOME of this run. */
  home: string;
  /** The DAG folder the peer parses. */
  dagsFolder: string;
  /** Process name -> log file. */
  logs: Record<string, string>;
  /** Python venv with this Airflow (run `${venv}/bin/airflow` with `env` to use its CLI). */
  venv: string;
  /** Environment (AIRFLOW_HOME, AIRFLOW__*) to run CLI commands such as `airflow dags test` against this peer. */
  env: Record<string, string>;
}

export interface AirflowPeer extends AirflowPeerInfo {
  /** Stops every process (SIGTERM to each process group, SIGKILL after a few seconds). Idempotent. */
  stop(): Promise<void>;
  /** The JSON-serialisable part (for Vitest `provide`). */
  info(): AirflowPeerInfo;
}

export interface StartAirflowOptions {
  /** DAG folder; default `test/fixtures/dags/`. */
  dagsFolder?: string;
  /** DAG ids that must be visible through the REST API before start resolves. Default: the fixture
   * DAG ids when `dagsFolder` is the fixture folder, else none. */
  waitForDagIds?: readonly string[];
  /** Overall startup timeout (after the install), default 240 000 ms. */
  timeoutMs?: number;
  /** Timeout for a missing install (pip), default 1 200 000 ms. */
  installTimeoutMs?: number;
  /** Airflow version to install/use; default from install-airflow.sh (3.3.2 / 2.11.0). */
  version?: string;
  /** Start the Airflow 3 triggerer (default true). Ignored for Airflow 2 (never started). */
  triggerer?: boolean;
  /** Extra environment (e.g. AIRFLOW__CORE__...); applied last. */
  env?: Record<string, string>;
  /** A venv prepared elsewhere (e.g. Airflow 3 with the FAB provider, `airflow-fab.ts`) instead of the cached one. */
  venv?: string;
  /** A migrated metadata DB prepared elsewhere (with its users) instead of the cached template. */
  templateDb?: string;
  /** The users that template holds (default admin/admin and viewer/viewer). */
  users?: AirflowUsers;
  /** Progress messages (default: console.log with a prefix when ORC_PEERS_VERBOSE=1). */
  log?: (msg: string) => void;
}

const DEFAULT_VERSION: Record<AirflowMajor, string> = { 3: '3.3.2', 2: '2.11.0' };
/** Test-only Fernet key (fixed so that cached template DBs stay readable). */
const FERNET_KEY = 'b3JjLWFpLWRlc2stdGVzdC1mZXJuZXQta2V5LTMyYjo='; // base64url("orc-ai-desk-test-fernet-key-32b:")
const USERS: AirflowUsers = {
  admin: { username: 'admin', password: 'admin' },
  viewer: { username: 'viewer', password: 'viewer' },
};

/** `airflow users create` arguments for a test user (FAB: Airflow 2, and Airflow 3 with the FAB auth manager). */
export function usersCreateArgs(role: string, u: PeerUser): string[] {
  return [
    'users',
    'create',
    '--role',
    role,
    '--username',
    u.username,
    '--password',
    u.password,
    '--firstname',
    u.username,
    '--lastname',
    'orc',
    '--email',
    `${u.username}@orc.invalid`,
  ];
}

function defaultLog(prefix: string): (msg: string) => void {
  return (msg) => {
    if (process.env.ORC_PEERS_VERBOSE === '1') console.log(`[${prefix}] ${msg}`);
  };
}

function versionFor(major: AirflowMajor, opts?: StartAirflowOptions): string {
  return opts?.version ?? (major === 3 ? process.env.AIRFLOW3_VERSION : process.env.AIRFLOW2_VERSION) ?? DEFAULT_VERSION[major];
}

/** Makes sure the Airflow venv exists (runs install-airflow.sh, which is a no-op when cached). */
export async function ensureAirflowInstalled(
  major: AirflowMajor,
  opts?: { version?: string; timeoutMs?: number; logFile?: string },
): Promise<string> {
  const version = versionFor(major, opts);
  const venv = path.join(peersCacheDir(), `airflow${major}-${version}`);
  if (fs.existsSync(path.join(venv, '.installed'))) return venv;
  return once(`install-airflow-${major}-${version}`, async () => {
    const logFile = opts?.logFile ?? path.join(peersCacheDir(), `install-airflow${major}-${version}.log`);
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    await runToCompletion({
      name: `install-airflow${major}`,
      command: '/bin/bash',
      args: [path.join(ENV_DIR, 'install-airflow.sh'), String(major)],
      env: {
        ...process.env,
        ...(major === 3 ? { AIRFLOW3_VERSION: version } : { AIRFLOW2_VERSION: version }),
      },
      logFile,
      timeoutMs: opts?.timeoutMs ?? 1_200_000,
    });
    if (!fs.existsSync(path.join(venv, '.installed'))) {
      throw new Error(`install-airflow.sh ${major} finished but ${venv}/.installed is missing (log: ${logFile})`);
    }
    return venv;
  });
}

/** Base environment: the parent's env minus any AIRFLOW* settings, plus the venv on PATH. */
function baseEnv(venv: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (k.startsWith('AIRFLOW') || k === 'PYTHONPATH' || k === 'VIRTUAL_ENV') continue;
    env[k] = v;
  }
  env.PATH = `${path.join(venv, 'bin')}:${env.PATH ?? '/usr/bin:/bin'}`;
  env.VIRTUAL_ENV = venv;
  env.PYTHONUNBUFFERED = '1';
  env.PYTHONDONTWRITEBYTECODE = '1';
  env.PYTHONWARNINGS = 'ignore';
  return env;
}

/** AIRFLOW_* settings shared by the template build and the running peer. */
function airflowConfig(major: AirflowMajor, home: string, dagsFolder: string): Record<string, string> {
  const common: Record<string, string> = {
    AIRFLOW_HOME: home,
    AIRFLOW__CORE__DAGS_FOLDER: dagsFolder,
    AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
    AIRFLOW__CORE__FERNET_KEY: FERNET_KEY,
    AIRFLOW__CORE__PARALLELISM: '4',
    AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG: '4',
    AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION: 'False',
    AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: `sqlite:///${path.join(home, 'airflow.db')}`,
    AIRFLOW__LOGGING__BASE_LOG_FOLDER: path.join(home, 'logs'),
    AIRFLOW__LOGGING__LOGGING_LEVEL: 'INFO',
    AIRFLOW__SCHEDULER__CATCHUP_BY_DEFAULT: 'False',
  };
  if (major === 3) {
    return {
      ...common,
      AIRFLOW__CORE__EXECUTOR: 'LocalExecutor',
      AIRFLOW__CORE__AUTH_MANAGER: 'airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager',
      AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS: 'admin:admin,viewer:viewer',
      AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE: path.join(home, 'simple_auth_manager_passwords.json'),
      AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS: 'False',
      AIRFLOW__API__WORKERS: '1',
      AIRFLOW__API__HOST: '127.0.0.1',
      AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL: '5',
      AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES: '1',
      AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL: '30',
      AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK: 'False',
    };
  }
  return {
    ...common,
    AIRFLOW__CORE__EXECUTOR: 'SequentialExecutor',
    AIRFLOW__API__AUTH_BACKENDS:
      'airflow.providers.fab.auth_manager.api.auth.backend.basic_auth,airflow.providers.fab.auth_manager.api.auth.backend.session',
    AIRFLOW__WEBSERVER__WORKERS: '1',
    AIRFLOW__WEBSERVER__WEB_SERVER_HOST: '127.0.0.1',
    AIRFLOW__WEBSERVER__WORKER_REFRESH_INTERVAL: '0',
    AIRFLOW__WEBSERVER__RELOAD_ON_PLUGIN_CHANGE: 'False',
    AIRFLOW__WEBSERVER__WARN_DEPLOYMENT_EXPOSURE: 'False',
    AIRFLOW__SCHEDULER__DAG_DIR_LIST_INTERVAL: '5',
    AIRFLOW__SCHEDULER__PARSING_PROCESSES: '1',
    AIRFLOW__SCHEDULER__MIN_FILE_PROCESS_INTERVAL: '30',
    AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK: 'False',
    AIRFLOW__METRICS__TIMER_UNIT_CONSISTENCY: 'True',
  };
}

/**
 * A migrated SQLite metadata DB for this Airflow version (Airflow 2: with the admin and viewer users),
 * built once and cached under `<cache>/templates/`. Fresh homes start from a copy of it, which saves
 * the 20-60 s of `airflow db migrate` per start.
 */
export async function ensureTemplateDb(major: AirflowMajor, version: string, venv: string, log: (m: string) => void): Promise<string> {
  const key = `airflow${major}-${version}-v1`;
  const dir = path.join(peersCacheDir(), 'templates', key);
  const db = path.join(dir, 'airflow.db');
  if (fs.existsSync(db)) return db;
  return once(`template-${key}`, async () => {
    const started = Date.now();
    log(`building template metadata DB ${db}`);
    // Drop leftovers of failed builds older than an hour.
    for (const e of fs.existsSync(path.dirname(dir)) ? fs.readdirSync(path.dirname(dir)) : []) {
      const p = path.join(path.dirname(dir), e);
      if (e.startsWith(`${key}.tmp-`) && fs.statSync(p).mtimeMs < Date.now() - 3600_000) fs.rmSync(p, { recursive: true, force: true });
    }
    const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 7)}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    const emptyDags = path.join(tmp, 'dags');
    fs.mkdirSync(emptyDags);
    const env = { ...baseEnv(venv), ...airflowConfig(major, tmp, emptyDags) };
    const airflow = path.join(venv, 'bin', 'airflow');
    const logFile = path.join(tmp, 'template.log');
    try {
      await runToCompletion({ name: 'airflow db migrate', command: airflow, args: ['db', 'migrate'], env, logFile, timeoutMs: 300_000 });
      if (major === 2) {
        // Roles other than Admin only exist after a permission sync (normally done by the webserver).
        await runToCompletion({ name: 'airflow sync-perm', command: airflow, args: ['sync-perm'], env, logFile, timeoutMs: 180_000 });
        for (const [role, u] of [
          ['Admin', USERS.admin],
          ['Viewer', USERS.viewer],
        ] as const) {
          await runToCompletion({
            name: `airflow users create ${u.username}`,
            command: airflow,
            args: usersCreateArgs(role, u),
            env,
            logFile,
            timeoutMs: 180_000,
          });
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      fs.renameSync(tmp, dir);
    } catch (e) {
      throw new Error(`building the Airflow ${major} template DB failed (kept ${tmp}): ${(e as Error).message}`);
    }
    log(`template DB ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return db;
  });
}

interface HealthBody {
  [component: string]: { status?: string | null } | undefined;
}

async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { headers: { Accept: 'application/json', ...headers }, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* keep text */
  }
  return { status: res.status, body };
}

function basicAuth(u: PeerUser): string {
  return `Basic ${Buffer.from(`${u.username}:${u.password}`).toString('base64')}`;
}

async function airflow3Token(baseUrl: string, u: PeerUser): Promise<string> {
  const res = await fetch(`${baseUrl}/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: u.username, password: u.password }),
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`POST /auth/token -> ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error('POST /auth/token: no access_token');
  return body.access_token;
}

/** Removes run dirs older than a day (left behind by killed test runs). */
function pruneOldRuns(): void {
  const base = process.env.ORC_PEERS_RUN_DIR ?? path.join(peersCacheDir(), 'runs');
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(base);
  } catch {
    return;
  }
  const cutoff = Date.now() - 24 * 3600 * 1000;
  for (const e of entries) {
    const p = path.join(base, e);
    try {
      if (fs.statSync(p).mtimeMs < cutoff) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      /* ignore */
    }
  }
}

export async function startAirflow(major: AirflowMajor, opts: StartAirflowOptions = {}): Promise<AirflowPeer> {
  const log = opts.log ?? defaultLog(`airflow${major}`);
  const version = versionFor(major, opts);
  const t0 = Date.now();
  const venv = opts.venv ?? (await ensureAirflowInstalled(major, { version, timeoutMs: opts.installTimeoutMs }));
  log(`venv ${venv} ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const templateDb = opts.templateDb ?? (await ensureTemplateDb(major, version, venv, log));
  const users = opts.users ?? USERS;

  pruneOldRuns();
  const dagsFolder = path.resolve(opts.dagsFolder ?? FIXTURE_DAGS_FOLDER);
  const waitForDagIds = opts.waitForDagIds ?? (dagsFolder === path.resolve(FIXTURE_DAGS_FOLDER) ? FIXTURE_DAG_IDS : []);
  const runDir = makeRunDir(`airflow${major}`);
  const home = path.join(runDir, 'home');
  const logDir = path.join(runDir, 'logs');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(logDir, { recursive: true });
  fs.copyFileSync(templateDb, path.join(home, 'airflow.db'));

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...airflowConfig(major, home, dagsFolder),
  };
  if (major === 3) {
    fs.writeFileSync(
      env.AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE as string,
      JSON.stringify({ [users.admin.username]: users.admin.password, [users.viewer.username]: users.viewer.password }),
    );
    Object.assign(env, {
      AIRFLOW__API__PORT: String(port),
      AIRFLOW__API__BASE_URL: baseUrl,
      AIRFLOW__CORE__EXECUTION_API_SERVER_URL: `${baseUrl}/execution/`,
      AIRFLOW__API_AUTH__JWT_SECRET: crypto.randomBytes(32).toString('hex'),
      AIRFLOW__API__SECRET_KEY: crypto.randomBytes(16).toString('hex'),
    });
  } else {
    Object.assign(env, {
      AIRFLOW__WEBSERVER__WEB_SERVER_PORT: String(port),
      AIRFLOW__WEBSERVER__BASE_URL: baseUrl,
      AIRFLOW__WEBSERVER__SECRET_KEY: crypto.randomBytes(16).toString('hex'),
    });
  }
  Object.assign(env, opts.env ?? {});
  const fullEnv = { ...baseEnv(venv), ...env };
  const airflow = path.join(venv, 'bin', 'airflow');

  const commands: Array<[string, string[]]> =
    major === 3
      ? [
          ['api-server', ['api-server', '--host', '127.0.0.1', '--port', String(port), '--workers', '1']],
          ['scheduler', ['scheduler', '--skip-serve-logs']],
          ['dag-processor', ['dag-processor']],
          ...(opts.triggerer === false ? [] : ([['triggerer', ['triggerer', '--skip-serve-logs']]] as Array<[string, string[]]>)),
        ]
      : [
          ['webserver', ['webserver', '--hostname', '127.0.0.1', '--port', String(port), '--workers', '1']],
          ['scheduler', ['scheduler', '--skip-serve-logs']],
        ];

  const procs: ManagedProcess[] = [];
  const logs: Record<string, string> = {};
  let dismissWatchdog: (() => void) | undefined;
  let stopped = false;
  const shutdown = async (keepRunDir: boolean): Promise<void> => {
    if (stopped) return;
    stopped = true;
    // The triggerer takes ~10 s to honour SIGTERM and holds no state the tests need: kill it sooner.
    await Promise.all(procs.map((p) => p.stop(p.name === 'triggerer' ? 1500 : 6000)));
    dismissWatchdog?.();
    if (!keepRunDir) fs.rmSync(runDir, { recursive: true, force: true });
  };
  /** Set ORC_PEERS_KEEP_RUNS=1 to keep AIRFLOW_HOME and the logs after stop(). */
  const stop = (): Promise<void> => shutdown(process.env.ORC_PEERS_KEEP_RUNS === '1');

  try {
    for (const [name, args] of commands) {
      const logFile = path.join(logDir, `${name}.log`);
      logs[name] = logFile;
      procs.push(spawnManaged({ name, command: airflow, args, env: fullEnv, cwd: home, logFile }));
    }
    dismissWatchdog = startWatchdog(procs.map((p) => p.pid));
    const timeoutMs = opts.timeoutMs ?? 240_000;
    const deadline = Date.now() + timeoutMs;
    const abortIf = (): string | undefined => {
      const dead = procs.find((p) => p.hasExited());
      return dead ? `process "${dead.name}" exited during startup` : undefined;
    };

    // 1. health
    const required =
      major === 3
        ? ['metadatabase', 'scheduler', 'dag_processor', ...(opts.triggerer === false ? [] : ['triggerer'])]
        : ['metadatabase', 'scheduler'];
    const healthPath = major === 3 ? '/api/v2/monitor/health' : '/health';
    let lastHealth = '';
    await waitFor(
      `Airflow ${major} health (${required.join('+')} healthy at ${baseUrl}${healthPath})`,
      async () => {
        const { status, body } = await getJson(`${baseUrl}${healthPath}`);
        lastHealth = `${status} ${JSON.stringify(body)}`;
        if (status !== 200 || typeof body !== 'object' || body === null) return undefined;
        const h = body as HealthBody;
        return required.every((c) => h[c]?.status === 'healthy') ? true : undefined;
      },
      { timeoutMs: Math.max(1000, deadline - Date.now()), intervalMs: 1000, abortIf },
    ).catch((e: Error) => {
      throw new Error(`${e.message}; last health response: ${lastHealth || '<none>'}`);
    });
    log(`healthy after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // 2. version + auth sanity + fixture DAGs
    let authHeader: string;
    let versionBody: { version?: string };
    if (major === 3) {
      authHeader = `Bearer ${await airflow3Token(baseUrl, users.admin)}`;
      versionBody = (await getJson(`${baseUrl}/api/v2/version`, { Authorization: authHeader })).body as { version?: string };
    } else {
      authHeader = basicAuth(users.admin);
      const r = await getJson(`${baseUrl}/api/v1/version`, { Authorization: authHeader });
      if (r.status !== 200) throw new Error(`GET /api/v1/version with basic auth -> ${r.status} ${JSON.stringify(r.body)}`);
      versionBody = r.body as { version?: string };
    }
    const serverVersion = versionBody.version ?? version;

    if (waitForDagIds.length > 0) {
      const api = `${baseUrl}/api/${major === 3 ? 'v2' : 'v1'}`;
      let missing: string[] = [...waitForDagIds];
      await waitFor(
        `fixture DAGs to be parsed by Airflow ${major}`,
        async () => {
          const { status, body } = await getJson(`${api}/dags?limit=100`, { Authorization: authHeader });
          if (status !== 200) throw new Error(`GET ${api}/dags -> ${status} ${JSON.stringify(body)}`);
          const ids = new Set(((body as { dags?: Array<{ dag_id: string }> }).dags ?? []).map((d) => d.dag_id));
          missing = waitForDagIds.filter((id) => !ids.has(id));
          return missing.length === 0 ? true : undefined;
        },
        { timeoutMs: Math.max(1000, deadline - Date.now()), intervalMs: 1000, abortIf },
      ).catch((e: Error) => {
        throw new Error(`${e.message}; still missing: ${missing.join(', ')}`);
      });
      log(`fixture DAGs visible after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }

    const info: AirflowPeerInfo = {
      major,
      baseUrl,
      apiVersion: major === 3 ? 'v2' : 'v1',
      version: serverVersion,
      users: { admin: { ...users.admin }, viewer: { ...users.viewer } },
      home,
      dagsFolder,
      logs: { ...logs },
      venv,
      env,
    };
    return { ...info, info: () => ({ ...info, users: { admin: { ...users.admin }, viewer: { ...users.viewer } } }), stop };
  } catch (e) {
    const tails = formatLogTails(logs, 40);
    await shutdown(true).catch(() => undefined); // keep the run dir for post-mortem
    const msg = `Airflow ${major} (${version}) failed to start: ${(e as Error).message}\nrun dir (kept): ${runDir}\n${tails}`;
    console.error(msg);
    throw new Error(msg);
  }
}

// Small helpers the tests may reuse.
export const airflowAuth = { basicAuth, airflow3Token };
export { sleep };

/**
 * Installs the venv (if missing) and builds the cached template metadata DB (if missing); used by
 * `test/env/ensure-peers.sh` so that test runs only start processes. Returns the venv path.
 */
export async function prepareAirflow(major: AirflowMajor, opts: { version?: string } = {}): Promise<string> {
  const version = versionFor(major, opts);
  const log = (m: string): void => console.log(`[airflow${major}] ${m}`);
  const venv = await ensureAirflowInstalled(major, { version });
  await ensureTemplateDb(major, version, venv, log);
  return venv;
}
