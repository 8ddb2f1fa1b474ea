import type Database from 'better-sqlite3';
import { EmbeddedGraph } from '../embedded-graph';
import { addActivity } from './activity-nodes';
import { ActivityStats } from './activity-stats';
import { addCatalog } from './catalog-nodes';
import { addDerivedProps } from './derived-props';
import { graphWindow } from './graph-window';
import { addErrorPatterns } from './pattern-nodes';
import { ActivityReader } from '../../history/activity-reads';
import { CatalogReader } from './read-catalog';
import { PatternReader } from './read-patterns';
import { readTriggerLinks } from './read-triggers';

/** Builds the lineage graph of every environment in the cache. */
export function buildGraph(db: Database.Database, now: () => string = () => new Date().toISOString()): EmbeddedGraph {
  const graph = new EmbeddedGraph();
  const catalog = new CatalogReader(db);
  const activity = new ActivityReader(db);
  const patterns = new PatternReader(db);
  for (const env of catalog.environments()) {
    const w = graphWindow(env.synthetic === 1 && env.as_of !== null ? env.as_of : now());
    const stats = new ActivityStats(activity, env.id, w);
    addCatalog(graph, catalog, env, stats, readTriggerLinks(db, env.id));
    addActivity(graph, activity, env.id, w);
    addErrorPatterns(graph, patterns, env.id);
  }
  addDerivedProps(graph);
  return graph;
}
