import type { Environment } from '../../../src-shared/domain/environment';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';

/** Whether incident summaries can go to Slack, and a button that proves it. */
export function SlackPanel({ env, configured }: { env: Environment; configured: boolean }) {
  const test = useApiMutation('slack.test');
  if (!configured) {
    return (
      <p className="monitoring-unset muted" data-unset="slack">
        <strong>Slack not configured.</strong> Add an incoming-webhook URL in the monitoring settings to send incident summaries and rule
        notifications.
      </p>
    );
  }
  return (
    <div className="slack-panel">
      <span className="badge badge-ok">webhook configured</span>
      <button type="button" className="button button-small" onClick={() => test.mutate({ envId: env.id })} disabled={test.isPending}>
        {test.isPending ? 'Sending…' : 'Send a test message'}
      </button>
      {test.isSuccess ? (
        <span className="notice-inline" role="status">
          Sent to Slack.
        </span>
      ) : null}
      {test.error !== null ? <ApiErrorNotice error={test.error} title="Slack" /> : null}
    </div>
  );
}
