import { describe, expect, it } from 'vitest';
import { unitPrice } from './declarationsMoney';

// Issue #15: the review step said "1 × 9000 CNY" where the estimate said "¥9,000.00".
describe('unitPrice', () => {
  it('words a typed price in the person locale', () => {
    expect(unitPrice('9000', 'CNY', 'zh-Hans')).toBe('¥9,000.00');
    expect(unitPrice('9,000.5', 'CNY', 'en')).toBe('CN¥9,000.50');
    expect(unitPrice('1870', 'CNY', 'zh-Hant')).toBe('CN¥1,870.00');
    expect(unitPrice('12.5', 'USD', 'zh-Hans')).toBe('US$12.50');
  });
  it('leaves what is not a number yet as typed', () => {
    expect(unitPrice('', 'CNY', 'en')).toBe(' CNY');
    expect(unitPrice('12abc', 'EUR', 'en')).toBe('12abc EUR');
  });
});
