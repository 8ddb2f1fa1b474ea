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
  'dags.durations': ['runs', 'task_instances'],
  'runs.compare': ['runs', 'task_instances'],
  'timeline.runs': ['runs'],
  'jobs.list': ['jobs'],
  /** A dry run asked of Airflow each time the action dialog opens. */
  'actions.preview': [],
  'audit.list': ['audit'],
  'audit.export': ['audit'],
} as const satisfies Partial<Record<RequestName, readonly DataTopic[]>>;

export type QueryName = keyof typeof queryTopics;

export function queryReadsAny(name: string, topics: readonly DataTopic[]): boolean {
  const reads: readonly DataTopic[] | undefined = (queryTopics as Partial<Record<string, readonly DataTopic[]>>)[name];
  return reads !== undefined && reads.some((topic) => topics.includes(topic));
}
