// The chosen language: negotiated from the browser, remembered on this device.
import { signal } from '@preact/signals';
import { LOCAL_KEYS } from '../offline/keys';

export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

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
    const found = localeForTag(tag);
    if (found) return found;
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

/** The language every text is shown in. Change it with setLocale (i18n/index.ts), which loads the words first. */
export const locale = signal<Locale>(initialLocale());
