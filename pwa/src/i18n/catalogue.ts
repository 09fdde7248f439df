// Message catalogues, one file per language, loaded lazily: the first screen fetches only the
// chosen language's words, and each feature's words come with that feature's screens.
//
// A feature declares its catalogue once (`await defineCatalogue(...)` at the top level of its
// `<feature>Messages.ts`), so any module that imports it waits until the words for the current
// language are there. Switching language (setLocale) loads every declared catalogue in the new
// language before the switch shows. Keys are typed: each language file is a Table of the English
// file's keys, so a key missing (or extra) in any language fails the typecheck.
import { signal } from '@preact/signals';
import { locale, type Locale } from './locale';

/** The words for a count, chosen by Intl.PluralRules for the language; `count` names the parameter. */
export interface Plural {
  readonly count: string;
  readonly other: string;
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
}
export type Message = string | Plural;
export type Params = Readonly<Record<string, string | number>>;
/** One language's words for a catalogue whose keys are K. */
export type Table<K extends string> = Readonly<Record<K, Message>>;
type Loader<K extends string> = () => Promise<{ default: Table<K> }>;

export interface Catalogue<K extends string> {
  /** The message in the current language (reading it re-renders the component on a switch). */
  t(key: K, params?: Params): string;
  /** A key built from server data (a status, a code), when we have words for it. */
  maybe(key: string, params?: Params): string | undefined;
  has(key: string): key is K;
  /** The message in a given language (loaded, or the current language's until it is). */
  in(target: Locale, key: K, params?: Params): string;
  load(target: Locale): Promise<void>;
}

const everyCatalogue = new Set<(target: Locale) => Promise<void>>();

/** Load every declared catalogue's words in one language (before switching to it). */
export function loadEveryCatalogue(target: Locale): Promise<void> {
  return Promise.all([...everyCatalogue].map((load) => load(target))).then(() => undefined);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

function rulesFor(target: Locale): Intl.PluralRules {
  let rules = pluralRules.get(target);
  if (!rules) {
    rules = new Intl.PluralRules(target);
    pluralRules.set(target, rules);
  }
  return rules;
}

/** Fill a message's {placeholders}; a Plural picks its form by its count parameter first. */
export function formatMessage(target: Locale, message: Message, params?: Params): string {
  let template: string;
  if (typeof message === 'string') {
    template = message;
  } else {
    const count = Number(params?.[message.count]);
    const category = Number.isFinite(count) ? rulesFor(target).select(count) : 'other';
    template = message[category] ?? message.other;
  }
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Declare a catalogue and wait for its words in the current language. */
export async function defineCatalogue<K extends string>(loaders: Readonly<Record<Locale, Loader<K>>>): Promise<Catalogue<K>> {
  const tables: Partial<Record<Locale, Table<K>>> = {};
  const pending: Partial<Record<Locale, Promise<void>>> = {};
  // Bumped when a language arrives, so a text shown before its words were there re-renders.
  const arrived = signal(0);

  function load(target: Locale): Promise<void> {
    pending[target] ??= loaders[target]().then(
      (module) => {
        tables[target] = module.default;
        arrived.value += 1;
      },
      (error: unknown) => {
        delete pending[target]; // a failed fetch (offline, before the worker cached it) may be retried
        throw error;
      },
    );
    return pending[target];
  }

  function table(target: Locale): Table<K> | undefined {
    void arrived.value;
    const found = tables[target];
    if (found) return found;
    // Only while a switch races a feature's first load: ask for the words, show any we have.
    void load(target).catch(() => undefined);
    return tables.en ?? tables['zh-Hans'] ?? tables['zh-Hant'];
  }

  function inLanguage(target: Locale, key: K, params?: Params): string {
    const words = table(target);
    const message = words?.[key];
    return message === undefined ? key : formatMessage(target, message, params);
  }

  everyCatalogue.add(load);
  await load(locale.value);
  return {
    t: (key, params) => inLanguage(locale.value, key, params),
    maybe(key, params) {
      const target = locale.value;
      const message = (table(target) as Record<string, Message> | undefined)?.[key];
      return message === undefined ? undefined : formatMessage(target, message, params);
    },
    has: (key): key is K => key in (table(locale.value) ?? {}),
    in: inLanguage,
    load,
  };
}
