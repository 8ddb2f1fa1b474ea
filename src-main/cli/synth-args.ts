import { DEMO_DEFAULTS, LIMITS } from '../services/synth/synth-options';

export interface CliArgs {
  readonly dags: number;
  readonly days: number;
  readonly seed: number;
  readonly out: string;
  /** ISO instant; null means the start of the current UTC hour. */
  readonly asOf: string | null;
  readonly envId: string;
}

export const USAGE = `Usage: npm run synth -- --out FILE [--dags N] [--days D] [--seed S] [--as-of ISO] [--env-id ID]

  --out FILE     SQLite cache file to create (an existing file is replaced; a directory is refused)
  --dags N       number of DAGs, 1-${LIMITS.maxDags} (default ${DEMO_DEFAULTS.dags})
  --days D       days of history, up to ${LIMITS.maxDays} (default ${DEMO_DEFAULTS.days})
  --seed S       whole number; the same seed and options give identical rows (default ${DEMO_DEFAULTS.seed})
  --as-of ISO    instant the history ends, e.g. 2026-11-21T10:00:00Z (default: start of the current UTC hour)
  --env-id ID    environment id (default demo)

Also writes FILE.labels.json with the ground truth of the injected incidents.`;

export class CliArgsError extends Error {}

function wholeNumber(flag: string, text: string): number {
  if (!/^-?\d+$/.test(text)) throw new CliArgsError(`${flag} needs a whole number, got "${text}"`);
  return Number(text);
}

/** Parses `--flag value` pairs; throws CliArgsError saying what to write instead. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const values = new Map<string, string>();
  const known = new Set(['--dags', '--days', '--seed', '--out', '--as-of', '--env-id']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!known.has(flag)) throw new CliArgsError(`unknown argument "${arg}"`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new CliArgsError(`${flag} needs a value`);
    values.set(flag, value);
  }
  const out = values.get('--out');
  if (!out) throw new CliArgsError('--out FILE is required (where to write the SQLite cache)');
  const days = Number(values.get('--days') ?? DEMO_DEFAULTS.days);
  if (!Number.isFinite(days)) throw new CliArgsError(`--days needs a number, got "${values.get('--days') ?? ''}"`);
  return {
    dags: values.has('--dags') ? wholeNumber('--dags', values.get('--dags') ?? '') : DEMO_DEFAULTS.dags,
    days,
    seed: values.has('--seed') ? wholeNumber('--seed', values.get('--seed') ?? '') : DEMO_DEFAULTS.seed,
    out,
    asOf: values.get('--as-of') ?? null,
    envId: values.get('--env-id') ?? 'demo',
  };
}
