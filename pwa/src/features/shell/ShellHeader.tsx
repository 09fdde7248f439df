import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import iconUrl from '../../assets/icon.svg';
import { t } from '../../i18n';
import { onOpenLinkRequested } from '../../sw-bridge';
import { NOTIFICATION_PARAM } from '../../sw/protocol';
import { displayName, me, refreshMe, rememberedName } from '../identity/identitySession';
import { startUnreadBadge, unreadCount } from '../notifications/notificationsBadge';

export function ShellHeader() {
  const { route } = useLocation();
  useEffect(() => {
    void refreshMe();
    // back online: ask again (the session may have ended meanwhile)
    const again = () => void refreshMe();
    addEventListener('online', again);
    return () => removeEventListener('online', again);
  }, []);
  useEffect(() => startUnreadBadge(), []);
  // A tapped notification: the worker focused this page and asks it to show the link in-app;
  // or the worker opened a new window at the link with ?notification=<id>.
  useEffect(
    () =>
      onOpenLinkRequested((link, id) => {
        route(link);
        if (id) void import('../notifications/notificationsRead').then((m) => m.markNotificationRead(id));
      }),
    [route],
  );
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const id = params.get(NOTIFICATION_PARAM);
    if (!id) return;
    params.delete(NOTIFICATION_PARAM);
    const rest = params.toString();
    route(location.pathname + (rest ? `?${rest}` : ''), true);
    void import('../notifications/notificationsRead').then((m) => m.markNotificationRead(id));
  }, []);
  const account = me.value;
  const unread = account ? unreadCount.value : 0;
  return (
    <header class="shell-header">
      <a class="shell-header__brand" href="/">
        <img src={iconUrl} alt="" width="32" height="32" />
        <span>{t('app.name')}</span>
      </a>
      <div class="shell-header__links">
        <a class="shell-header__link" href="/inbox" data-testid="header-inbox">
          {t('header.inbox')}
          {unread > 0 && (
            <span class="badge" data-testid="unread-badge">
              <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
              <span class="visually-hidden">{` (${t('header.unread', { count: unread })})`}</span>
            </span>
          )}
        </a>
        {/* A slot of fixed width: the account link arriving after the first paint moves nothing. */}
        <span class="shell-header__account-slot">
          {account ? (
            <a class="shell-header__link shell-header__account" href="/me" data-testid="header-account">
              <span class="visually-hidden">{t('header.signedInAs')} </span>
              {displayName(account) || t('nav.me')}
            </a>
          ) : account === undefined && rememberedName.value ? (
            // not confirmed yet (offline, or the answer is on its way): the name last seen here
            <a class="shell-header__link shell-header__account" href="/me" data-testid="header-account">
              <span class="visually-hidden">{t('header.signedInAs')} </span>
              {rememberedName.value}
            </a>
          ) : account === null ? (
            <a class="shell-header__link shell-header__account" href="/me/sign-in" data-testid="header-account">
              {t('header.signIn')}
            </a>
          ) : null}
        </span>
      </div>
      <LanguageSwitcher />
    </header>
  );
}
