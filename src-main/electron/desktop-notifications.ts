import { BrowserWindow, Notification } from 'electron';
import type { EventName } from '../../src-shared/api/events';
import { AppNotification } from '../../src-shared/domain/rules';

/**
 * Shows a rule's `notifications.new` event as a desktop notification when the
 * rule asked for one. Text only (Airflow ids are never markup here); a click
 * brings the window forward, where the toast and the list already show it.
 */
export function forwardDesktopNotification(event: EventName, payload: unknown): void {
  if (event !== 'notifications.new' || !Notification.isSupported()) return;
  const parsed = AppNotification.safeParse(payload);
  if (!parsed.success || !parsed.data.desktop) return;
  const n = parsed.data;
  const shown = new Notification({
    title: n.title.slice(0, 200),
    body: `${n.ruleName} · ${n.subject}\n${n.detail}`.slice(0, 400),
    silent: false,
  });
  shown.on('click', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (window === undefined) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  shown.show();
}
