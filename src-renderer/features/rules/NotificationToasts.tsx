import { useEffect, useState } from 'react';
import type { AppNotification } from '../../../src-shared/domain/rules';
import { useApi } from '../../platform/api/api-context';
import { formatRoute } from '../../platform/routing/route';

const SHOW_MS = 10_000;
const MAX = 3;

/** Toasts for `notifications.new`: the newest three, each for ten seconds, linking to the DAG and to the list. */
export function NotificationToasts() {
  const api = useApi();
  const [toasts, setToasts] = useState<AppNotification[]>([]);
  useEffect(
    () =>
      api.on('notifications.new', (n) => {
        setToasts((list) => [n, ...list].slice(0, MAX));
        setTimeout(() => setToasts((list) => list.filter((t) => t.id !== n.id)), SHOW_MS);
      }),
    [api],
  );
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
      {toasts.map((t) => (
        <div key={t.id} className="toast">
          <strong>{t.title}</strong>
          <span className="muted">
            {t.ruleName} · <a href={formatRoute('dag', { env: t.envId, dag: t.dagId })}>{t.subject}</a> ·{' '}
            <a href={`${formatRoute('settings')}`}>all notifications</a>
          </span>
          <button
            type="button"
            className="toast-close"
            aria-label="Dismiss"
            onClick={() => setToasts((list) => list.filter((x) => x.id !== t.id))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
