import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { SimilarFailures } from '../../../../src-shared/domain/similar-failures';
import type { SimilarQuery } from '../../analytics/embeddings/embedding-service';
import type { EmbeddedGraph } from '../../graph/embedded-graph';
import type { CitationTarget } from '../agent/citation-registry';

export interface ToolContext {
  readonly db: Database.Database;
  readonly envId: string;
  /** The environment's "now" (the end of a synthetic history). */
  readonly asOf: string;
  /** The embedded lineage graph (built on first use). */
  graph(): EmbeddedGraph;
  /** Registers something the model may cite and returns its reference, e.g. "R3". */
  cite(target: CitationTarget): string;
  /** Similar past failures by the local embedding model when one is configured (absent: template similarity only). */
  readonly similarFailures?: (q: SimilarQuery) => SimilarFailures;
}

export interface ToolOutput {
  /** What the model reads. Airflow text inside it is delimited as data by the agent. */
  readonly text: string;
  /** One line for the step list in the UI. */
  readonly summary: string;
}

/** A read-only question over the cache the model may ask. */
export interface CopilotTool<S extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly description: string;
  readonly input: S;
  run(ctx: ToolContext, args: z.output<S>): ToolOutput;
}

export function defineTool<S extends z.ZodObject>(tool: CopilotTool<S>): CopilotTool<S> {
  return tool;
}
