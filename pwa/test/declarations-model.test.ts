import { describe, expect, it } from 'vitest';
import {
  blankArticle,
  blankDraft,
  offlineEstimateInput,
  toDeclarationInput,
  windowState,
  type DeclarantProfile,
} from '../src/features/declarations/declarationsModel';

const profile: DeclarantProfile = {
  fullName: 'Chen',
  isResident: false,
  dateOfBirth: '2012-06-01',
  documentType: 'PASSPORT',
  documentNumberMasked: 'E1****',
};

describe('declaration drafts', () => {
  it('sends companions, cash and indivisible only when they apply', () => {
    const draft = {
      ...blankDraft(),
      hasCompanions: 'no' as const,
      companions: [{ key: 'c', fullName: 'X', dateOfBirth: '2000-01-01', isResident: 'yes' as const, documentType: 'PASSPORT' as const, documentNumber: 'E1', consentStatement: 'I am his father' }],
      articles: [
        { ...blankArticle(), categoryCode: 'phones', quantity: '2', unitValue: '1,000', indivisible: true, takenOutAgain: true },
        { ...blankArticle(), categoryCode: 'computers', quantity: '1', unitValue: '8000', indivisible: true },
      ],
      hasCash: 'no' as const,
      cash: [{ key: 'k', traveller: 0, currency: 'USD', amount: '9000' }],
      restricted: { weapons: 'no' as const, animals_plants: 'yes' as const },
    };
    const input = toDeclarationInput(draft, profile);
    expect(input.companions).toEqual([]);
    expect(input.cash).toEqual([]);
    // several units ticked as one set are indivisible; one single article is so by nature (the
    // box is not asked, and what it held is not sent)
    expect(input.articles?.[0]).toMatchObject({ unitValue: '1000', quantity: 2, indivisible: true, takenOutAgain: true });
    expect(input.articles?.[1]).toMatchObject({ unitValue: '8000', quantity: 1, indivisible: false });
    expect(input.restrictedYes).toEqual(['animals_plants']);
  });

  it('feeds the offline estimate the traveller age and residency', () => {
    const draft = { ...blankDraft(), articles: [{ ...blankArticle(), categoryCode: 'alcohol', unitValue: '100', unitMeasure: '750' }] };
    const input = offlineEstimateInput(draft, profile, new Date('2025-05-31T12:00:00'));
    expect(input.travellers[0]).toMatchObject({ key: '0', residency: 'non_resident', age: 12 });
    expect(input.articles[0]).toMatchObject({ category: 'alcohol', unit_measure: 750, traveller_key: '0' });
  });

  it('opens the submission window 72 hours before and closes it 24 hours after', () => {
    const at = '2025-06-10T12:00:00.000Z';
    expect(windowState(at, new Date('2025-06-07T11:59:00Z'))).toBe('early');
    expect(windowState(at, new Date('2025-06-07T12:00:00Z'))).toBe('open');
    expect(windowState(at, new Date('2025-06-11T12:00:00Z'))).toBe('open');
    expect(windowState(at, new Date('2025-06-11T12:01:00Z'))).toBe('closed');
  });
});
