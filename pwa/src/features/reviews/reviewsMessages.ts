// The officer review screens' words, in the three languages with identical keys (the type
// enforces it). They load with the /officer/reviews chunks, not with the first screen.
import { defineCatalogue } from '../../i18n/catalogue';
import type { ReviewsKey } from './reviewsMessages.en';

export type { ReviewsKey };

/** Only the current language's file is fetched; importing this module waits for it. */
export const reviewsMessages = await defineCatalogue<ReviewsKey>({
  en: () => import('./reviewsMessages.en'),
  'zh-Hans': () => import('./reviewsMessages.zh-Hans'),
  'zh-Hant': () => import('./reviewsMessages.zh-Hant'),
});

/** Translate a reviews message in the current language (re-renders on a switch). */
export const tr = reviewsMessages.t;
