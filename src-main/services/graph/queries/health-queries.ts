import { orphanAssets } from '../impact/orphan-assets';
import { cmp, str, type SavedQueryDef } from './saved-query-def';

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

export const orphans: SavedQueryDef = {
  id: 'orphan-assets',
  title: 'Orphan assets',
  description: 'Assets produced but never consumed, or consumed but never produced.',
  cypher: `MATCH (a:Asset)
OPTIONAL MATCH (p)-[:PRODUCES]->(a)
WITH a, count(p) AS producers
OPTIONAL MATCH (c)-[:CONSUMES]->(a)
WITH a, producers, count(c) AS consumers
WHERE (producers = 0) <> (consumers = 0)
RETURN a.uri AS uri, producers, consumers
ORDER BY uri`,
  params: [],
  answer: (graph) => {
    const o = orphanAssets(graph);
    const rows = [...o.producedNeverConsumed, ...o.consumedNeverProduced].sort((a, b) => cmp(a.uri, b.uri));
    return { columns: ['uri', 'producers', 'consumers'], rows: rows.map((a) => [a.uri, a.producers, a.consumers]) };
  },
};

export const flakiestTasks: SavedQueryDef = {
  id: 'flakiest-tasks',
  title: 'Flakiest tasks',
  description: 'Tasks that most often succeeded only after a retry in the last 30 days.',
  cypher: `MATCH (t:Task)
WHERE t.flakyTries30d > 0
RETURN t.envId AS envId, t.dagId AS dagId, t.taskId AS taskId, t.flakyTries30d AS flakyTries, t.tries30d AS tries, t.failureRate AS failureRate
ORDER BY flakyTries DESC, failureRate DESC, envId, dagId, taskId
LIMIT $limit`,
  params: [{ name: 'limit', kind: 'int', description: 'how many tasks', default: 20 }],
  answer: (graph, p) => {
    const rows = graph
      .nodesOf('Task')
      .filter((t) => num(t.props.flakyTries30d) > 0)
      .map(
        (t) =>
          [
            str(t.props.envId) ?? '',
            str(t.props.dagId) ?? '',
            str(t.props.taskId) ?? '',
            num(t.props.flakyTries30d),
            num(t.props.tries30d),
            num(t.props.failureRate),
          ] as const,
      )
      .sort((a, b) => b[3] - a[3] || b[5] - a[5] || cmp(a[0], b[0]) || cmp(a[1], b[1]) || cmp(a[2], b[2]))
      .slice(0, Number(p.limit));
    return { columns: ['envId', 'dagId', 'taskId', 'flakyTries', 'tries', 'failureRate'], rows: rows.map((r) => [...r]) };
  },
};

export const riskiestDags: SavedQueryDef = {
  id: 'riskiest-dags',
  title: 'Riskiest DAGs',
  description: 'DAGs ranked by risk: their 30-day failure rate times one plus the number of DAGs downstream.',
  cypher: `MATCH (d:Dag)
WHERE d.riskScore > 0
RETURN d.envId AS envId, d.dagId AS dagId, d.riskScore AS riskScore, d.failureRate AS failureRate, d.downstreamDags AS downstreamDags
ORDER BY riskScore DESC, envId, dagId
LIMIT $limit`,
  params: [{ name: 'limit', kind: 'int', description: 'how many DAGs', default: 20 }],
  answer: (graph, p) => {
    const rows = graph
      .nodesOf('Dag')
      .filter((d) => num(d.props.riskScore) > 0)
      .map(
        (d) =>
          [
            str(d.props.envId) ?? '',
            str(d.props.dagId) ?? '',
            num(d.props.riskScore),
            num(d.props.failureRate),
            num(d.props.downstreamDags),
          ] as const,
      )
      .sort((a, b) => b[2] - a[2] || cmp(a[0], b[0]) || cmp(a[1], b[1]))
      .slice(0, Number(p.limit));
    return { columns: ['envId', 'dagId', 'riskScore', 'failureRate', 'downstreamDags'], rows: rows.map((r) => [...r]) };
  },
};
