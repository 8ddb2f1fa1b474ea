import { timedeltaText } from '../../analytics/schedule/python-timedelta';
import type { DagDetailFacts, DagRow, TaskRow } from '../../cache/rows';
import { paramsText } from '../read/dag-params';
import type { JsonRecord } from '../read/json-record';
import type { V1ClassReference, V1CronExpression, V1Dag, V1DagDetail, V1Tag, V1Task, V1TimeDelta } from './v1-schemas';

/** Airflow 2's descriptions of the schedules it reports without a schedule_interval, as Airflow 3's summaries. */
const SUMMARY_OF_DESCRIPTION: Readonly<Record<string, string>> = {
  'Never, external triggers only': 'None',
  'Triggered by datasets': 'Dataset',
  'Once, as soon as possible': '@once',
  'As frequently as possible, but only one run at a time.': '@continuous',
};

/**
 * The schedule in Airflow 3's `timetable_summary` form, so both versions are read alike: a cron or preset as
 * written (Airflow 2 also reports `Dataset`, `@once` and custom timetables' summaries this way), a timedelta as
 * Python prints it (`1 day, 0:00:00`), else Airflow's description.
 */
function schedule(d: JsonRecord<V1Dag>): string | null {
  const interval = d.record<V1CronExpression & V1TimeDelta>('schedule_interval');
  const type = interval?.optStr('__type');
  if (interval && type === 'CronExpression') {
    const cron = interval.optStr('value');
    if (cron !== null) return cron;
  }
  if (interval && type === 'TimeDelta')
    return timedeltaText(interval.optNum('days') ?? 0, interval.optNum('seconds') ?? 0, interval.optNum('microseconds') ?? 0);
  const description = d.optStr('timetable_description');
  return description === null ? 'None' : (SUMMARY_OF_DESCRIPTION[description] ?? description);
}

export function v1DagRow(envId: string, d: JsonRecord<V1Dag>): DagRow {
  return {
    envId,
    dagId: d.str('dag_id'),
    description: d.optStr('description'),
    schedule: schedule(d),
    isPaused: d.optBool('is_paused') ?? false,
    owners: d.strArray('owners'),
    tags: d
      .records<V1Tag>('tags')
      .map((t) => t.optStr('name'))
      .filter((n): n is string => n !== null),
    fileloc: d.optStr('fileloc'),
    paramsJson: null,
    lastParsed: d.time('last_parsed_time'),
    maxActiveRuns: d.optNum('max_active_runs'),
    timetableDescription: d.optStr('timetable_description'),
    timezone: null, // only the details have it
    nextDagrunLogical: d.time('next_dagrun'),
    nextDagrunRunAfter: d.time('next_dagrun_create_after'),
  };
}

/** From `/dags/{id}/details`: declared params and the timezone (`Timezone('UTC')` on older Airflow 2). */
export function v1DagDetails(d: JsonRecord<V1DagDetail>): DagDetailFacts {
  return { paramsJson: paramsText(d.value('params')), timezone: d.optStr('timezone') };
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
