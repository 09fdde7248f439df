import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { request } from '../../graphql/client';
import {
  NotificationsInboxDocument,
  NotificationsMarkAllReadDocument,
  type NotificationsInboxQuery,
} from '../../graphql/generated/graphql';
import { formatDateTime } from '../../i18n/format';
import { onPushReceived } from '../../sw-bridge';
import { isInAppLink } from '../../sw/protocol';
import { setUnreadCount } from './notificationsBadge';
import { tn, tnMaybe } from './notificationsMessages';
import { markNotificationRead } from './notificationsRead';

type InboxNode = NotificationsInboxQuery['myNotifications']['nodes'][number];

const PAGE_SIZE = 20;

/** The inbox, newest first; refetches when a push arrives while it is open. */
export function NotificationsInbox() {
  const [nodes, setNodes] = useState<InboxNode[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  // Each read of the first page starts a new generation: pushes arriving close together start
  // overlapping reads, and only the latest may show its answer (an earlier one arriving last
  // would hide the newest message); a "more" page read for an older generation is dropped
  // (appended to the new first page, it would list messages twice).
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const page = (await request(NotificationsInboxDocument, { first: PAGE_SIZE, after: null, unreadOnly: false }))
        .myNotifications;
      if (mine !== generation.current) return;
      setNodes(page.nodes);
      setCursor(page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
      setUnread(page.unreadCount);
      setUnreadCount(page.unreadCount);
      setFailed(false);
    } catch {
      if (mine === generation.current) setFailed(true);
    }
  }, []);

  useEffect(() => {
    void load();
    return onPushReceived(() => void load());
  }, [load]);

  const more = async () => {
    if (!cursor) return;
    const mine = generation.current;
    try {
      const page = (await request(NotificationsInboxDocument, { first: PAGE_SIZE, after: cursor, unreadOnly: false }))
        .myNotifications;
      if (mine !== generation.current) return;
      setNodes((current) => [...(current ?? []), ...page.nodes]);
      setCursor(page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
    } catch {
      setFailed(true);
    }
  };

  const open = (node: InboxNode) => {
    if (node.readAt) return;
    const now = new Date().toISOString();
    setNodes((current) => current?.map((n) => (n.id === node.id ? { ...n, readAt: now } : n)) ?? null);
    if (!node.superseded) {
      setUnread((count) => Math.max(0, count - 1));
    }
    void markNotificationRead(node.id);
  };

  const markAll = async () => {
    try {
      await request(NotificationsMarkAllReadDocument, {});
    } finally {
      await load();
    }
  };

  if (failed && nodes === null) {
    return (
      <Notice kind="error" live="alert">
        <p>{tn('inbox.loadError')}</p>
        <Button variant="secondary" onClick={() => void load()}>
          {tn('inbox.retry')}
        </Button>
      </Notice>
    );
  }
  if (nodes === null) return <p role="status">{tn('inbox.loading')}</p>;

  return (
    <div class="inbox">
      <div class="inbox__summary">
        <p role="status" data-testid="inbox-unread">
          {unread > 0 ? tn('inbox.unreadCount', { count: unread }) : tn('inbox.allRead')}
        </p>
        {unread > 0 && (
          <Button variant="secondary" onClick={() => void markAll()}>
            {tn('inbox.markAllRead')}
          </Button>
        )}
      </div>
      {nodes.length === 0 ? (
        <p>{tn('inbox.empty')}</p>
      ) : (
        <ul class="inbox__list">
          {nodes.map((node) => {
            const unreadNow = !node.readAt && !node.superseded;
            const classes = ['inbox-item', unreadNow ? 'inbox-item--unread' : '', node.superseded ? 'inbox-item--superseded' : '']
              .filter(Boolean)
              .join(' ');
            return (
              <li key={node.id} class={classes} data-notification-id={node.id} data-read={node.readAt ? 'true' : 'false'}>
                <p class="inbox-item__meta">
                  <span>{tnMaybe(`inbox.type.${node.type}`) ?? node.type}</span>
                  <time dateTime={node.createdAt}>{formatDateTime(node.createdAt)}</time>
                </p>
                <h2 class="inbox-item__title">
                  <a href={isInAppLink(node.link) ? node.link : '/inbox'} onClick={() => open(node)}>
                    {unreadNow && <span class="visually-hidden">{tn('inbox.unread')}: </span>}
                    {node.title}
                  </a>
                </h2>
                {node.body && <p class="inbox-item__body">{node.body}</p>}
                <p class="inbox-item__tags">
                  {unreadNow && (
                    <span class="tag" aria-hidden="true">
                      {tn('inbox.unread')}
                    </span>
                  )}
                  {node.urgency === 'HIGH' && <span class="tag">{tn('inbox.urgent')}</span>}
                  {node.superseded && (
                    <span class="inbox-item__superseded" data-testid="superseded">
                      {tn('inbox.superseded')}
                    </span>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {cursor && (
        <Button variant="secondary" onClick={() => void more()}>
          {tn('inbox.more')}
        </Button>
      )}
    </div>
  );
}
