import { formatMoney } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';
import { locale } from '../../i18n/locale';

/** One unit's price in the person's locale (1 × ¥9,000.00), or what was typed if not a number. */
export function unitPrice(value: string, currency: string, target: Locale = locale.value): string {
  const typed = value.trim();
  const n = Number(typed.replace(/,/g, ''));
  return typed && Number.isFinite(n) ? formatMoney(n, currency, target) : `${value} ${currency}`;
}
