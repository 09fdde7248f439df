// The appointment screens' data on this device: bookings as last read (with their signed QR,
// so the confirmation shows with no network), and the check-ins an officer's tablet made.
import type { AppointmentsBookingFragment } from '../../graphql/generated/graphql';
import { locale } from '../../i18n';
import { getRecord, putRecord } from '../../offline/idb';
import { CACHE_KEYS, STORES } from '../../offline/keys';

export type BookingView = AppointmentsBookingFragment;

export interface LocalizedText {
  zhHans: string;
  zhHant: string;
  en: string;
}

/** The text in the current language (re-renders on a switch). */
export function pick(text: LocalizedText | null | undefined): string {
  if (!text) return '';
  const value = locale.value === 'zh-Hans' ? text.zhHans : locale.value === 'zh-Hant' ? text.zhHant : text.en;
  return value || text.zhHans;
}

export async function cacheGet<T>(key: string): Promise<T | undefined> {
  try {
    return (await getRecord(STORES.cache, key))?.value as T | undefined;
  } catch {
    return undefined;
  }
}

export async function cachePut(key: string, value: unknown): Promise<void> {
  try {
    await putRecord(STORES.cache, { key, value, storedAt: Date.now() });
  } catch {
    // Storage full or blocked: the screen still works online.
  }
}

export const cachedBooking = (id: string) => cacheGet<BookingView>(CACHE_KEYS.booking(id));

export async function storeBooking(booking: BookingView): Promise<void> {
  await cachePut(CACHE_KEYS.booking(booking.id), booking);
  const list = (await cacheGet<BookingView[]>(CACHE_KEYS.bookingList)) ?? [];
  const next = [booking, ...list.filter((b) => b.id !== booking.id)].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  await cachePut(CACHE_KEYS.bookingList, next.slice(0, 30));
}

export async function storeBookingList(bookings: BookingView[]): Promise<void> {
  await cachePut(CACHE_KEYS.bookingList, bookings);
  await Promise.all(bookings.map((b) => cachePut(CACHE_KEYS.booking(b.id), b)));
}

/** One check-in made on this tablet (the officer sees queued / sent / refused and the queue number). */
export interface CheckInEntry {
  key: string;
  /** What was scanned or typed: a booking number, or "QR". */
  label: string;
  at: number;
  queueNumber?: number;
  personName?: string;
  refused?: string;
}
