import type Database from 'better-sqlite3';
import { ApiError } from '../../../src-shared/api/errors';
import type { ActionOutcome, ActionPreview, AirflowAction } from '../../../src-shared/domain/actions';
import { isProductionColor } from '../../../src-shared/domain/environment';
import { createAirflowClient } from '../airflow/create-airflow-client';
import type { AirflowHttpClient } from '../airflow/http/airflow-http-client';
import type { EnvironmentService } from '../environments/environment-service';
import { explainActionError } from './action-errors';
import { PreviewReader } from './action-preview';
import { mutationCall } from './airflow-mutations';
import type { AuditLog } from './audit-log';
import { assertTriggerConf } from './trigger-conf';

const targetsOf = (a: AirflowAction): string[] => {
  switch (a.kind) {
    case 'clear_task_instances':
      return a.taskIds.map((t) => `${a.dagId} › ${t} · ${a.runId}`);
    case 'mark_task_instance':
      return [`${a.dagId} › ${a.taskId} · ${a.runId}`];
    case 'set_task_instance_note':
      return [`${a.dagId} › ${a.taskId}${a.mapIndex >= 0 ? `[${a.mapIndex}]` : ''} · ${a.runId}`];
    case 'mark_run':
    case 'set_run_note':
    case 'clear_failed_in_run':
      return [`${a.dagId} · ${a.runId}`];
    case 'pause_dag':
    case 'trigger_dag':
      return [a.dagId];
  }
};

/**
 * Changes to Airflow, only ever on a person's confirmed request: refused
 * without any request in read-only environments, previewed with Airflow's own
 * dry runs where the API has them, confirmed by naming the environment, and
 * written to the append-only audit log whatever the outcome.
 */
export class ActionService {
  private readonly previews: PreviewReader;

  constructor(
    private readonly db: Database.Database,
    private readonly envs: EnvironmentService,
    private readonly audit: AuditLog,
    private readonly afterChange: (envId: string) => void,
  ) {
    this.previews = new PreviewReader(db);
  }

  private writable(envId: string) {
    const env = this.envs.get(envId);
    if (env.synthetic)
      throw new ApiError(
        'read_only',
        'The Demo environment is synthetic: there is no Airflow to change.',
        'Connect a real Airflow in Settings.',
      );
    if (env.readOnly) {
      throw new ApiError(
        'read_only',
        `${env.name} is read-only: nothing was sent to Airflow.`,
        'Allow actions in Settings → Environments → Edit (untick "Read-only").',
      );
    }
    return env;
  }

  private async client(envId: string): Promise<{ http: AirflowHttpClient; api: 'v1' | 'v2' }> {
    const config = await this.envs.connectionConfig(envId);
    const api = config.apiVersion ?? 'v2';
    return { http: createAirflowClient(config, api), api };
  }

  async preview(envId: string, actions: AirflowAction[]): Promise<ActionPreview[]> {
    this.writable(envId);
    assertTriggerConf(this.db, envId, actions);
    const { http, api } = await this.client(envId);
    try {
      const out: ActionPreview[] = [];
      for (const action of actions) {
        const call = mutationCall(api, action, true);
        if (call === null) {
          out.push(this.previews.fromCache(envId, action));
          continue;
        }
        try {
          out.push(this.previews.fromDryRun(envId, action, await http.json(call.spec)));
        } catch (error) {
          const why = explainActionError(error);
          throw new ApiError('unavailable', `Airflow could not preview this: ${why.message}`, why.hint);
        }
      }
      return out;
    } finally {
      await http.close();
    }
  }

  private refuse(envId: string, envName: string, actions: AirflowAction[], error: ApiError): never {
    for (const a of actions)
      this.audit.record({
        envId,
        envName,
        action: a.kind,
        targets: targetsOf(a),
        preview: null,
        result: 'refused',
        message: error.message,
      });
    throw error;
  }

  async execute(envId: string, actions: AirflowAction[], confirmation: string): Promise<ActionOutcome[]> {
    let env;
    try {
      env = this.writable(envId);
    } catch (error) {
      if (error instanceof ApiError) this.refuse(envId, this.envs.list().find((e) => e.id === envId)?.name ?? envId, actions, error);
      throw error;
    }
    if (confirmation.trim() !== env.name) {
      const hint = isProductionColor(env.color) ? 'This is a production environment: the name must be typed exactly.' : undefined;
      this.refuse(envId, env.name, actions, new ApiError('invalid_input', `Type the environment's name (${env.name}) to confirm.`, hint));
    }
    try {
      assertTriggerConf(this.db, envId, actions);
    } catch (error) {
      if (error instanceof ApiError) this.refuse(envId, env.name, actions, error);
      throw error;
    }
    const previews = await this.preview(envId, actions);
    const { http, api } = await this.client(envId);
    const outcomes: ActionOutcome[] = [];
    try {
      for (const [i, action] of actions.entries()) {
        const preview = previews[i];
        const previewText = preview
          ? `${preview.summary}\n${preview.changes.map((c) => `${c.target}: ${c.from ?? '—'} → ${c.to}`).join('\n')}`
          : null;
        const call = mutationCall(api, action, false);
        try {
          if (call === null) throw new Error('no call for this action');
          await http.json(call.spec);
          const message = preview?.summary ?? action.kind;
          const auditId = this.audit.record({
            envId,
            envName: env.name,
            action: action.kind,
            targets: targetsOf(action),
            preview: previewText,
            result: 'succeeded',
            message,
          });
          outcomes.push({ ok: true, target: targetsOf(action).join(', '), message, auditId });
        } catch (error) {
          const why = explainActionError(error);
          const auditId = this.audit.record({
            envId,
            envName: env.name,
            action: action.kind,
            targets: targetsOf(action),
            preview: previewText,
            result: 'failed',
            message: why.message,
          });
          outcomes.push({
            ok: false,
            target: targetsOf(action).join(', '),
            message: why.message,
            ...(why.hint ? { hint: why.hint } : {}),
            auditId,
          });
        }
      }
    } finally {
      await http.close();
    }
    if (outcomes.some((o) => o.ok)) this.afterChange(envId);
    return outcomes;
  }
}
