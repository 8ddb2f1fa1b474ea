import type { Environment } from '../../../src-shared/domain/environment';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { FiringList } from './FiringList';

/** The in-app notifications of rules, newest first; each firing's proposed action opens the action dialog. */
export function NotificationList({ envs }: { envs: readonly Environment[] }) {
  const list = useApiQuery('notifications.list', { limit: 50 });
  const markRead = useApiMutation('notifications.markRead');
  const items = list.data ?? [];
  const unread = items.filter((n) => !n.read).length;
  return (
    <div className="notification-block" id="notifications">
      <div className="section-head">
        <h3>Notifications{unread > 0 ? ` (${unread} unread)` : ''}</h3>
        <button
          type="button"
          className="button"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate({ ids: null })}
        >
          Mark all read
        </button>
      </div>
      {items.length === 0 ? <p className="muted">No notifications yet.</p> : null}
      {envs.map((env) => {
        const mine = items.filter((n) => n.envId === env.id);
        return mine.length === 0 ? null : (
          <div key={env.id}>
            <h4>{env.name}</h4>
            <FiringList firings={[...mine].reverse()} env={env} label={`Notifications of ${env.name}`} />
          </div>
        );
      })}
    </div>
  );
}
