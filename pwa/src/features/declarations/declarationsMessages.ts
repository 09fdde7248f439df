// The declaration wizard's, the traveller's declaration's and the officer's verification words, in the three languages with identical keys (the type enforces
// it). Only the current language's file is fetched, with the screens that use them.
import { defineCatalogue } from '../../i18n/catalogue';
import type { DeclarationsKey } from './declarationsMessages.en';

export type { DeclarationsKey };

/** Importing this module waits for the words in the current language. */
export const declarationsMessages = await defineCatalogue<DeclarationsKey>({
  en: () => import('./declarationsMessages.en'),
  'zh-Hans': () => import('./declarationsMessages.zh-Hans'),
  'zh-Hant': () => import('./declarationsMessages.zh-Hant'),
});

/** Translate a declarations message in the current language (re-renders on a switch). */
export const td = declarationsMessages.t;
