import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import packageJson from '../../package.json';
import { createEngine } from '../engine/create-engine';
import { parseServeArgs, SERVE_USAGE, UsageError } from './serve-args';
import { defaultDataDir } from '../platform/data-dir';
import { secureDataDir, type PermissionRepair } from '../platform/data-dir-permissions';
import { startServer } from '../server/server';

/** `npm run serve`: the engine and the built UI on a loopback port, behind a one-time token. */
async function main(): Promise<number> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${SERVE_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${SERVE_USAGE}\n`);
    return 0;
  }
  const staticDir = resolve(args.staticDir ?? join(process.cwd(), 'out', 'renderer'));
  if (!existsSync(join(staticDir, 'index.html'))) {
    process.stderr.write(`No built UI at ${staticDir}. Run \`npx electron-vite build\` first (npm run serve does).\n`);
    return 1;
  }
  const dataDir = resolve(args.dataDir ?? defaultDataDir());

  const log = (message: string): void => {
    process.stderr.write(`[engine] ${message}\n`);
  };
  const logRepairs = (repairs: PermissionRepair[]): void => {
    for (const r of repairs) log(`${r.path} was readable by others (mode ${r.from.toString(8)}); now ${r.to.toString(8)}.`);
  };
  // 0700 directory, 0600 files: checked before the engine opens anything, and again for the files it created.
  logRepairs(secureDataDir(dataDir));
  const engine = await createEngine({ dataDir, mode: 'served', version: packageJson.version, demo: args.demo, log });
  logRepairs(secureDataDir(dataDir));
  let server;
  try {
    server = await startServer({ engine, port: args.port, staticDir, log });
  } catch (error) {
    await engine.close();
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `Port ${args.port} is already in use; pick another with --port.\n`
        : `Could not start the server (${code ?? 'unknown error'}).\n`,
    );
    return 1;
  }
  process.stdout.write(
    `ORC AI Desk ${packageJson.version} (served mode)\n` +
      `  Open:  ${server.url}\n` +
      `  (the link carries a one-time token for this launch; keep it to yourself)\n` +
      `  Data:  ${dataDir}\n` +
      `Press Ctrl+C to stop.\n`,
  );

  const running = server;
  await new Promise<void>((resolveStop) => {
    const stop = (): void => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('Stopping…\n');
  await running.close();
  await engine.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`serve failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
