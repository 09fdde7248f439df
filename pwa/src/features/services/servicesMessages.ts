// The catalogue, apply and application screens' words, in the three languages with identical keys
// (the type enforces it). They load with the /services chunks, not with the first screen.
import { defineCatalogue } from '../../i18n/catalogue';
import type { ServicesKey } from './servicesMessages.en';

export type { ServicesKey };

/** Only the current language's file is fetched; importing this module waits for it. */
export const servicesMessages = await defineCatalogue<ServicesKey>({
  en: () => import('./servicesMessages.en'),
  'zh-Hans': () => import('./servicesMessages.zh-Hans'),
  'zh-Hant': () => import('./servicesMessages.zh-Hant'),
});

/** Translate a services message in the current language (re-renders on a switch). */
export const ts = servicesMessages.t;
/** A key built from server data (a status, a kind, a choice), when we have words for it. */
export const tsMaybe = servicesMessages.maybe;
