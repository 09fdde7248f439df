import { afterEach, describe, expect, it } from 'vitest';
import { bindDocumentLanguage, catalogues, LOCALES, locale, negotiateLocale, setLocale, translate } from '../src/i18n';
import { formatMoney, formatNumber } from '../src/i18n/format';
import { LOCAL_KEYS } from '../src/offline/keys';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const reference = Object.keys(catalogues.en).sort();

  it.each(LOCALES)('%s has exactly the keys of the English catalogue', (code) => {
    expect(Object.keys(catalogues[code]).sort()).toEqual(reference);
  });

  it.each(LOCALES)('%s has no empty message', (code) => {
    const empty = Object.entries(catalogues[code]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(LOCALES)('%s uses the same {placeholders} as English in every message', (code) => {
    const mismatched = reference.filter(
      (key) => placeholders(catalogues[code][key as keyof typeof catalogues.en]).join() !== placeholders(catalogues.en[key as keyof typeof catalogues.en]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('fills placeholders in the requested language', () => {
    expect(translate('en', 'footer.serverVersion', { version: '1.2.3' })).toBe('Server version 1.2.3');
    expect(translate('zh-Hant', 'footer.serverVersion', { version: '1.2.3' })).toBe('伺服器版本 1.2.3');
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

  it('remembers the choice and sets <html lang>', () => {
    const dispose = bindDocumentLanguage(document);
    setLocale('zh-Hant');
    expect(locale.value).toBe('zh-Hant');
    expect(localStorage.getItem(LOCAL_KEYS.locale)).toBe('zh-Hant');
    expect(document.documentElement.lang).toBe('zh-Hant');
    setLocale('en');
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
