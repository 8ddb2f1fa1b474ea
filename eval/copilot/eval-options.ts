import { DEMO_SEED } from '../../src-main/services/demo/demo-environment';

/** What to answer the questions with: (a) the brief alone, (b) random tool choices, (c) the model. */
export const MODES = ['brief', 'random', 'model'] as const;
export type Mode = (typeof MODES)[number];

export interface CopilotEvalOptions {
  /** The Demo's seed (the ranking rules and prompts were written against it) and other fixed ones. */
  readonly fixedSeeds: readonly number[];
  /** Drawn fresh each run, printed so a run can be repeated. */
  readonly freshSeeds: readonly number[];
  readonly modes: readonly Mode[];
  /** At most this many wordings of each intent (3 asks all). */
  readonly wordings: number;
  /** At most this many wordings of each intent for the modes that need the model. */
  readonly modelWordings: number;
  /** At most this many questions per seed for the modes that need the model. */
  readonly modelQuestions: number;
  /** At most this many questions per seed. */
  readonly questions: number;
  /** Modes that need the model run on the seeds of this many first (fixed first); the brief runs on all. */
  readonly modelSeeds: number;
  readonly maxSteps: number;
}

const FIXED = [DEMO_SEED, 101];

function arg(argv: readonly string[], name: string): string | null {
  const given = argv.find((a) => a.startsWith(`--${name}=`));
  return given === undefined ? null : given.slice(name.length + 3);
}

const numbers = (text: string): number[] =>
  text
    .split(',')
    .filter((x) => x !== '')
    .map(Number)
    .filter(Number.isInteger);

/**
 * npm run eval:copilot -- [--seeds=20261122,101] [--fresh-seeds=a,b | --fresh=2] [--modes=brief,random,model]
 *   [--wordings=3] [--model-wordings=3] [--questions=1000] [--model-questions=1000] [--model-seeds=1] [--max-steps=4]
 */
export function parseOptions(argv: readonly string[], draw: () => number = () => Math.floor(Math.random() * 2 ** 31)): CopilotEvalOptions {
  const freshGiven = arg(argv, 'fresh-seeds');
  const freshCount = Number(arg(argv, 'fresh') ?? '2');
  const modes = (arg(argv, 'modes') ?? MODES.join(',')).split(',').filter((m): m is Mode => (MODES as readonly string[]).includes(m));
  return {
    fixedSeeds: numbers(arg(argv, 'seeds') ?? FIXED.join(',')),
    freshSeeds: freshGiven !== null ? numbers(freshGiven) : Array.from({ length: freshCount }, draw),
    modes: modes.length > 0 ? modes : [...MODES],
    wordings: Math.max(1, Math.min(3, Number(arg(argv, 'wordings') ?? '3'))),
    modelWordings: Math.max(1, Math.min(3, Number(arg(argv, 'model-wordings') ?? '3'))),
    modelQuestions: Number(arg(argv, 'model-questions') ?? '1000'),
    questions: Number(arg(argv, 'questions') ?? '1000'),
    modelSeeds: Number(arg(argv, 'model-seeds') ?? '1'),
    maxSteps: Number(arg(argv, 'max-steps') ?? '4'),
  };
}
