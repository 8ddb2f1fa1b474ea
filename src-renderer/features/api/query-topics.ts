import type { DataTopic } from '../../../src-shared/api/define';
import type { RequestName } from '../../../src-shared/api/contract';

/** Which cache topics each query reads; a `data.changed` on any of them refreshes it. */
export const queryTopics = {
  'app.info': [],
  'settings.get': ['settings'],
  'envs.list': ['environments'],
  /** Read by Export, and by Edit for an environment's stored settings. */
  'envs.export': ['environments'],
  'envs.settings': ['environments'],
  'overview.get': ['dags', 'runs', 'task_instances'],
  'runs.list': ['runs'],
  'runs.get': ['runs', 'task_instances'],
  'palette.search': ['dags', 'runs'],
  'fleet.overview': ['environments', 'dags', 'runs'],
  'triage.list': ['runs', 'task_instances'],
  'runs.investigate': ['runs', 'task_instances'],
  'tasks.investigate': ['task_instances'],
  'tasks.log': ['task_instances'],
  'dags.grid': ['dags', 'runs', 'task_instances'],
  'dags.gridCells': ['dags', 'runs', 'task_instances'],
  'dags.gridMapIndexes': ['runs', 'task_instances'],
  'dags.list': ['environments', 'dags', 'runs'],
  'dags.durations': ['runs', 'task_instances'],
  'runs.compare': ['runs', 'task_instances'],
  'timeline.runs': ['runs'],
  'anomalies.list': ['analytics'],
  'anomalies.get': ['analytics'],
  'risks.list': ['analytics'],
  'patterns.list': ['analytics'],
  'patterns.get': ['analytics'],
  'embeddings.status': ['models', 'analytics'],
  'failures.similar': ['analytics', 'models'],
  'anomalies.marks': ['analytics'],
  'rules.list': ['rules'],
  'rules.preview': ['rules', 'analytics', 'runs', 'task_instances'],
  'rules.export': ['rules'],
  'rules.firings': ['rules'],
  'notifications.list': ['notifications'],
  'jobs.list': ['jobs'],
  'graph.summary': ['graph', 'environments', 'dags', 'runs', 'task_instances'],
  'lineage.view': ['graph', 'environments', 'dags', 'runs', 'task_instances'],
  'lineage.node': ['graph', 'environments', 'dags', 'runs', 'task_instances'],
  'lineage.assets': ['graph', 'environments', 'dags'],
  'impact.downstream': ['graph', 'environments', 'dags'],
  'graph.savedQueries': [],
  'neo4j.status': ['graph', 'jobs'],
  /** A dry run asked of Airflow each time the action dialog opens. */
  'actions.preview': [],
  'actions.triggerParams': ['dags'],
  'audit.list': ['audit'],
  'incidents.list': ['incidents'],
  'incidents.get': ['incidents'],
  /** Built from the pins and the synced history around them, and the audit log. */
  'incidents.timeline': ['incidents', 'runs', 'task_instances', 'audit', 'analytics'],
  'reports.defaults': [],
  /** Asked of Prometheus and Alertmanager each time; the page polls it. */
  'monitoring.get': ['monitoring', 'environments'],
  'monitoring.settings': ['monitoring', 'environments'],
  'audit.export': ['audit'],
  'audit.airflowEvents': ['environments', 'runs'],
  'llm.settings.get': ['models'],
  'llm.models.list': ['models'],
  'llm.status': ['models'],
  /** With the title of the incident each belongs to. */
  'copilot.conversations': ['copilot', 'incidents'],
  'copilot.conversation': ['copilot', 'incidents'],
} as const satisfies Partial<Record<RequestName, readonly DataTopic[]>>;

export type QueryName = keyof typeof queryTopics;

export function queryReadsAny(name: string, topics: readonly DataTopic[]): boolean {
  const reads: readonly DataTopic[] | undefined = (queryTopics as Partial<Record<string, readonly DataTopic[]>>)[name];
  return reads !== undefined && reads.some((topic) => topics.includes(topic));
}
