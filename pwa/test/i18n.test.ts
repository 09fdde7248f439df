import { afterEach, describe, expect, it } from 'vitest';
import { formatMessage, type Message, type Table } from '../src/i18n/catalogue';
import { bindDocumentLanguage, LOCALES, locale, negotiateLocale, setLocale, translate, type Locale } from '../src/i18n';
import { formatMoney, formatNumber } from '../src/i18n/format';
import { LOCAL_KEYS } from '../src/offline/keys';

// Every catalogue's language files, found on disk: a new feature catalogue is checked without
// being listed here. Each is `<name>.<locale>.ts` (features) or `i18n/<locale>.ts` (the core).
const files = import.meta.glob<{ default: Table<string> }>(['../src/i18n/{en,zh-Hans,zh-Hant}.ts', '../src/features/*/*Messages.{en,zh-Hans,zh-Hant}.ts'], { eager: true });
const catalogueNames = new Map<string, Partial<Record<Locale, Table<string>>>>();
for (const [path, module] of Object.entries(files)) {
  const match = /\/(?:i18n\/|(\w+Messages)\.)(en|zh-Hans|zh-Hant)\.ts$/.exec(path);
  if (!match) throw new Error(`not a catalogue file: ${path}`);
  const name = match[1] ?? 'core';
  const entry = catalogueNames.get(name) ?? {};
  entry[match[2] as Locale] = module.default;
  catalogueNames.set(name, entry);
}
const catalogues = [...catalogueNames.entries()].map(([name, languages]) => ({ name, languages }));

