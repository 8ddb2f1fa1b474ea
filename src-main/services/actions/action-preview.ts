import type Database from 'better-sqlite3';
import type { ActionPreview, AirflowAction } from '../../../src-shared/domain/actions';

interface TaskRef {
  dagId: string;
  runId: string;
  taskId: string;
  mapIndex: number;
  state: string | null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Task instances listed by a dry-run answer (v1 references or v2 task instances). */
export function taskRefsFromDryRun(body: unknown): TaskRef[] {
  const list = record(body).task_instances;
  if (!Array.isArray(list)) return [];
  return list.map((item) => {
    const r = record(item);
    return {
      dagId: String(r.dag_id ?? ''),
      runId: String(r.dag_run_id ?? ''),
      taskId: String(r.task_id ?? ''),
      mapIndex: typeof r.map_index === 'number' ? r.map_index : -1,
      state: typeof r.state === 'string' ? r.state : null,
    };
  });
}

const tiLabel = (t: TaskRef): string => `${t.dagId} › ${t.taskId}${t.mapIndex >= 0 ? `[${t.mapIndex}]` : ''} · ${t.runId}`;

/** Reads what the cache knows, to say what an action changes from. */
export class PreviewReader {
  constructor(private readonly db: Database.Database) {}

  private tiState(envId: string, t: TaskRef): string | null {
    const row = this.db
      .prepare('SELECT state FROM task_instances WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ?')
      .get(envId, t.dagId, t.runId, t.taskId, t.mapIndex) as { state: string } | undefined;
    return row?.state ?? null;
  }

  fromDryRun(envId: string, action: AirflowAction, body: unknown): ActionPreview {
    const refs = taskRefsFromDryRun(body);
    const to = action.kind === 'mark_task_instance' ? action.newState : 'cleared (runs again)';
    const verb = action.kind === 'mark_task_instance' ? `Mark as ${action.newState}` : 'Clear';
    return {
      summary: `${verb}: ${refs.length} task instance${refs.length === 1 ? '' : 's'} of ${action.dagId}${action.kind === 'clear_failed_in_run' ? ` · ${action.runId} (failed only)` : ''}`,
      fromAirflowDryRun: true,
      changes: refs.map((t) => ({ target: tiLabel(t), from: t.state ?? this.tiState(envId, t), to })),
    };
  }

  fromCache(envId: string, action: AirflowAction): ActionPreview {
    switch (action.kind) {
      case 'pause_dag': {
        const row = this.db.prepare('SELECT is_paused FROM dags WHERE env_id = ? AND dag_id = ?').get(envId, action.dagId) as
          | { is_paused: number }
          | undefined;
        const from = row === undefined ? null : row.is_paused === 1 ? 'paused' : 'active';
        return {
          summary: `${action.paused ? 'Pause' : 'Unpause'} DAG ${action.dagId}`,
          fromAirflowDryRun: false,
          changes: [{ target: action.dagId, from, to: action.paused ? 'paused' : 'active' }],
        };
      }
      case 'mark_run': {
        const row = this.db
          .prepare('SELECT state FROM dag_runs WHERE env_id = ? AND dag_id = ? AND run_id = ?')
          .get(envId, action.dagId, action.runId) as { state: string } | undefined;
        return {
          summary: `Mark run ${action.runId} of ${action.dagId} as ${action.newState}`,
          fromAirflowDryRun: false,
          changes: [{ target: `${action.dagId} · ${action.runId}`, from: row?.state ?? null, to: action.newState }],
        };
      }
      case 'trigger_dag':
        return {
          summary: `Trigger a new run of ${action.dagId}`,
          fromAirflowDryRun: false,
          changes: [
            {
              target: action.dagId,
              from: null,
              to: `new run${action.runId ? ` ${action.runId}` : ''} with conf ${JSON.stringify(action.conf)}`,
            },
          ],
        };
      case 'set_run_note': {
        const row = this.db
          .prepare('SELECT note FROM dag_runs WHERE env_id = ? AND dag_id = ? AND run_id = ?')
          .get(envId, action.dagId, action.runId) as { note: string | null } | undefined;
        return {
          summary: `Set the note of run ${action.runId}`,
          fromAirflowDryRun: false,
          changes: [{ target: `${action.dagId} · ${action.runId}`, from: row?.note ?? null, to: action.note }],
        };
      }
      case 'set_task_instance_note': {
        const row = this.db
          .prepare('SELECT note FROM task_instances WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ?')
          .get(envId, action.dagId, action.runId, action.taskId, action.mapIndex) as { note: string | null } | undefined;
        const ref = { dagId: action.dagId, runId: action.runId, taskId: action.taskId, mapIndex: action.mapIndex, state: null };
        return {
          summary: `Set the note of task ${action.taskId} in run ${action.runId}`,
          fromAirflowDryRun: false,
          changes: [{ target: tiLabel(ref), from: row?.note ?? null, to: action.note }],
        };
      }
      case 'clear_task_instances':
      case 'clear_failed_in_run':
      case 'mark_task_instance':
        throw new Error('these actions are previewed by Airflow');
    }
  }
}
