import type Database from 'better-sqlite3';
import { confParents } from '../../history/conf-parents';

export interface TriggerLink { parentDagId: string; parentTaskId: string; childDagId: string }

interface TriggerTaskRow { dag_id: string; task_id: string }

/**
 * TriggerDagRunOperator links. Airflow's API does not say which DAG a trigger
 * task starts, so two readable traces are used: runs whose conf names a
 * `parent_dag_id` (the child of a trigger task in that parent), and trigger
 * tasks named after an existing DAG (`trigger_<dag_id>`).
 */
export function readTriggerLinks(db: Database.Database, envId: string): TriggerLink[] {
  const triggerTasks = db
    .prepare(`SELECT dag_id, task_id FROM tasks WHERE env_id = ? AND operator IN ('TriggerDagRunOperator') ORDER BY dag_id, task_id`)
    .all(envId) as TriggerTaskRow[];
  if (triggerTasks.length === 0) return [];
  const dagIds = new Set((db.prepare('SELECT dag_id FROM dags WHERE env_id = ?').all(envId) as { dag_id: string }[]).map((r) => r.dag_id));
  const parents = confParents(db, envId);
  const links = new Map<string, TriggerLink>();
  const add = (link: TriggerLink): void => {
    links.set(JSON.stringify([link.parentDagId, link.parentTaskId, link.childDagId]), link);
  };
  for (const task of triggerTasks) {
    for (const child of dagIds) {
      if (child !== task.dag_id && (task.task_id === `trigger_${child}` || task.task_id.endsWith(`trigger_${child}`))) {
        add({ parentDagId: task.dag_id, parentTaskId: task.task_id, childDagId: child });
      }
    }
  }
  for (const { child, parent } of parents) {
    const candidates = triggerTasks.filter((t) => t.dag_id === parent);
    const named = candidates.filter((t) => t.task_id.includes(child));
    for (const task of named.length > 0 ? named : candidates) add({ parentDagId: parent, parentTaskId: task.task_id, childDagId: child });
  }
  return [...links.values()];
}
