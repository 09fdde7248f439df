import { signal, effect } from '@preact/signals';
import { LOCAL_KEYS } from '../offline/keys';
import { en } from './en';
import { zhHans } from './zh-Hans';
import { zhHant } from './zh-Hant';
import { LOCALES, type Locale, type MessageKey, type Messages } from './types';

export { LOCALES, type Locale, type MessageKey, type Messages };

export const catalogues: Record<Locale, Messages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/** The best supported locale for one BCP 47 tag, or null when we have none for it. */
export function localeForTag(tag: string): Locale | null {
  const parts = tag.toLowerCase().replace(/_/g, '-').split('-');
  const [language, ...rest] = parts;
  if (language === 'en') return 'en';
  if (language !== 'zh') return null;
  if (rest.includes('hant')) return 'zh-Hant';
  if (rest.includes('hans')) return 'zh-Hans';
  return rest.some((part) => TRADITIONAL_REGIONS.has(part)) ? 'zh-Hant' : 'zh-Hans';
}

/** First of the person's preferred languages that we support; English when none is. */
export function negotiateLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const locale = localeForTag(tag);
    if (locale) return locale;
  }
  return 'en';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readStoredLocale(): Locale | null {
  try {
    const stored = globalThis.localStorage?.getItem(LOCAL_KEYS.locale);
    return isLocale(stored) ? stored : null;
  } catch {
    return null; // storage blocked (private mode, policy): follow the browser
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export function initialLocale(): Locale {
  return readStoredLocale() ?? negotiateLocale(browserLanguages());
}

export const locale = signal<Locale>(initialLocale());

/** Switch language and remember the choice on this device. */
export function setLocale(next: Locale): void {
  locale.value = next;
  try {
    localStorage.setItem(LOCAL_KEYS.locale, next);
  } catch {
    // Not remembered, but the switch still applies for this visit.
  }
}

/** Keep <html lang> in step with the chosen language. Returns the disposer. */
export function bindDocumentLanguage(doc: Document = document): () => void {
  return effect(() => {
    doc.documentElement.lang = locale.value;
  });
}

export type Params = Record<string, string | number>;

export function translate(target: Locale, key: MessageKey, params?: Params): string {
  const template = catalogues[target][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Translate in the current language; reading `locale.value` makes components re-render on a switch. */
export function t(key: MessageKey, params?: Params): string {
  return translate(locale.value, key, params);
}
