import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n';
import { offerText } from './appointmentsMessages';

describe('offerText', () => {
  afterEach(async () => {
    await setLocale('en');
    localStorage.clear();
  });

  it('gives a waiting-list offer its deadline as a time of day', async () => {
    await setLocale('en');
    const text = offerText({ offerAfterClosure: false, offerExpiresAt: '2026-12-01T02:15:00Z' }, 'Asia/Shanghai');
    expect(text).toBe('Take it before 10:15 AM, or it goes to the next person.');
  });

  it('says a time held after a closure is held, with the day, in the site time zone', async () => {
    await setLocale('en');
    const text = offerText({ offerAfterClosure: true, offerExpiresAt: '2026-12-01T17:30:00Z' }, 'Asia/Shanghai');
    expect(text).toContain('because the site closed');
    expect(text).toContain('Dec 2, 2026, 1:30 AM');
  });

  it('speaks the person’s language', async () => {
    await setLocale('zh-Hans');
    const text = offerText({ offerAfterClosure: true, offerExpiresAt: '2026-12-01T17:30:00Z' }, 'Asia/Shanghai');
    expect(text).toContain('闭馆');
    expect(text).toContain('2026年12月2日');
  });
});
