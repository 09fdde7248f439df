// The appointment screens' words, in the three languages with identical keys (the type
// enforces it). They load with the /appointments and /officer/appointments chunks, not with the
// first screen; only the nav and home card words live in the main catalogues.
import { locale } from '../../i18n';
import { defineCatalogue } from '../../i18n/catalogue';
import type { AppointmentsKey } from './appointmentsMessages.en';

export type { AppointmentsKey };

/** Only the current language's file is fetched; importing this module waits for it. */
export const appointmentsMessages = await defineCatalogue<AppointmentsKey>({
  en: () => import('./appointmentsMessages.en'),
  'zh-Hans': () => import('./appointmentsMessages.zh-Hans'),
  'zh-Hant': () => import('./appointmentsMessages.zh-Hant'),
});

/** Translate an appointments message in the current language (re-renders on a switch). */
export const ta = appointmentsMessages.t;
/** A key built from server data (a status, a kind, a choice), when we have words for it. */
export const taMaybe = appointmentsMessages.maybe;

/** What an offered seat says: a waiting-list offer (minutes to take it) or a time held after a closure (hours). */
export function offerText(booking: { offerAfterClosure: boolean; offerExpiresAt?: string | null }, timeZone: string | undefined): string {
  const until = booking.offerExpiresAt ?? '';
  const time = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale.value, { ...options, ...(timeZone ? { timeZone } : {}) }).format(new Date(until));
    } catch {
      return until;
    }
  };
  return booking.offerAfterClosure
    ? ta('offer.closure.body', { until: time({ dateStyle: 'medium', timeStyle: 'short' }) })
    : ta('offer.body', { until: time({ timeStyle: 'short' }) });
}
