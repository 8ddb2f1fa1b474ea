import type { DagDetailFacts, DagRow, TaskRow } from '../../cache/rows';
import { paramsText } from '../read/dag-params';
import type { JsonRecord } from '../read/json-record';
import type { V2Dag, V2DagDetails, V2Tag, V2Task } from './v2-schemas';

export function v2DagRow(envId: string, d: JsonRecord<V2Dag>): DagRow {
  return {
    envId,
    dagId: d.str('dag_id'),
    description: d.optStr('description'),
    schedule: d.optStr('timetable_summary'),
    isPaused: d.optBool('is_paused') ?? false,
    owners: d.strArray('owners'),
    tags: d
      .records<V2Tag>('tags')
      .map((t) => t.optStr('name'))
      .filter((n): n is string => n !== null),
    fileloc: d.optStr('fileloc'),
    paramsJson: null, // only /dags/{id}/details has params; one extra call per DAG is not worth it here
    lastParsed: d.time('last_parsed_time'),
    maxActiveRuns: d.optNum('max_active_runs'),
    timetableDescription: d.optStr('timetable_description'),
    timezone: null, // only the details have it
    nextDagrunLogical: d.time('next_dagrun_logical_date'),
    nextDagrunRunAfter: d.time('next_dagrun_run_after'),
  };
}

/** From `/dags/{id}/details`: declared params and the timezone its cron schedule is read in. */
export function v2DagDetails(d: JsonRecord<V2DagDetails>): DagDetailFacts {
  return { paramsJson: paramsText(d.value('params')), timezone: d.optStr('timezone') };
}

/** `class_ref` is `{module_path, class_name}` in practice; the v2 spec leaves it untyped. */
interface ClassRef {
  class_name: string;
}

export function v2TaskRow(envId: string, dagId: string, t: JsonRecord<V2Task>): TaskRow {
  return {
    envId,
    dagId,
    taskId: t.str('task_id'),
    operator: t.optStr('operator_name') ?? t.record<ClassRef>('class_ref')?.optStr('class_name') ?? null,
    pool: t.optStr('pool'),
    queue: t.optStr('queue'),
    retries: t.optNum('retries'),
    triggerRule: t.optStr('trigger_rule'),
    isMapped: t.optBool('is_mapped') ?? false,
    taskGroup: null, // neither API reports a task's group
    downstream: t.strArray('downstream_task_ids'),
  };
}
