import { locale, type Locale } from './index';

// Dates, numbers and money always go through Intl, in the chosen language.

export function formatDate(value: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }, target: Locale = locale.value): string {
  return new Intl.DateTimeFormat(target, options).format(typeof value === 'string' ? new Date(value) : value);
}

export function formatDateTime(value: Date | string, target: Locale = locale.value): string {
  return formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }, target);
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions, target: Locale = locale.value): string {
  return new Intl.NumberFormat(target, options).format(value);
}

/** Money in a currency's major unit, e.g. formatMoney(1234.5, 'CNY'). */
export function formatMoney(amount: number, currency = 'CNY', target: Locale = locale.value): string {
  return new Intl.NumberFormat(target, { style: 'currency', currency }).format(amount);
}
