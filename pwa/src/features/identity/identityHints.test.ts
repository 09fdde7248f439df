import { describe, expect, it } from 'vitest';
import en from './identityMessages.en';
import zhHans from './identityMessages.zh-Hans';
import zhHant from './identityMessages.zh-Hant';

// The example dates the sign-up form gives must be possible answers: a date of birth in the
// past, an expiry date in the future (relative to a fixed, early reference, so this never
// depends on today).
const REFERENCE = '2020-01-01';

function exampleDates(text: unknown): string[] {
  return typeof text === 'string' ? (text.match(/\d{4}-\d{2}-\d{2}/g) ?? []) : [];
}

describe('example dates in the sign-up hints', () => {
  for (const [name, catalogue] of Object.entries({ en, 'zh-Hans': zhHans, 'zh-Hant': zhHant })) {
    it(`gives a date of birth in the past and an expiry date in the future (${name})`, () => {
      const entries = Object.entries(catalogue as Record<string, unknown>);
      const births = entries.filter(([key]) => key.startsWith('signUp.dateOfBirth')).flatMap(([, text]) => exampleDates(text));
      expect(births.length).toBeGreaterThan(0);
      for (const date of births) expect(date < REFERENCE).toBe(true);
      const expiries = exampleDates((catalogue as Record<string, unknown>)['signUp.date.hint']);
      for (const date of expiries) expect(date > REFERENCE).toBe(true);
    });
  }
});
