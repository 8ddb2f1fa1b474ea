import type { DagRow, TaskRow } from '../../cache/rows';
import type { JsonRecord } from '../read/json-record';
import type { V1ClassReference, V1CronExpression, V1Dag, V1Tag, V1Task } from './v1-schemas';

/** A cron `schedule_interval` as its expression; timedeltas, datasets and timetables by their description. */
function schedule(d: JsonRecord<V1Dag>): string | null {
  const interval = d.record<V1CronExpression>('schedule_interval');
  if (interval?.optStr('__type') === 'CronExpression') {
    const cron = interval.optStr('value');
    if (cron !== null) return cron;
  }
  return d.optStr('timetable_description');
}

export function v1DagRow(envId: string, d: JsonRecord<V1Dag>): DagRow {
  return {
    envId,
    dagId: d.str('dag_id'),
    description: d.optStr('description'),
    schedule: schedule(d),
    isPaused: d.optBool('is_paused') ?? false,
    owners: d.strArray('owners'),
    tags: d.records<V1Tag>('tags').map((t) => t.optStr('name')).filter((n): n is string => n !== null),
    fileloc: d.optStr('fileloc'),
    paramsJson: null,
    lastParsed: d.time('last_parsed_time'),
    maxActiveRuns: d.optNum('max_active_runs'),
  };
}

export function v1TaskRow(envId: string, dagId: string, t: JsonRecord<V1Task>): TaskRow {
  return {
    envId,
    dagId,
    taskId: t.str('task_id'),
    operator: t.record<V1ClassReference>('class_ref')?.optStr('class_name') ?? null,
    pool: t.optStr('pool'),
    queue: t.optStr('queue'),
    retries: t.optNum('retries'),
    triggerRule: t.optStr('trigger_rule'),
    isMapped: t.optBool('is_mapped') ?? false,
    taskGroup: null,
    downstream: t.strArray('downstream_task_ids'),
  };
}
