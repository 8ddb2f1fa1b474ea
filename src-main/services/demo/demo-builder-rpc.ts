import { z } from 'zod';
import { defineRpc } from '../../platform/rpc/rpc-contract';

/** What the Demo builder process offers the engine: one build, with progress. */
export const demoBuilderRpc = defineRpc({
  build: {
    input: z.object({ dbPath: z.string().min(1), asOf: z.string().min(1) }),
    output: z.object({ runs: z.number().int().nonnegative() }),
    progress: z.object({ done: z.number(), total: z.number() }),
  },
});
