import { z } from 'zod';
import { defineRequest } from '../define';
import { ActionOutcome, ActionPreview, AirflowAction, AirflowEventEntry, AuditEntry } from '../../domain/actions';
import { DagParam } from '../../domain/dag-params';
import { DagId, EnvId } from '../../domain/ids';

const Actions = z.array(AirflowAction).min(1).max(200);

export const actionRequests = {
  'actions.preview': defineRequest(
    'What the actions would change, from Airflow dry runs where the API has them; nothing is changed',
    z.object({ envId: EnvId, actions: Actions }).strict(),
    z.array(ActionPreview),
    { scope: 'environment', reads: [] },
  ),
  'actions.execute': defineRequest(
    'Run confirmed actions on an environment that is not read-only; the confirmation names the environment',
    z.object({ envId: EnvId, actions: Actions, confirmation: z.string().max(200) }).strict(),
    z.array(ActionOutcome),
    { scope: 'app', changes: ['audit', 'runs', 'task_instances', 'dags'], changesOnError: ['audit'] },
  ),
  'actions.triggerParams': defineRequest(
    "The params a DAG declares (default, description, JSON schema), as last synced, to fill and check a trigger's conf",
    z.object({ envId: EnvId, dagId: DagId }).strict(),
    z.object({ params: z.array(DagParam) }),
    { scope: 'environment', reads: ['dags'] },
  ),
  'audit.list': defineRequest(
    'The local, append-only audit log of actions, newest first',
    z.object({ envId: EnvId.optional(), limit: z.number().int().min(1).max(5000).default(200) }).strict(),
    z.array(AuditEntry),
    { scope: 'app', reads: ['audit'] },
  ),
  'audit.airflowEvents': defineRequest(
    "Airflow's own event log of an environment, newest first, as last synced",
    z.object({ envId: EnvId, limit: z.number().int().min(1).max(5000).default(200) }).strict(),
    z.array(AirflowEventEntry),
    { scope: 'environment', reads: ['environments', 'runs'] },
  ),
  'audit.export': defineRequest(
    'The audit log as CSV or JSON text',
    z.object({ envId: EnvId.optional(), format: z.enum(['csv', 'json']) }).strict(),
    z.object({ text: z.string(), format: z.enum(['csv', 'json']) }),
    { scope: 'app', reads: ['audit'] },
  ),
} as const;