const texts = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.entries(message).filter(([form]) => form !== 'count').map(([, text]) => text as string);
const placeholders = (message: Message) =>
  [...new Set(texts(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

describe('message catalogues', () => {
  it('finds the core catalogue and every feature catalogue, in each language', () => {
    const declared = Object.keys(import.meta.glob('../src/features/*/*Messages.ts')).map((path) => /(\w+Messages)\.ts$/.exec(path)?.[1]);
    expect(declared.length).toBeGreaterThanOrEqual(6);
    expect(catalogues.map((c) => c.name).sort()).toEqual(['core', ...declared].sort());
    for (const { languages } of catalogues) expect(Object.keys(languages).sort()).toEqual([...LOCALES].sort());
  });

  describe.each(catalogues)('$name', ({ languages }) => {
    const english = languages.en!;
    const reference = Object.keys(english).sort();

    it.each(LOCALES)('%s has exactly the keys of the English file', (code) => {
      expect(Object.keys(languages[code]!).sort()).toEqual(reference);
    });

    it.each(LOCALES)('%s has no empty message', (code) => {
      const empty = Object.entries(languages[code]!).filter(([, message]) => texts(message).some((text) => text.trim() === ''));
      expect(empty).toEqual([]);
    });

    it('says every count with Intl.PluralRules (a Plural message), never one string for all numbers', () => {
      // "{n} services", "{days} working days", "{max} characters": a count before a noun in English.
      const counted = /\{(n|count|days|seconds|minutes|hours|max|total)\}\s+(?:\w+\s+)?[a-z]{2,}s\b/;
      const single = Object.entries(english).filter(([, message]) => typeof message === 'string' && counted.test(message));
      expect(single).toEqual([]);
    });

    it.each(LOCALES)('%s gives every Plural its "other" form and names a parameter English uses', (code) => {
      const broken = reference.filter((key) => {
        const message = languages[code]![key];
        if (message === undefined || typeof message === 'string') return false;
        return !message.other || !placeholders(english[key] ?? '').includes(message.count);
      });
      expect(broken).toEqual([]);
    });

    it.each(LOCALES)('%s uses the same {placeholders} as English in every message', (code) => {
      const mismatched = reference.filter((key) => placeholders(languages[code]![key] ?? '').join() !== placeholders(english[key] ?? '').join());
      expect(mismatched).toEqual([]);
    });
  });

  it('fills placeholders in the requested language', async () => {
    await setLocale('zh-Hant');
    await setLocale('en');
    expect(translate('en', 'footer.serverVersion', { version: '1.2.3' })).toBe('Server version 1.2.3');
    expect(translate('zh-Hant', 'footer.serverVersion', { version: '1.2.3' })).toBe('伺服器版本 1.2.3');
  });
});

describe('lazy catalogues', () => {
  afterEach(() => localStorage.clear());

  it('a switch shows only once the new language has arrived', async () => {
    await setLocale('en');
    const switching = setLocale('zh-Hans');
    expect(locale.value).toBe('en');
    await switching;
    expect(locale.value).toBe('zh-Hans');
  });

  it('the last of two quick switches wins', async () => {
    await setLocale('en');
    const first = setLocale('zh-Hant');
    const second = setLocale('zh-Hans');
    await Promise.all([first, second]);
    expect(locale.value).toBe('zh-Hans');
  });

  it('picks the plural form of the language with Intl.PluralRules', () => {
    const services = { count: 'n', one: '{n} service', other: '{n} services' } as const;
    expect(formatMessage('en', services, { n: 1 })).toBe('1 service');
    expect(formatMessage('en', services, { n: 0 })).toBe('0 services');
    expect(formatMessage('en', services, { n: 2 })).toBe('2 services');
    // Chinese has one form for every number: "other"
    expect(formatMessage('zh-Hans', { count: 'n', other: '{n} 项' }, { n: 1 })).toBe('1 项');
    expect(formatMessage('zh-Hans', { count: 'n', one: 'never', other: '{n} 项' }, { n: 1 })).toBe('1 项');
  });

  it('formats a message with its parameters', () => {
    expect(formatMessage('en', 'Hello {name}, {name}', { name: 'Li' })).toBe('Hello Li, Li');
    expect(formatMessage('en', 'Left {missing}', {})).toBe('Left {missing}');
  });
});

describe('language negotiation', () => {
  it.each([
    [['zh-TW'], 'zh-Hant'],
    [['zh-HK', 'en'], 'zh-Hant'],
    [['zh-MO'], 'zh-Hant'],
    [['zh-Hant'], 'zh-Hant'],
    [['zh-Hant-CN'], 'zh-Hant'],
    [['zh-Hans-HK'], 'zh-Hans'],
    [['zh-CN'], 'zh-Hans'],
    [['zh-SG'], 'zh-Hans'],
    [['zh'], 'zh-Hans'],
    [['zh_TW'], 'zh-Hant'],
    [['en-GB', 'zh-CN'], 'en'],
    [['fr-FR', 'zh-HK'], 'zh-Hant'],
    [['fr-FR', 'de'], 'en'],
    [[], 'en'],
  ] as const)('%j -> %s', (preferred, expected) => {
    expect(negotiateLocale(preferred)).toBe(expected);
  });
});

describe('language switcher state', () => {
  afterEach(() => localStorage.clear());

  it('remembers the choice and sets <html lang>', async () => {
    const dispose = bindDocumentLanguage(document);
    await setLocale('zh-Hant');
    expect(locale.value).toBe('zh-Hant');
    expect(localStorage.getItem(LOCAL_KEYS.locale)).toBe('zh-Hant');
    expect(document.documentElement.lang).toBe('zh-Hant');
    await setLocale('en');
    expect(document.documentElement.lang).toBe('en');
    dispose();
  });
});

describe('Intl helpers', () => {
  it('formats money and numbers for the given language', () => {
    expect(formatMoney(1234.5, 'CNY', 'en')).toBe('CN¥1,234.50');
    expect(formatMoney(1234.5, 'CNY', 'zh-Hans')).toBe('¥1,234.50');
    expect(formatNumber(1234567, undefined, 'en')).toBe('1,234,567');
  });
});
