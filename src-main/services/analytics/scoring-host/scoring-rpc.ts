import { z } from 'zod';
import { defineRpc } from '../../../platform/rpc/rpc-contract';
import type { ScoringOutput } from '../scoring-pass';

/** What the scoring host offers the engine. Its answer is large and built by our own code: checked for shape only. */
export const scoringRpc = defineRpc({
  score: {
    input: z.object({ dbPath: z.string().min(1), envId: z.string().min(1), asOf: z.string().min(1), force: z.boolean() }),
    output: z.custom<ScoringOutput>((value) => typeof value === 'object' && value !== null, 'a scoring output'),
    progress: z.object({ done: z.number(), total: z.number(), message: z.string() }),
  },
  /** Drops what the host keeps for an environment (removed, or its history replaced). */
  forget: { input: z.object({ envId: z.string().min(1) }), output: z.undefined() },
});
