import type { Rng } from './prng';
import type { FailureCause } from './failure-causes';
import { failureBody } from './failure-tracebacks';
import { iso } from './instants';

export interface FailureLogInput {
  readonly rng: Rng;
  readonly dagId: string;
  readonly taskId: string;
  readonly runId: string;
  readonly mapIndex: number;
  readonly tryNumber: number;
  readonly maxAttempts: number;
  readonly operator: string;
  readonly owner: string;
  readonly hostname: string;
  readonly fileloc: string;
  readonly logicalDate: number | null;
  readonly startAt: number;
  readonly endAt: number;
  readonly cause: FailureCause;
  readonly willRetry: boolean;
  readonly entity: string;
  readonly resource: string;
}

const SITE = '/home/airflow/.local/lib/python3.11/site-packages';

/** Airflow's log line stamp: [2026-11-21T10:00:03.123+0000]. */
function stamp(ms: number): string {
  return `[${iso(ms).slice(0, 23)}+0000]`;
}

function compact(ms: number): string {
  return iso(ms).slice(0, 19).replace(/[-:]/g, '');
}

/**
 * The log of one failed try as Airflow's task runner writes it: the
 * preamble, what the task printed, the traceback, and the verdict. Hosts,
 * pids, job ids, paths and numbers vary; the templates do not.
 */
export function renderFailureLog(i: FailureLogInput): string {
  const { rng } = i;
  const pid = rng.int(200, 65_000);
  const jobId = rng.int(100_000, 9_999_999);
  const span = i.endAt - i.startAt;
  const at = (fraction: number): string => stamp(i.startAt + Math.round(span * fraction));
  const ti = `<TaskInstance: ${i.dagId}.${i.taskId} ${i.runId}${i.mapIndex >= 0 ? ` map_index=${i.mapIndex}` : ''}`;
  const logical = i.logicalDate === null ? 'None' : `${iso(i.logicalDate).slice(0, 19).replace('T', ' ')}+00:00`;
  const body = failureBody(i.cause, {
    rng,
    dagFile: i.fileloc,
    entity: i.entity,
    resource: i.resource,
    day: iso(i.logicalDate ?? i.startAt).slice(0, 10),
    pid,
    durationS: span / 1000,
    operator: i.operator,
  });
  const lines = [
    `${at(0)} {local_task_job_runner.py:123} INFO - ::group::Pre task execution logs`,
    `${at(0)} {taskinstance.py:2614} INFO - Dependencies all met for dep_context=non-requeueable deps ti=${ti} [queued]>`,
    `${at(0)} {taskinstance.py:2614} INFO - Dependencies all met for dep_context=requeueable deps ti=${ti} [queued]>`,
    `${at(0)} {taskinstance.py:2867} INFO - Starting attempt ${i.tryNumber} of ${i.maxAttempts}`,
    `${at(0)} {local_task_job_runner.py:123} INFO - ::endgroup::`,
    `${at(0)} {taskinstance.py:2890} INFO - Executing <Task(${i.operator}): ${i.taskId}> on ${logical}`,
    `${at(0)} {standard_task_runner.py:72} INFO - Started process ${pid} to run task`,
    `${at(0)} {standard_task_runner.py:104} INFO - Running: ['airflow', 'tasks', 'run', '${i.dagId}', '${i.taskId}', '${i.runId}', '--job-id', '${jobId}', '--raw', '--subdir', 'DAGS_FOLDER/${i.fileloc.split('/dags/')[1] ?? i.fileloc}', '--cfg-path', '/tmp/tmp${rng.int(10_000_000, 99_999_999).toString(36)}']`,
    `${at(0)} {standard_task_runner.py:105} INFO - Job ${jobId}: Subtask ${i.taskId}`,
    `${at(0)} {task_command.py:467} INFO - Running ${ti} [running]> on host ${i.hostname}`,
    `${at(0)} {taskinstance.py:3133} INFO - Exporting env vars: AIRFLOW_CTX_DAG_OWNER='${i.owner}' AIRFLOW_CTX_DAG_ID='${i.dagId}' AIRFLOW_CTX_TASK_ID='${i.taskId}' AIRFLOW_CTX_TRY_NUMBER='${i.tryNumber}' AIRFLOW_CTX_DAG_RUN_ID='${i.runId}'`,
    ...body.progress.map((p, k) => `${at((k + 1) / (body.progress.length + 2))} {logging_mixin.py:190} INFO - ${p}`),
  ];
  const end = stamp(i.endAt);
  const verdict = i.willRetry ? 'UP_FOR_RETRY' : 'FAILED';
  const marking = `${end} {taskinstance.py:1225} INFO - Marking task as ${verdict}. dag_id=${i.dagId}, task_id=${i.taskId}, run_id=${i.runId}, map_index=${i.mapIndex}, execution_date=${i.logicalDate === null ? 'None' : compact(i.logicalDate)}, start_date=${compact(i.startAt)}, end_date=${compact(i.endAt)}`;
  if (i.cause === 'oom_killed' && i.operator !== 'KubernetesPodOperator') {
    lines.push(
      `${end} {local_task_job_runner.py:234} INFO - Task exited with return code Negsignal.SIGKILL`,
      `${end} {process_utils.py:132} ERROR - Process psutil.Process(pid=${pid}, status='terminated', exitcode=<Negsignal.SIGKILL: -9>) (${pid}) terminated with exit code Negsignal.SIGKILL`,
      `${end} {taskinstance.py:1225} ERROR - Task was killed by the kernel (out of memory?): pid ${pid} used ${rng.int(2_100, 15_900)} MiB`,
      marking,
    );
    return lines.join('\n');
  }
  lines.push(
    `${end} {taskinstance.py:3313} ERROR - Task failed with exception`,
    'Traceback (most recent call last):',
    `  File "${SITE}/airflow/models/taskinstance.py", line 768, in _execute_task`,
    '    result = _execute_callable(context=context, **execute_callable_kwargs)',
    `  File "${SITE}/airflow/models/taskinstance.py", line 734, in _execute_callable`,
    '    return ExecutionCallableRunner(',
    `  File "${SITE}/airflow/models/baseoperator.py", line 406, in wrapper`,
    '    return func(self, *args, **kwargs)',
    ...body.frames,
    body.exception,
    marking,
    `${end} {standard_task_runner.py:124} ERROR - Failed to execute job ${jobId} for task ${i.taskId} (${body.short}; ${pid})`,
    `${end} {local_task_job_runner.py:266} INFO - Task exited with return code 1`,
    `${end} {taskinstance.py:3895} INFO - 0 downstream tasks scheduled from follow-on schedule check`,
  );
  return lines.join('\n');
}
