import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n';
import { td } from '../declarations/declarationsMessages';
import { daysLeftText } from './ServicesApplication';
import { ts } from './servicesMessages';

describe('counts in the person’s language (Intl.PluralRules)', () => {
  afterEach(async () => {
    await setLocale('en');
    localStorage.clear();
  });

  it('says one in the singular and more in the plural, in English', async () => {
    await setLocale('en');
    expect(ts('services.results', { n: 1 })).toBe('1 service');
    expect(ts('services.results', { n: 13 })).toBe('13 services');
    expect(ts('services.timeLimit', { days: 1 })).toBe('1 working day');
    expect(ts('services.timeLimit', { days: 20 })).toBe('20 working days');
    expect([1, 3, -1, -2].map(daysLeftText)).toEqual(['1 working day left', '3 working days left', 'Overdue by 1 working day', 'Overdue by 2 working days']);
    expect(ts('application.corrections', { n: 1 })).toBe('Make this correction');
    expect(ts('draft.documents', { n: 1 })).toBe('1 document attached');
    expect(td('declare.start.articleCount', { n: 1 })).toBe('1 article');
  });

  it('has one form for every number in Chinese', async () => {
    await setLocale('zh-Hans');
    expect(ts('services.results', { n: 1 })).toBe(ts('services.results', { n: 2 }).replace('2', '1'));
    expect(ts('services.timeLimit', { days: 1 })).toContain('1');
  });
});
