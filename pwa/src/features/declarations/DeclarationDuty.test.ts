import { describe, expect, it } from 'vitest';
import agreementJson from '../../../../tests/declarations/duty_agreement.json';
import vectorsJson from '../../../../tests/declarations/duty_vectors.json';
import {
  DutyInputError,
  estimateDuty,
  type ArticleJson,
  type EstimateJson,
  type EstimateLineJson,
  type RatesJson,
  type RuleSetJson,
  type TravellerJson,
} from './DeclarationDuty';

// The same vectors the server's tests/declarations/test_duty.py runs; expected values are
// computed by hand (each case's `working`). legal_basis is checked separately.
interface Vector {
  name: string;
  working: string;
  input: { travellers: TravellerJson[]; articles: ArticleJson[]; checklist_yes: string[] };
  expected: Omit<EstimateJson, 'lines'> & { lines: Omit<EstimateLineJson, 'legal_basis'>[] };
}
interface Vectors {
  rule_set: RuleSetJson;
  rates: RatesJson;
  cases: Vector[];
}

const vectors = vectorsJson as unknown as Vectors;
const { rule_set: rules, rates } = vectors;

function estimate(vector: Vector): EstimateJson {
  return estimateDuty({
    travellers: vector.input.travellers,
    articles: vector.input.articles,
    checklistYes: vector.input.checklist_yes,
    rules,
    rates,
  });
}

function withoutLegalBasis(result: EstimateJson) {
  return { ...result, lines: result.lines.map(({ legal_basis: _, ...line }) => line) };
}

function caseNamed(name: string): Vector {
  const vector = vectors.cases.find((c) => c.name === name);
  if (vector === undefined) throw new Error(`no vector ${name}`);
  return vector;
}

const me: TravellerJson = { key: 'me', residency: 'resident', age: 40 };
const book: ArticleJson = {
  key: 'a',
  traveller_key: 'me',
  category: 'books',
  quantity: 1,
  unit_value: '100.00',
  currency: 'CNY',
};

describe('duty estimate vectors shared with the server', () => {
  it('has vectors to run', () => {
    expect(vectors.cases.length).toBeGreaterThanOrEqual(36);
  });

  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_, vector) => {
    expect(withoutLegalBasis(estimate(vector))).toEqual(vector.expected);
  });
});

// Random declarations and the server's estimate of each (tests/declarations/duty_agreement.py):
// the port must give the same answer, tie-breaks of the allowance choice included.
const agreement = agreementJson as unknown as { cases: Vector[] };

describe('duty estimate agrees with the server on random declarations', () => {
  it('has cases to run', () => {
    expect(agreement.cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(agreement.cases.map((c) => [c.name, c] as const))('%s', (_, vector) => {
    expect(withoutLegalBasis(estimate(vector))).toEqual(vector.expected);
  });
});

describe('duty estimate', () => {
  it('cites the alcohol limit as the legal basis of a wine line', () => {
    const result = estimate(caseNamed('adult_three_bottles_of_wine_one_taxed'));
    const alcohol = rules.quantity_limits.find((q) => q.kind === 'alcohol');
    expect(result.lines[0]?.legal_basis).toBe(alcohol?.basis);
  });

  it('cites the personal allowance as the legal basis of an allowance line', () => {
    const result = estimate(caseNamed('resident_mixed_rates_over_allowance'));
    const allowance = rules.allowances.find((a) => a.residency === 'resident');
    expect(new Set(result.lines.map((l) => l.legal_basis))).toEqual(new Set([allowance?.basis]));
  });

  it('does not depend on the order of travellers', () => {
    const vector = caseNamed('companions_each_have_their_own_allowance');
    const travellers = [...vector.input.travellers].reverse();
    const reversed = { ...vector, input: { ...vector.input, travellers } };
    expect(estimate(reversed)).toEqual(estimate(vector));
  });

  it('refuses an unknown category with a code', () => {
    const articles = [{ ...book, category: 'spaceships' }];
    const run = () => estimateDuty({ travellers: [me], articles, rules, rates });
    expect(run).toThrow(expect.objectContaining({ code: 'unknown_category' }));
  });

  it('refuses an unknown currency with a code', () => {
    const articles = [{ ...book, currency: 'XYZ' }];
    const run = () => estimateDuty({ travellers: [me], articles, rules, rates });
    expect(run).toThrow(expect.objectContaining({ code: 'unknown_currency' }));
  });

  it('refuses a value written as a float-like exponent', () => {
    const articles = [{ ...book, unit_value: '1e3' }];
    const run = () => estimateDuty({ travellers: [me], articles, rules, rates });
    expect(run).toThrow(DutyInputError);
  });

  it('refuses alcohol without a measure per unit', () => {
    const articles = [{ ...book, category: 'alcohol' }];
    const run = () => estimateDuty({ travellers: [me], articles, rules, rates });
    expect(run).toThrow(expect.objectContaining({ code: 'invalid_article' }));
  });

  it('refuses too many different articles for an exact choice of the exempt ones', () => {
    const articles = Array.from({ length: 40 }, (_, i) => ({ ...book, key: `a${i}`, unit_value: `${200 + i}.00` }));
    const run = () => estimateDuty({ travellers: [me], articles, rules, rates });
    expect(run).toThrow(expect.objectContaining({ code: 'too_many_allowance_choices' }));
  });

  it('needs no choice when every article fits the allowance', () => {
    const articles = Array.from({ length: 100 }, (_, i) => ({ ...book, key: `a${i}`, unit_value: '10.00' }));
    expect(estimateDuty({ travellers: [me], articles, rules, rates }).duty_cny).toBe('0.00');
  });

  it('refuses cosmetics without the ml or g in one unit', () => {
    const articles = [{ ...book, category: 'cosmetics' }];
    const run = () => estimateDuty({ travellers: [me], articles, rules, rates });
    expect(run).toThrow(expect.objectContaining({ code: 'measure_required' }));
  });

  it('places a 10,000.00 watch in the high-value band', () => {
    const articles = [{ ...book, category: 'watches', unit_value: '10000.00' }];
    const line = estimateDuty({ travellers: [me], articles, rules, rates }).lines[0];
    expect([line?.declared_category, line?.category, line?.duty_cny]).toEqual(['watches', 'watches_high_value', '5000.00']);
  });

  it('keeps cents exact where binary floats would drift', () => {
    // 3 x 0.10 USD x 7.10 = 2.13 exactly (floats: 2.1299999...)
    const result = estimateDuty({
      travellers: [me],
      articles: [{ ...book, quantity: 3, unit_value: '0.10', currency: 'USD' }],
      rules,
      rates,
    });
    expect(result.value_cny).toBe('2.13');
  });
});
