// The appointment screens' data on this device: bookings as last read (with their signed QR,
// so the confirmation shows with no network), and the check-ins an officer's tablet made.
import type { AppointmentsBookingFragment } from '../../graphql/generated/graphql';
import { cacheGet, cachePut } from '../../offline/cache';
import { CACHE_KEYS } from '../../offline/keys';

export { pick, type LocalizedText } from '../../i18n/localized';
export { cacheGet, cachePut };

export type BookingView = AppointmentsBookingFragment;

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
