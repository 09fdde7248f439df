// Pure helpers of the appointment screens (tested without a DOM).
import { dateIn, now } from '../../clock';
import type { BookingStatus } from '../../graphql/generated/graphql';

/** The server refuses a cancel or a change this long before the start (appointments.services.CANCEL_CUT_OFF). */
export const CANCEL_CUT_OFF_MS = 2 * 60 * 60 * 1000;

/** Statuses in which the booking is still ahead (live updates make sense). */
export const LIVE_STATUSES: readonly BookingStatus[] = ['CONFIRMED', 'CHECKED_IN', 'CALLED'];

export function cutOff(startsAt: string): Date {
  return new Date(new Date(startsAt).getTime() - CANCEL_CUT_OFF_MS);
}

export function canChange(startsAt: string, at: Date = now()): boolean {
  return at.getTime() < cutOff(startsAt).getTime();
}

/** A date and time as the site's clock shows it (a booking is at a place, not where the phone is). */
export function siteTime(value: string | Date, timeZone: string | undefined, lang: string, options?: Intl.DateTimeFormatOptions): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const base: Intl.DateTimeFormatOptions = options ?? { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(lang, { ...base, ...(timeZone ? { timeZone } : {}) }).format(date);
  } catch {
    return new Intl.DateTimeFormat(lang, base).format(date);
  }
}

/** YYYY-MM-DD of `at` in a time zone (the officer's "today" at the site). */
export function siteDate(timeZone: string | undefined, at: Date = now()): string {
  return dateIn(timeZone, at);
}

/** A web map link for browsers that cannot open geo: URIs. */
export function webMapUrl(latitude: number, longitude: number): string {
  const lat = latitude.toFixed(5);
  const lon = longitude.toFixed(5);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

/** A file name for the .ics download. */
export function icsFileName(number: string): string {
  return `appointment-${number.replace(/[^A-Za-z0-9-]/g, '')}.ics`;
}

/** An idempotency key the server accepts (8–64 of [A-Za-z0-9_-]). */
export function newKey(): string {
  return crypto.randomUUID();
}
