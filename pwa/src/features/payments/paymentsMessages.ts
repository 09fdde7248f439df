// The payment words (traveller's panel, officer's receipt check, reconciliation), in the three
// languages with identical keys (the type enforces it). Only the current language is fetched.
import { defineCatalogue } from '../../i18n/catalogue';
import type { PaymentsKey } from './paymentsMessages.en';

export type { PaymentsKey };

/** Importing this module waits for the words in the current language. */
export const paymentsMessages = await defineCatalogue<PaymentsKey>({
  en: () => import('./paymentsMessages.en'),
  'zh-Hans': () => import('./paymentsMessages.zh-Hans'),
  'zh-Hant': () => import('./paymentsMessages.zh-Hant'),
});

/** Translate a payments message in the current language (re-renders on a switch). */
export const tp = paymentsMessages.t;
