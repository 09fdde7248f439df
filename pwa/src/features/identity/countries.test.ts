import { describe, expect, it } from 'vitest';
import { COUNTRIES, countryName, resolveCountry, searchCountries, type Overrides } from './countries';

const overrides: Overrides = (code, target) =>
  code === 'HKG' ? ({ en: 'Hong Kong, China', 'zh-Hans': '中国香港', 'zh-Hant': '中國香港' } as const)[target] : undefined;

describe('the country list', () => {
  it('holds every ISO 3166-1 country once, as alpha-3 with its alpha-2', () => {
    expect(COUNTRIES.length).toBe(249);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(249);
    for (const c of COUNTRIES) {
      expect(c.code).toMatch(/^[A-Z]{3}$/);
      expect(c.alpha2).toMatch(/^[A-Z]{2}$/);
    }
    expect(COUNTRIES.find((c) => c.code === 'CHN')?.alpha2).toBe('CN');
    expect(COUNTRIES.find((c) => c.code === 'GBR')?.alpha2).toBe('GB');
  });

  it('names a country in the person’s language, with the service’s own names first', () => {
    expect(countryName('GBR', 'en')).toBe('United Kingdom');
    expect(countryName('CHN', 'zh-Hans')).toBe('中国');
    expect(countryName('DEU', 'zh-Hant')).toBe('德國');
    expect(countryName('HKG', 'zh-Hans', overrides)).toBe('中国香港');
    expect(countryName('UTO', 'en')).toBe('UTO'); // a code we do not list is shown as it is
  });
});

describe('searching countries', () => {
  it('finds by name in the screen’s language, in English and in Chinese, and by code', () => {
    expect(searchCountries('germ', 'en')[0]?.code).toBe('DEU');
    expect(searchCountries('德国', 'en')[0]?.code).toBe('DEU');
    expect(searchCountries('germany', 'zh-Hans')[0]?.code).toBe('DEU');
    expect(searchCountries('英國', 'zh-Hant')[0]?.code).toBe('GBR');
    expect(searchCountries('gbr', 'zh-Hans')[0]?.code).toBe('GBR');
    expect(searchCountries('香港', 'en', overrides)[0]?.code).toBe('HKG');
  });

  it('ignores accents and case, and puts names that start with the text first', () => {
    expect(searchCountries('cote', 'en').map((c) => c.code)).toContain('CIV');
    const results = searchCountries('united', 'en').map((c) => c.code);
    expect(results.slice(0, 3)).toEqual(expect.arrayContaining(['ARE', 'GBR', 'USA']));
  });

  it('gives at most eight suggestions and none for nothing typed', () => {
    expect(searchCountries('a', 'en').length).toBe(8);
    expect(searchCountries('   ', 'en')).toEqual([]);
    expect(searchCountries('zzzz', 'en')).toEqual([]);
  });
});

describe('resolving a finished entry', () => {
  it('takes a code, a full name in any language, or three letters the list lacks', () => {
    expect(resolveCountry('chn', 'en')).toBe('CHN');
    expect(resolveCountry('France', 'zh-Hans')).toBe('FRA');
    expect(resolveCountry(' 日本 ', 'en')).toBe('JPN');
    expect(resolveCountry('UNO', 'en')).toBe('UNO');
    expect(resolveCountry('Fran', 'en')).toBe('');
    expect(resolveCountry('', 'en')).toBe('');
  });
});
