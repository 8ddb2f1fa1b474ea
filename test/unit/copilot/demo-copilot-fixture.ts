import type Database from 'better-sqlite3';
import { buildGraph } from '../../../src-main/services/graph/build/build-graph';
import type { EmbeddedGraph } from '../../../src-main/services/graph/embedded-graph';
import { CitationRegistry } from '../../../src-main/services/copilot/agent/citation-registry';
import { findTool } from '../../../src-main/services/copilot/tools/tool-registry';
import type { ToolContext, ToolOutput } from '../../../src-main/services/copilot/tools/tool-types';
import { DEMO_SEED } from '../../../src-main/services/demo/demo-environment';
import type { SynthLabel } from '../../../src-main/services/synth/label-types';
import { generate, type Generated } from '../synth/synth-fixture';

export const DEMO_AS_OF = '2025-06-02T12:00:00.000Z';

/** The Demo environment exactly as the app builds it, at a fixed "now". */
export function demoCache(): Generated {
  return generate({ dags: 25, days: 90, seed: DEMO_SEED, asOf: DEMO_AS_OF });
}

export function labelsOf<K extends SynthLabel['kind']>(db: Database.Database, kind: K): Extract<SynthLabel, { kind: K }>[] {
  const rows = db
    .prepare(
      'SELECT label_id, kind, dag_id, task_id, starts_at, ends_at, detail_json FROM synth_labels WHERE env_id = ? AND kind = ? ORDER BY label_id',
    )
    .all('demo', kind) as {
    label_id: string;
    kind: K;
    dag_id: string;
    task_id: string | null;
    starts_at: string;
    ends_at: string;
    detail_json: string;
  }[];
  return rows.map(
    (r) =>
      ({
        labelId: r.label_id,
        kind: r.kind,
        dagId: r.dag_id,
        taskId: r.task_id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        detail: JSON.parse(r.detail_json),
      }) as Extract<SynthLabel, { kind: K }>,
  );
}

const graphs = new WeakMap<Database.Database, EmbeddedGraph>();

/** The lineage graph of a Demo cache, built once per cache (as the engine's GraphService does). */
export function demoGraph(db: Database.Database): () => EmbeddedGraph {
  return () => {
    const built = graphs.get(db) ?? buildGraph(db, () => DEMO_AS_OF);
    graphs.set(db, built);
    return built;
  };
}

/** Runs one tool the way the agent does: arguments through its zod schema, citations registered. */
export function callTool(
  db: Database.Database,
  name: string,
  args: unknown,
  registry = new CitationRegistry(),
): ToolOutput & { registry: CitationRegistry } {
  const tool = findTool(name);
  if (!tool) throw new Error(`no tool ${name}`);
  const ctx: ToolContext = { db, envId: 'demo', asOf: DEMO_AS_OF, graph: demoGraph(db), cite: (t) => registry.cite(t) };
  return { ...tool.run(ctx, tool.input.parse(args)), registry };
}
