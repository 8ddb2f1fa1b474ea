import type Database from 'better-sqlite3';
import type { GraphCounts } from '../../../src-shared/domain/graph';
import { GraphNodeLabel, GraphRelType } from '../../../src-shared/domain/graph';
import { buildGraph } from './build/build-graph';
import { EmbeddedGraph } from './embedded-graph';

/**
 * Owns the embedded lineage graph. It is rebuilt from the cache on first use
 * after any change to the cache (Demo created, an environment synced or
 * removed), so a burst of changes costs one rebuild.
 */
export class GraphService {
  private current: EmbeddedGraph | null = null;
  private builtAt: string | null = null;
  private buildMs = 0;
  private version = 0;
  private builtForChanges = -1;
  private readonly changes;
  private readonly dataVersion;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.changes = db.prepare('SELECT total_changes() AS n');
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
  }

  /** The cache changed: the next read rebuilds. */
  invalidate(): void {
    this.current = null;
  }

  get graph(): EmbeddedGraph {
    // Writes through this connection (Demo, sync, removal) show in total_changes(), other connections' in data_version.
    const changes = (this.changes.get() as { n: number }).n * 1_000_000 + Number(this.dataVersion.get());
    if (this.current === null || changes !== this.builtForChanges) {
      this.builtForChanges = changes;
      const started = performance.now();
      this.current = buildGraph(this.db, this.now);
      this.buildMs = Math.round(performance.now() - started);
      this.builtAt = this.now();
      this.version += 1;
    }
    return this.current;
  }

  /** Increases with every rebuild (the Neo4j sync uses it to skip unchanged graphs). */
  get buildVersion(): number {
    return this.version;
  }

  counts(): GraphCounts {
    const graph = this.graph;
    const rels = new Map<string, number>();
    for (const e of graph.edges()) rels.set(e.type, (rels.get(e.type) ?? 0) + 1);
    return {
      builtAt: this.builtAt,
      buildMs: this.buildMs,
      nodes: GraphNodeLabel.options.map((label) => ({ label, count: graph.nodesOf(label).length })),
      rels: GraphRelType.options.map((type) => ({ type, count: rels.get(type) ?? 0 })),
    };
  }

  /** The latest "now" over environments: a synthetic history's end, or the present. */
  latestAsOf(): string {
    const rows = this.db.prepare('SELECT as_of, synthetic FROM environments').all() as { as_of: string | null; synthetic: number }[];
    const real = rows.some((r) => r.synthetic === 0);
    const synthetic = rows.map((r) => r.as_of).filter((t): t is string => t !== null);
    if (real || synthetic.length === 0) return this.now();
    return synthetic.reduce((a, b) => (b > a ? b : a));
  }
}
