export interface ServeArgs {
  port: number;
  dataDir: string | null;
  staticDir: string | null;
  demo: boolean;
  help: boolean;
}

export const SERVE_USAGE = `Usage: npm run serve -- [--port N] [--data-dir DIR] [--static-dir DIR] [--no-demo]

  --port N          loopback port to listen on (default 0: pick a free one)
  --data-dir DIR    where the cache and settings live (default: the per-user app data folder)
  --static-dir DIR  the built renderer (default: out/renderer)
  --no-demo         do not build the demo environment
  --help            show this text`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function parsePort(raw: string): number {
  if (!/^\d{1,5}$/.test(raw)) throw new UsageError(`--port expects a number from 0 to 65535, got "${raw}".`);
  const port = Number(raw);
  if (port > 65535) throw new UsageError(`--port expects a number from 0 to 65535, got "${raw}".`);
  return port;
}

/** Parses `--flag value` and `--flag=value`; throws UsageError with a readable message. */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const args: ServeArgs = { port: 0, dataDir: null, staticDir: null, demo: true, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
      i += 1;
      return next;
    };
    switch (flag) {
      case '--port':
        args.port = parsePort(value());
        break;
      case '--data-dir':
        args.dataDir = value();
        break;
      case '--static-dir':
        args.staticDir = value();
        break;
      case '--no-demo':
        args.demo = false;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new UsageError(`Unknown argument "${arg}".`);
    }
  }
  if (args.dataDir === '') throw new UsageError('--data-dir must not be empty.');
  if (args.staticDir === '') throw new UsageError('--static-dir must not be empty.');
  return args;
}
