import { DAY, parseInstant } from './instants';

export interface SynthOptions {
  readonly envId: string;
  readonly envName?: string;
  readonly dags: number;
  readonly days: number;
  readonly seed: number;
  /** The instant the history ends ("now" of the demo), ISO 8601 UTC. */
  readonly asOf: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Size of the built-in Demo environment. */
export const DEMO_DEFAULTS = { dags: 25, days: 90, seed: 42 } as const;

export const LIMITS = { maxDags: 5_000, maxDays: 3_650 } as const;

export interface ResolvedWindow {
  readonly start: number;
  readonly end: number;
}

/** Checks the options; throws a RangeError that says what to pass instead. */
export function resolveWindow(options: SynthOptions): ResolvedWindow {
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(options.envId)) {
    throw new RangeError(`envId "${options.envId}" must be lowercase letters, digits, "-" or "_" (at most 64)`);
  }
  if (!Number.isInteger(options.dags) || options.dags < 1 || options.dags > LIMITS.maxDags) {
    throw new RangeError(`dags must be a whole number from 1 to ${LIMITS.maxDags} (got ${options.dags})`);
  }
  if (!Number.isFinite(options.days) || options.days <= 0 || options.days > LIMITS.maxDays) {
    throw new RangeError(`days must be more than 0 and at most ${LIMITS.maxDays} (got ${options.days})`);
  }
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be a whole number (got ${options.seed})`);
  const end = parseInstant(options.asOf);
  return { start: end - Math.round(options.days * DAY), end };
}
