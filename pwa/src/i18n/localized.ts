// Server texts in the three languages (LocalizedText in the schema), shown in the current one.
import { locale } from './index';

export interface LocalizedText {
  zhHans: string;
  zhHant: string;
  en: string;
}

/** The text in the current language (re-renders on a switch); Simplified Chinese when empty. */
export function pick(text: LocalizedText | null | undefined): string {
  if (!text) return '';
  const value = locale.value === 'zh-Hans' ? text.zhHans : locale.value === 'zh-Hant' ? text.zhHant : text.en;
  return value || text.zhHans;
}
