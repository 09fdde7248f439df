// The passport reader's words, in the three languages with identical keys (the type enforces
// it). Loaded with the reader's lazy chunk only.
import { defineCatalogue } from '../../i18n/catalogue';
import type { PassportKey } from './passportMessages.en';

export const passportMessages = await defineCatalogue<PassportKey>({
  en: () => import('./passportMessages.en'),
  'zh-Hans': () => import('./passportMessages.zh-Hans'),
  'zh-Hant': () => import('./passportMessages.zh-Hant'),
});

export const tp = passportMessages.t;
