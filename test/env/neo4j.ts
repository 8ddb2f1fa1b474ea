/**
 * Starts an embedded Neo4j 5.26 (community) for integration tests, via the tiny Maven launcher in
 * `test/env/neo4j/`. Bolt only, on 127.0.0.1:<free port>, auth enabled (user neo4j).
 *
 *   const n = await startNeo4j();
 *   const driver = neo4j.driver(n.boltUrl, neo4j.auth.basic(n.user, n.password));
 *   ...
 *   await n.stop();
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
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
  tailFile,
} from './proc';

export const NEO4J_PROJECT_DIR = path.join(ENV_DIR, 'neo4j');

/** JSON-serialisable connection facts about a running Neo4j. */
export interface Neo4jPeerInfo {
  /** e.g. `bolt://127.0.0.1:40125` */
  boltUrl: string;
  user: string;
  password: string;
  /** Neo4j version (from the launcher's pom). */
  version: string;
  /** Data directory of this run. */
  home: string;
  logs: Record<string, string>;
}

export interface Neo4jPeer extends Neo4jPeerInfo {
  /** Closes the launcher's stdin / SIGTERM (clean shutdown), SIGKILL after a few seconds. Idempotent. */
  stop(): Promise<void>;
  info(): Neo4jPeerInfo;
}

export interface StartNeo4jOptions {
  /** Password for user neo4j (default: random). */
  password?: string;
  /** Startup timeout (after the build), default 120 000 ms. */
  timeoutMs?: number;
  /** Java heap, default `768m`. */
  heap?: string;
  log?: (msg: string) => void;
}

function neo4jVersion(): string {
  const pom = fs.readFileSync(path.join(NEO4J_PROJECT_DIR, 'pom.xml'), 'utf8');
  return /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1] ?? 'unknown';
}

function launcherSources(): string[] {
  const out: string[] = [path.join(NEO4J_PROJECT_DIR, 'pom.xml')];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.java')) out.push(p);
    }
  };
  walk(path.join(NEO4J_PROJECT_DIR, 'src'));
  return out.sort();
}

/** Classpath dir for the built launcher: `<cache>/neo4j-launcher-<hash of pom+sources>/`. */
function buildDir(): string {
  const h = crypto.createHash('sha256');
  for (const f of launcherSources()) h.update(path.relative(NEO4J_PROJECT_DIR, f)).update(fs.readFileSync(f));
  return path.join(peersCacheDir(), `neo4j-launcher-${h.digest('hex').slice(0, 12)}`);
}

/**
 * Builds the launcher once (cached by a hash of pom.xml + sources): `mvn -q -B package` in a copy of
 * test/env/neo4j under the cache, so the repo tree stays clean. Returns the classpath string.
 */
export async function ensureNeo4jLauncher(opts: { timeoutMs?: number; logFile?: string } = {}): Promise<string> {
  const dir = buildDir();
  const classpath = `${path.join(dir, 'target', 'classes')}:${path.join(dir, 'target', 'lib', '*')}`;
  if (fs.existsSync(path.join(dir, '.built'))) return classpath;
  return once(`neo4j-launcher-${dir}`, async () => {
    const logFile = opts.logFile ?? path.join(peersCacheDir(), 'build-neo4j-launcher.log');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.cpSync(path.join(NEO4J_PROJECT_DIR, 'pom.xml'), path.join(dir, 'pom.xml'));
    fs.cpSync(path.join(NEO4J_PROJECT_DIR, 'src'), path.join(dir, 'src'), { recursive: true });
    await runToCompletion({
      name: 'mvn package (neo4j launcher)',
      command: 'mvn',
      args: ['-q', '-B', 'package'],
      env: { ...process.env },
      cwd: dir,
      logFile,
      timeoutMs: opts.timeoutMs ?? 900_000,
    });
    fs.writeFileSync(path.join(dir, '.built'), new Date().toISOString());
    // Drop builds of older launcher versions that nobody has touched for a day.
    for (const e of fs.readdirSync(peersCacheDir())) {
      const p = path.join(peersCacheDir(), e);
      if (e.startsWith('neo4j-launcher-') && p !== dir && fs.statSync(p).mtimeMs < Date.now() - 24 * 3600 * 1000) {
        fs.rmSync(p, { recursive: true, force: true });
      }
    }
    return classpath;
  });
}

