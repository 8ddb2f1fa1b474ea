import { instantOf } from '../impact/upstream-candidates';
import { cmp, str, type SavedQueryDef } from './saved-query-def';

type Row = [envId: string, patternId: string, template: string, dags: number, dagId: string, taskId: string, failures: number];

/** Error patterns whose failures span more than one DAG, one row per task that failed with it. */
export const sharedErrorPatterns: SavedQueryDef = {
  id: 'shared-error-patterns',
  title: 'Tasks failing with the same error pattern across DAGs',
  description:
    'Log error patterns that task instances of more than one DAG failed with since "failedSince": a shared cause (a service, a credential, a library) rather than one DAG\'s code.',
  cypher: `MATCH (ti:TaskInstance)-[:FAILED_WITH]->(p:ErrorPattern)
WHERE coalesce(ti.endDate, ti.startDate) >= $failedSince
WITH p, ti.dagId AS dagId, ti.taskId AS taskId, count(ti) AS failures
WITH p, collect({dagId: dagId, taskId: taskId, failures: failures}) AS tasks, count(DISTINCT dagId) AS dags
WHERE dags > 1
UNWIND tasks AS t
RETURN p.envId AS envId, p.patternId AS patternId, p.template AS template, dags, t.dagId AS dagId, t.taskId AS taskId, t.failures AS failures
ORDER BY dags DESC, envId, patternId, dagId, taskId`,
  params: [{ name: 'failedSince', kind: 'time', description: 'failures since', default: null }],
  answer: (graph, p) => {
    const rows: Row[] = [];
    for (const pattern of graph.nodesOf('ErrorPattern')) {
      // Failed task instances since the time, by DAG and task.
      const byTask = new Map<string, { dagId: string; taskId: string; failures: number }>();
      for (const tiKey of graph.inFrom(pattern.key, 'FAILED_WITH')) {
        const ti = graph.node(tiKey)?.props ?? {};
        const t = instantOf(ti);
        if (t === null || t < String(p.failedSince)) continue;
        const dagId = str(ti.dagId) ?? '';
        const taskId = str(ti.taskId) ?? '';
        const id = JSON.stringify([dagId, taskId]);
        const entry = byTask.get(id) ?? { dagId, taskId, failures: 0 };
        entry.failures += 1;
        byTask.set(id, entry);
      }
      const dags = new Set([...byTask.values()].map((e) => e.dagId)).size;
      if (dags < 2) continue;
      const { envId, patternId, template } = pattern.props;
      for (const e of byTask.values())
        rows.push([str(envId) ?? '', str(patternId) ?? '', str(template) ?? '', dags, e.dagId, e.taskId, e.failures]);
    }
    rows.sort((a, b) => b[3] - a[3] || cmp(a[0], b[0]) || cmp(a[1], b[1]) || cmp(a[4], b[4]) || cmp(a[5], b[5]));
    return { columns: ['envId', 'patternId', 'template', 'dags', 'dagId', 'taskId', 'failures'], rows };
  },
};
