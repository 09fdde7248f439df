// The fairness screens' words (real-name verification, draws), in the three languages with
// identical keys (the type enforces it). They load with the screens that use them.
import { defineCatalogue } from '../../i18n/catalogue';
import type { FairKey } from './fairMessages.en';

export type { FairKey };

export const fairMessages = await defineCatalogue<FairKey>({
  en: () => import('./fairMessages.en'),
  'zh-Hans': () => import('./fairMessages.zh-Hans'),
  'zh-Hant': () => import('./fairMessages.zh-Hant'),
});

/** Translate a fairness message in the current language. */
export const tf = fairMessages.t;
/** A key built from server data (a level, a state), when we have words for it. */
export const tfMaybe = fairMessages.maybe;
