// The inbox and push screens' words, in the three languages with identical keys (the type
// enforces it). They load with the /inbox and /me chunks, not with the first screen; only the
// header badge's words live in the main catalogues.
import { defineCatalogue } from '../../i18n/catalogue';
import type { NotificationsKey } from './notificationsMessages.en';

export type { NotificationsKey };

/** Only the current language's file is fetched; importing this module waits for it. */
export const notificationsMessages = await defineCatalogue<NotificationsKey>({
  en: () => import('./notificationsMessages.en'),
  'zh-Hans': () => import('./notificationsMessages.zh-Hans'),
  'zh-Hant': () => import('./notificationsMessages.zh-Hant'),
});

/** Translate a notifications message in the current language (re-renders on a switch). */
export const tn = notificationsMessages.t;
/** A key built from server data (a status, a kind, a choice), when we have words for it. */
export const tnMaybe = notificationsMessages.maybe;
