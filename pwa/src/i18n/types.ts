import type { en } from './en';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
