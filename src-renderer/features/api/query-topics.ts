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
  'jobs.list': ['jobs'],
} as const satisfies Partial<Record<RequestName, readonly DataTopic[]>>;

export type QueryName = keyof typeof queryTopics;

export function queryReadsAny(name: string, topics: readonly DataTopic[]): boolean {
  const reads: readonly DataTopic[] | undefined = (queryTopics as Partial<Record<string, readonly DataTopic[]>>)[name];
  return reads !== undefined && reads.some((topic) => topics.includes(topic));
}
