import { airflowEvents } from '../../services/actions/airflow-event-log';
import { dagParams } from '../../services/actions/trigger-conf';
import type { Handlers } from '../dispatcher';
import { redactSecrets } from '../../services/credentials/secret-redaction';
import type { EngineContext } from '../engine-context';

type ActionRequest =
  | 'actions.preview'
  | 'actions.execute'
  | 'actions.triggerParams'
  | 'audit.list'
  | 'audit.export'
  | 'audit.airflowEvents';

export function actionHandlers(ctx: EngineContext): Pick<Handlers, ActionRequest> {
  return {
    'actions.preview': ({ envId, actions }) => ctx.actions.preview(envId, actions),
    'actions.execute': ({ envId, actions, confirmation }) => ctx.actions.execute(envId, actions, confirmation),
    'actions.triggerParams': ({ envId, dagId }) => ({ params: dagParams(ctx.cache.db, envId, dagId) }),
    'audit.list': ({ envId, limit }) => ctx.audit.list(envId, limit),
    'audit.airflowEvents': ({ envId, limit }) => airflowEvents(ctx.cache.db, envId, limit),
    'audit.export': ({ envId, format }) => ({ text: redactSecrets(ctx.audit.export(envId, format)), format }),
  };
}
