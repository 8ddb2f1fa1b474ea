import type { Generation } from './recording-port';

/** One choice step that can tell a good chooser from a random one. */
export interface ScoredChoice {
  readonly offered: readonly string[];
  readonly chosen: string;
  readonly right: boolean;
  /** What a uniform random choice among the offered tools scores on average. */
  readonly randomExpected: number;
}

const toolNames = (offered: readonly string[]): string[] => offered.filter((n) => n !== 'answer' && !n.startsWith('propose_'));

function chosenName(output: string): string {
  try {
    const parsed = JSON.parse(output) as { tool?: unknown };
    return typeof parsed.tool === 'string' ? parsed.tool : '';
  } catch {
    return '';
  }
}

/**
 * The choice steps worth scoring: the offer held more than one tool, and not all of them fit the
 * question (with every offered tool right, any choice is right and says nothing about the chooser).
 */
export function scoredChoices(generations: readonly Generation[], rightTools: readonly string[]): ScoredChoice[] {
  const out: ScoredChoice[] = [];
  for (const g of generations) {
    if (g.kind !== 'choice') continue;
    const tools = toolNames(g.offered);
    const right = tools.filter((t) => rightTools.includes(t));
    if (tools.length < 2 || right.length === 0 || right.length === tools.length) continue;
    const chosen = chosenName(g.output);
    out.push({ offered: g.offered, chosen, right: rightTools.includes(chosen), randomExpected: right.length / tools.length });
  }
  return out;
}

/** The first choice step's tool, if any was chosen. */
export function firstTool(generations: readonly Generation[]): string | null {
  const first = generations.find((g) => g.kind === 'choice');
  if (first === undefined) return null;
  const name = chosenName(first.output);
  return name === '' || name === 'answer' ? null : name;
}
