import type { AirflowAction } from '../../../src-shared/domain/actions';
import type { RequestSpec } from '../airflow/http/airflow-http-client';
import { segment } from '../airflow/http/query-string';

/** The HTTP call that performs (or, with dryRun, previews) an action, for one API version. */
export interface MutationCall {
  spec: RequestSpec;
  /** Whether Airflow computes a preview for this call (dry_run). */
  airflowDryRun: boolean;
}

const dagPath = (api: 'v1' | 'v2', dagId: string): string => `/api/${api}/dags/${segment(dagId)}`;
const runPath = (api: 'v1' | 'v2', dagId: string, runId: string): string => `${dagPath(api, dagId)}/dagRuns/${segment(runId)}`;

/**
 * Builds the request for an action. `dry_run` is sent explicitly: true for
 * previews, false only on the confirmed call (Airflow defaults it to true).
 * Returns null when the API has no dry run for the action (the preview is
 * then computed from the cache).
 */
export function mutationCall(api: 'v1' | 'v2', action: AirflowAction, dryRun: boolean): MutationCall | null {
  switch (action.kind) {
    case 'clear_task_instances':
      return clearCall(api, action.dagId, dryRun, {
        dag_run_id: action.runId,
        task_ids: action.taskIds,
        only_failed: action.onlyFailed,
        include_downstream: action.includeDownstream,
        include_upstream: action.includeUpstream,
        include_future: action.includeFuture,
        include_past: action.includePast,
      });
    case 'clear_failed_in_run':
      // No task_ids: every failed task instance of the run (the include_* flags default to false).
      return clearCall(api, action.dagId, dryRun, { dag_run_id: action.runId, only_failed: true });
    case 'mark_task_instance':
      if (api === 'v1') {
        return {
          airflowDryRun: true,
          spec: {
            method: 'POST',
            path: `${dagPath(api, action.dagId)}/updateTaskInstancesState`,
            body: {
              dry_run: dryRun,
              dag_run_id: action.runId,
              task_id: action.taskId,
              new_state: action.newState,
              include_upstream: false,
              include_downstream: false,
              include_future: false,
              include_past: false,
            },
          },
        };
      }
      return {
        airflowDryRun: true,
        spec: {
          method: 'PATCH',
          path: `${runPath(api, action.dagId, action.runId)}/taskInstances/${segment(action.taskId)}${dryRun ? '/dry_run' : ''}`,
          query: { update_mask: 'new_state' },
          body: { new_state: action.newState },
        },
      };
    default:
      if (dryRun) return null;
      return { airflowDryRun: false, spec: executeOnly(api, action) };
  }
}

function clearCall(api: 'v1' | 'v2', dagId: string, dryRun: boolean, body: Record<string, unknown>): MutationCall {
  return {
    airflowDryRun: true,
    spec: { method: 'POST', path: `${dagPath(api, dagId)}/clearTaskInstances`, body: { dry_run: dryRun, ...body, reset_dag_runs: true } },
  };
}

function executeOnly(
  api: 'v1' | 'v2',
  action: Exclude<AirflowAction, { kind: 'clear_task_instances' | 'clear_failed_in_run' | 'mark_task_instance' }>,
): RequestSpec {
  switch (action.kind) {
    case 'mark_run':
      return {
        method: 'PATCH',
        path: runPath(api, action.dagId, action.runId),
        ...(api === 'v2' ? { query: { update_mask: 'state' } } : {}),
        body: { state: action.newState },
      };
    case 'pause_dag':
      return {
        method: 'PATCH',
        path: dagPath(api, action.dagId),
        ...(api === 'v1' ? { query: { update_mask: 'is_paused' } } : {}),
        body: { is_paused: action.paused },
      };
    case 'trigger_dag':
      return {
        method: 'POST',
        path: `${dagPath(api, action.dagId)}/dagRuns`,
        body: {
          ...(api === 'v2' ? { logical_date: null } : {}),
          conf: action.conf,
          ...(action.runId ? { dag_run_id: action.runId } : {}),
          ...(action.note ? { note: action.note } : {}),
        },
      };
    case 'set_task_instance_note': {
      const ti = `${runPath(api, action.dagId, action.runId)}/taskInstances/${segment(action.taskId)}`;
      const mapped = action.mapIndex >= 0;
      return api === 'v1'
        ? { method: 'PATCH', path: `${ti}${mapped ? `/${action.mapIndex}` : ''}/setNote`, body: { note: action.note } }
        : {
            method: 'PATCH',
            path: ti,
            query: { update_mask: 'note', ...(mapped ? { map_index: String(action.mapIndex) } : {}) },
            body: { note: action.note },
          };
    }
    case 'set_run_note':
      return api === 'v1'
        ? { method: 'PATCH', path: `${runPath(api, action.dagId, action.runId)}/setNote`, body: { note: action.note } }
        : { method: 'PATCH', path: runPath(api, action.dagId, action.runId), query: { update_mask: 'note' }, body: { note: action.note } };
  }
}
