import { locale, type Locale } from './index';

// Dates, numbers and money always go through Intl, in the chosen language.

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date or an instant. A day without a time ("2026-06-10": a birth date, a due date)
 * is that day everywhere: it is never shifted by the phone's time zone.
 */
export function formatDate(value: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }, target: Locale = locale.value): string {
  if (typeof value === 'string' && DAY_ONLY.test(value)) {
    return new Intl.DateTimeFormat(target, { ...options, timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  }
  return new Intl.DateTimeFormat(target, options).format(typeof value === 'string' ? new Date(value) : value);
}

/**
 * An instant as a date and time: on the phone's clock by default (when something happened on
 * this device), or on the clock of `timeZone` where the event happens at a place (a crossing
 * at a Chinese port).
 */
export function formatDateTime(value: Date | string, target: Locale = locale.value, timeZone?: string): string {
  return formatDate(value, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }, target);
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions, target: Locale = locale.value): string {
  return new Intl.NumberFormat(target, options).format(value);
}

/** Money in a currency's major unit, e.g. formatMoney(1234.5, 'CNY'). */
export function formatMoney(amount: number, currency = 'CNY', target: Locale = locale.value): string {
  return new Intl.NumberFormat(target, { style: 'currency', currency }).format(amount);
}