async function boltAccepts(port: number): Promise<boolean> {
  // Bolt handshake: magic 0x6060B017 + 4 proposed versions; a Bolt server answers with 4 bytes.
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(3000, () => done(false));
    sock.on('error', () => done(false));
    sock.on('connect', () => {
      const hs = Buffer.alloc(20);
      hs.writeUInt32BE(0x6060b017, 0);
      hs.writeUInt32BE(0x00000305, 4); // 5.x (range byte 3 -> 5.0..5.3 are accepted)
      hs.writeUInt32BE(0x00000004, 8); // 4.0
      sock.write(hs);
    });
    sock.on('data', (d) => done(d.length >= 4 && d.readUInt32BE(0) !== 0));
  });
}

export async function startNeo4j(opts: StartNeo4jOptions = {}): Promise<Neo4jPeer> {
  const log = opts.log ?? ((m: string) => process.env.ORC_PEERS_VERBOSE === '1' && console.log(`[neo4j] ${m}`));
  const t0 = Date.now();
  const classpath = await ensureNeo4jLauncher();
  log(`launcher ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const runDir = makeRunDir('neo4j');
  const dataDir = path.join(runDir, 'data');
  const logFile = path.join(runDir, 'neo4j.log');
  const port = await freePort();
  const password = opts.password ?? `orc-${crypto.randomBytes(9).toString('base64url')}`;
  const boltUrl = `bolt://127.0.0.1:${port}`;
  const javaHome = process.env.JAVA_HOME;
  const java = javaHome ? path.join(javaHome, 'bin', 'java') : 'java';

  const proc: ManagedProcess = spawnManaged({
    name: 'neo4j',
    command: java,
    args: [
      `-Xmx${opts.heap ?? '768m'}`,
      '-Xss2m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      '-Dfile.encoding=UTF-8',
      '-cp',
      classpath,
      'orc.peers.Neo4jLauncher',
      String(port),
      password,
      dataDir,
    ],
    env: { ...process.env },
    cwd: runDir,
    logFile,
    stdin: 'pipe', // the launcher shuts down when its stdin closes (also when this process dies)
  });
  const dismissWatchdog = startWatchdog([proc.pid]);
  let stopped = false;
  const shutdown = async (keepRunDir: boolean): Promise<void> => {
    if (stopped) return;
    stopped = true;
    proc.child.stdin?.end();
    const res = await Promise.race([proc.exited, sleep(8000).then(() => 'timeout' as const)]);
    if (res === 'timeout') await proc.stop(4000);
    else await proc.stop(1000);
    dismissWatchdog();
    if (!keepRunDir) fs.rmSync(runDir, { recursive: true, force: true });
  };
  const stop = (): Promise<void> => shutdown(process.env.ORC_PEERS_KEEP_RUNS === '1');
  const logs = { neo4j: logFile };

  try {
    const timeoutMs = opts.timeoutMs ?? 120_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (proc.hasExited()) throw new Error('the Neo4j launcher exited during startup');
      if (/^READY /m.test(tailFile(logFile, 400)) && (await boltAccepts(port))) break;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for READY and a Bolt handshake on ${boltUrl}`);
      await sleep(500);
    }
    log(`ready on ${boltUrl} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const info: Neo4jPeerInfo = { boltUrl, user: 'neo4j', password, version: neo4jVersion(), home: dataDir, logs };
    return { ...info, info: () => ({ ...info, logs: { ...logs } }), stop };
  } catch (e) {
    const tails = formatLogTails(logs, 60);
    await shutdown(true).catch(() => undefined);
    const msg = `Neo4j failed to start: ${(e as Error).message}\nrun dir (kept): ${runDir}\n${tails}`;
    console.error(msg);
    throw new Error(msg);
  }
}
