// The anomaly alerts screen's words, in the three languages with identical keys (the type enforces it).
import { defineCatalogue } from '../../i18n/catalogue';
import type { AlertsKey } from './alertsMessages.en';

export type { AlertsKey };

/** Importing this module waits for the words in the current language. */
export const alertsMessages = await defineCatalogue<AlertsKey>({
  en: () => import('./alertsMessages.en'),
  'zh-Hans': () => import('./alertsMessages.zh-Hans'),
  'zh-Hant': () => import('./alertsMessages.zh-Hant'),
});

/** Translate an alerts message in the current language (re-renders on a switch). */
export const ta = alertsMessages.t;
