// Mark one message read (a tap in the inbox or on a system notification) and update the badge.
import { request } from '../../graphql/client';
import { NotificationsMarkReadDocument } from '../../graphql/generated/graphql';
import { refreshUnreadCount } from './notificationsBadge';

export async function markNotificationRead(notificationId: string): Promise<boolean> {
  try {
    const outcome = (await request(NotificationsMarkReadDocument, { notificationId })).notificationMarkRead;
    return outcome.__typename === 'NotificationDone';
  } catch {
    return false; // offline: it stays unread and the person can mark it later
  } finally {
    await refreshUnreadCount();
  }
}
