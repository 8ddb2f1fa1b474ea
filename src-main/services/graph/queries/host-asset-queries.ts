import { instantOf } from '../impact/upstream-candidates';
import { cmp, str, type SavedQueryDef } from './saved-query-def';

export const dagsSharingFailingHost: SavedQueryDef = {
  id: 'dags-sharing-failing-host',
  title: 'DAGs sharing a failing host',
  description: 'Workers where tasks of more than one DAG failed since "failedSince": a sign the host, not the code, is at fault.',
  cypher: `MATCH (ti:TaskInstance)-[:RAN_ON]->(h:Host)
WHERE ti.state = 'failed' AND coalesce(ti.endDate, ti.startDate) >= $failedSince
WITH h, ti.dagId AS dagId, count(ti) AS f
ORDER BY dagId
WITH h, collect(dagId) AS dags, sum(f) AS failures
WHERE size(dags) > 1
RETURN h.envId AS envId, h.name AS host, failures, dags
ORDER BY failures DESC, envId, host`,
  params: [{ name: 'failedSince', kind: 'time', description: 'failures since', default: null }],
  answer: (graph, p) => {
    const byHost = new Map<string, Map<string, number>>();
    for (const host of graph.nodesOf('Host')) {
      const dags = new Map<string, number>();
      for (const tiKey of graph.inFrom(host.key, 'RAN_ON')) {
        const ti = graph.node(tiKey)?.props ?? {};
        const t = instantOf(ti);
        if (ti.state !== 'failed' || t === null || t < String(p.failedSince)) continue;
        const dagId = String(ti.dagId);
        dags.set(dagId, (dags.get(dagId) ?? 0) + 1);
      }
      if (dags.size > 1) byHost.set(host.key, dags);
    }
    const rows = [...byHost].map(([key, dags]) => {
      const host = graph.node(key)?.props ?? {};
      const failures = [...dags.values()].reduce((a, b) => a + b, 0);
      return [str(host.envId) ?? '', str(host.name) ?? '', failures, [...dags.keys()].sort(cmp)] as const;
    });
    rows.sort((a, b) => b[2] - a[2] || cmp(a[0], b[0]) || cmp(a[1], b[1]));
    return { columns: ['envId', 'host', 'failures', 'dags'], rows: rows.map((r) => [r[0], r[1], r[2], [...r[3]]]) };
  },
};

export const assetsWithoutRecentProducerRun: SavedQueryDef = {
  id: 'assets-no-recent-producer-run',
  title: 'Assets with no recent producer run',
  description: 'Assets none of whose producers (tasks or DAGs) has run since "since": their consumers wait on stale data.',
  cypher: `MATCH (producer)-[:PRODUCES]->(a:Asset)
WITH a, max(producer.lastRunAt) AS lastProducerRun
WHERE lastProducerRun IS NULL OR lastProducerRun < $since
RETURN a.uri AS uri, lastProducerRun
ORDER BY uri`,
  params: [{ name: 'since', kind: 'time', description: 'a producer run is recent after this', default: null }],
  answer: (graph, p) => {
    const rows: [string, string | null][] = [];
    for (const asset of graph.nodesOf('Asset')) {
      const producers = graph.inFrom(asset.key, 'PRODUCES');
      if (producers.length === 0) continue;
      const runs = producers.map((k) => str(graph.node(k)?.props.lastRunAt)).filter((t): t is string => t !== null);
      const last = runs.length === 0 ? null : runs.reduce((a, b) => (b > a ? b : a));
      if (last === null || last < String(p.since)) rows.push([String(asset.props.uri), last]);
    }
    rows.sort((a, b) => cmp(a[0], b[0]));
    return { columns: ['uri', 'lastProducerRun'], rows };
  },
};
