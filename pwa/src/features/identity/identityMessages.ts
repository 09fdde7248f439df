// The sign-in, sign-up, account, security and enterprise screens' words, in the three languages with identical keys (the type enforces
// it). Only the current language's file is fetched, with the screens that use them.
import { defineCatalogue } from '../../i18n/catalogue';
import type { IdentityKey } from './identityMessages.en';

export type { IdentityKey };

/** Importing this module waits for the words in the current language. */
export const identityMessages = await defineCatalogue<IdentityKey>({
  en: () => import('./identityMessages.en'),
  'zh-Hans': () => import('./identityMessages.zh-Hans'),
  'zh-Hant': () => import('./identityMessages.zh-Hant'),
});

/** Translate a identity message in the current language (re-renders on a switch). */
export const ti = identityMessages.t;
