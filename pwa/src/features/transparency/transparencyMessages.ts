// The "who looked at my data" screen's words, in the three languages with identical keys (the type enforces it).
import { defineCatalogue } from '../../i18n/catalogue';
import type { TransparencyKey } from './transparencyMessages.en';

export type { TransparencyKey };

/** Importing this module waits for the words in the current language. */
export const transparencyMessages = await defineCatalogue<TransparencyKey>({
  en: () => import('./transparencyMessages.en'),
  'zh-Hans': () => import('./transparencyMessages.zh-Hans'),
  'zh-Hant': () => import('./transparencyMessages.zh-Hant'),
});

/** Translate a transparency message in the current language (re-renders on a switch). */
export const tt = transparencyMessages.t;
