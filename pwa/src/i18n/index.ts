import { effect } from '@preact/signals';
import { LOCAL_KEYS } from '../offline/keys';
import { defineCatalogue, loadEveryCatalogue, type Params } from './catalogue';
import { LOCALES, initialLocale, isLocale, locale, localeForTag, negotiateLocale, type Locale } from './locale';
import type { MessageKey } from './en';

export { LOCALES, initialLocale, isLocale, locale, localeForTag, negotiateLocale, type Locale, type MessageKey, type Params };

/** The shell's and the core screens' words: only the current language's file is fetched. */
export const core = await defineCatalogue<MessageKey>({
  en: () => import('./en'),
  'zh-Hans': () => import('./zh-Hans'),
  'zh-Hant': () => import('./zh-Hant'),
});

let requested: Locale = locale.value;

/**
 * Switch language and remember the choice on this device. The switch shows once every
 * catalogue in use has its words in that language (at once when they are cached).
 */
export function setLocale(next: Locale): Promise<void> {
  requested = next;
  try {
    localStorage.setItem(LOCAL_KEYS.locale, next);
  } catch {
    // Not remembered, but the switch still applies for this visit.
  }
  return loadEveryCatalogue(next).then(
    () => {
      if (requested === next) locale.value = next;
    },
    () => {
      // Offline before the words were cached: stay in the language we can show.
    },
  );
}

/** Keep <html lang> in step with the chosen language. Returns the disposer. */
export function bindDocumentLanguage(doc: Document = document): () => void {
  return effect(() => {
    doc.documentElement.lang = locale.value;
  });
}

/** A core message in a given language. */
export function translate(target: Locale, key: MessageKey, params?: Params): string {
  return core.in(target, key, params);
}

/** Translate in the current language; reading `locale.value` makes components re-render on a switch. */
export function t(key: MessageKey, params?: Params): string {
  return core.t(key, params);
}
