import type { TaskFacts } from '../../history/run-facts';

/** How a tool names a task instance: the task id, with the map index of a mapped one. */
export const taskKey = (t: TaskFacts): string => (t.mapIndex >= 0 ? `${t.taskId}[${t.mapIndex}]` : t.taskId);
