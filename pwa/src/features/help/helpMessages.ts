// The help, feedback and public column screens' words (loaded with those chunks only).
import { defineCatalogue } from '../../i18n/catalogue';
import type { HelpKey } from './helpMessages.en';

export type { HelpKey };

export const helpMessages = await defineCatalogue<HelpKey>({
  en: () => import('./helpMessages.en'),
  'zh-Hans': () => import('./helpMessages.zh-Hans'),
  'zh-Hant': () => import('./helpMessages.zh-Hant'),
});

export const th = helpMessages.t;
export const thMaybe = helpMessages.maybe;
