import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { online, sentOnReturn } from '../offline/network';

// shown this long after the network came back, or after the last thing it sent meanwhile
const BACK_ONLINE_MS = 15_000;

/**
 * A clear banner while the device is offline ("your answers are saved on this phone") and, for
 * a few seconds after the network is back, that it is back and what was sent meanwhile.
 */
export function OfflineBanner() {
  const isOnline = online.value;
  const sent = sentOnReturn.value;
  const [returned, setReturned] = useState(false);
  const [wasOffline, setWasOffline] = useState(!isOnline);

  useEffect(() => {
    if (!isOnline) {
      setWasOffline(true);
      setReturned(false);
      return;
    }
    if (!wasOffline) return;
    setReturned(true);
    // the timer starts again whenever something more was sent
    const timer = setTimeout(() => {
      setReturned(false);
      setWasOffline(false);
      sentOnReturn.value = null;
    }, BACK_ONLINE_MS);
    return () => clearTimeout(timer);
  }, [isOnline, sent]);

  return (
    <div class="offline-banner-slot" role="status" aria-live="polite">
      {!isOnline && (
        <p class="offline-banner" data-testid="offline-banner" data-state="offline">
          <strong>{t('offline.banner.title')}</strong> {t('offline.banner.body')}
        </p>
      )}
      {isOnline && returned && (
        <p class="offline-banner offline-banner--back" data-testid="offline-banner" data-state="back">
          <strong>{t('offline.back.title')}</strong>{' '}
          {sent ? t('offline.back.sent', { count: sent }) : t('offline.back.nothing')}
        </p>
      )}
    </div>
  );
}
