/**
 * Node identities. A key is the JSON array of the label and Airflow's own
 * identity parts, so no DAG id or URI can ever make two keys collide.
 * Assets, owners and tags are keyed without an environment: the same URI
 * in two environments is one node, and that is what joins environments.
 */
const key = (...parts: readonly (string | number)[]): string => JSON.stringify(parts);

export const nodeKeys = {
  environment: (envId: string) => key('Environment', envId),
  dag: (envId: string, dagId: string) => key('Dag', envId, dagId),
  task: (envId: string, dagId: string, taskId: string) => key('Task', envId, dagId, taskId),
  asset: (uri: string) => key('Asset', uri),
  run: (envId: string, dagId: string, runId: string) => key('DagRun', envId, dagId, runId),
  instance: (envId: string, dagId: string, runId: string, taskId: string, mapIndex: number) =>
    key('TaskInstance', envId, dagId, runId, taskId, mapIndex),
  errorPattern: (envId: string, patternId: string) => key('ErrorPattern', envId, patternId),
  owner: (name: string) => key('Owner', name),
  tag: (name: string) => key('Tag', name),
  host: (envId: string, name: string) => key('Host', envId, name),
  pool: (envId: string, name: string) => key('Pool', envId, name),
};
