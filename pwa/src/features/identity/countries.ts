// Countries for the picker: names in the person's language from Intl.DisplayNames (no data to
// ship beyond the code table), searchable by name in that language, in English and in Chinese,
// and by code. A few names follow the customs service's usage rather than ICU's (see `overrides`).
import type { Locale } from '../../i18n/locale';
import { COUNTRY_CODES } from './countryCodes';

export interface Country {
  /** ISO 3166-1 alpha-3, what documents print and the server stores. */
  readonly code: string;
  readonly alpha2: string;
}

export const COUNTRIES: readonly Country[] = Array.from({ length: COUNTRY_CODES.length / 5 }, (_, i) => ({
  code: COUNTRY_CODES.slice(i * 5, i * 5 + 3),
  alpha2: COUNTRY_CODES.slice(i * 5 + 3, i * 5 + 5),
}));

const byCode = new Map(COUNTRIES.map((c) => [c.code, c]));

/** Names the service uses in place of ICU's (keyed by alpha-3), per language. */
export type Overrides = (code: string, target: Locale) => string | undefined;

const displayNames = new Map<string, Intl.DisplayNames | null>();

function namesIn(target: string): Intl.DisplayNames | null {
  if (!displayNames.has(target)) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([target], { type: 'region', fallback: 'none' });
    } catch {
      names = null; // A browser without Intl.DisplayNames shows codes.
    }
    displayNames.set(target, names);
  }
  return displayNames.get(target) ?? null;
}

/** The country's name in a language; an unknown code is shown as it is. */
export function countryName(code: string, target: Locale, overrides?: Overrides): string {
  const upper = code.toUpperCase();
  const override = overrides?.(upper, target);
  if (override) return override;
  const country = byCode.get(upper);
  if (!country) return upper;
  return namesIn(target)?.of(country.alpha2) ?? upper;
}

/** Lower case without accents, so "cote" finds "Côte d’Ivoire". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

const SEARCH_LANGUAGES: readonly Locale[] = ['en', 'zh-Hans', 'zh-Hant'];

/**
 * Countries matching what a person typed, best first: a code typed exactly, then names that
 * start with it, then names with a word that starts with it, then names that contain it.
 * Names are those of the person's language first, and English and Chinese too, since people
 * type either whatever the screen's language.
 */
export function searchCountries(query: string, target: Locale, overrides?: Overrides, limit = 8): Country[] {
  const q = fold(query);
  if (!q) return [];
  const collator = new Intl.Collator(target);
  const scored: { country: Country; score: number; name: string }[] = [];
  for (const entry of searchIndex(target, overrides)) {
    let score = Number.POSITIVE_INFINITY;
    if (entry.codes.includes(q)) score = 0;
    for (const candidate of entry.folded) {
      if (candidate.startsWith(q)) score = Math.min(score, 1);
      else if (candidate.split(/[\s,()'’-]+/).some((word) => word.startsWith(q))) score = Math.min(score, 2);
      else if (candidate.includes(q)) score = Math.min(score, 3);
    }
    if (Number.isFinite(score)) scored.push({ country: entry.country, score, name: entry.name });
  }
  scored.sort((a, b) => a.score - b.score || collator.compare(a.name, b.name));
  return scored.slice(0, limit).map((s) => s.country);
}

interface IndexEntry {
  readonly country: Country;
  readonly name: string;
  readonly codes: readonly string[];
  readonly folded: readonly string[];
}

// Names are folded once per language and set of overrides, not on every keystroke.
const indexes = new Map<string, { overrides: Overrides | undefined; entries: IndexEntry[] }>();

function searchIndex(target: Locale, overrides?: Overrides): IndexEntry[] {
  const cached = indexes.get(target);
  if (cached && cached.overrides === overrides) return cached.entries;
  const entries = COUNTRIES.map((country) => {
    const name = countryName(country.code, target, overrides);
    const others = SEARCH_LANGUAGES.filter((l) => l !== target).map((l) => countryName(country.code, l, overrides));
    return { country, name, codes: [fold(country.code), fold(country.alpha2)], folded: [name, ...others].map(fold) };
  });
  indexes.set(target, { overrides, entries });
  return entries;
}

/**
 * The code a finished entry stands for: a listed code or a name typed in full (in any of the
 * languages), else three letters as a code the list lacks (documents use a few, such as UNO),
 * else nothing.
 */
export function resolveCountry(text: string, target: Locale, overrides?: Overrides): string {
  const q = fold(text);
  if (!q) return '';
  for (const country of COUNTRIES) {
    if (fold(country.code) === q) return country.code;
    for (const l of [target, ...SEARCH_LANGUAGES]) {
      if (fold(countryName(country.code, l, overrides)) === q) return country.code;
    }
  }
  return /^[a-z]{3}$/.test(q) ? q.toUpperCase() : '';
}
