import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigit, parseTd3 } from './mrz';

// ICAO Doc 9303 Part 4, Appendix A: the specimen passport of Anna Maria Eriksson.
const LINE1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const LINE2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
const TODAY = '2026-12-06';

describe('ICAO 9303 check digits', () => {
  it('weights 7, 3, 1 over each field, as in the specimen', () => {
    // L898902C3: 21x7 + 8x3 + 9 + 8x7 + 9x3 + 0 + 2x7 + 12x3 + 3 = 316 -> 6
    expect(checkDigit('L898902C3')).toBe('6');
    expect(checkDigit('740812')).toBe('2');
    expect(checkDigit('120415')).toBe('9');
    expect(checkDigit('ZE184226B<<<<<')).toBe('1');
    expect(checkDigit('L898902C36' + '7408122' + '120415' + '9' + 'ZE184226B<<<<<1')).toBe('0');
  });
  it('has no digit for characters outside A-Z, 0-9 and <', () => {
    expect(checkDigit('l898')).toBeNull();
  });
});

describe('parseTd3', () => {
  it('reads the specimen', () => {
    const result = parseTd3(LINE1, LINE2, TODAY);
    expect(result).toEqual({
      ok: true,
      passport: {
        documentCode: 'P',
        issuingState: 'UTO',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        documentNumber: 'L898902C3',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        personalNumber: 'ZE184226B',
      },
    });
  });

  it('names each check digit that fails, the composite too', () => {
    const wrongNumber = 'L898902C37' + LINE2.slice(10);
    expect(parseTd3(LINE1, wrongNumber, TODAY)).toEqual({ ok: false, problems: ['document_number', 'composite'] });
    const wrongBirth = LINE2.slice(0, 19) + '3' + LINE2.slice(20);
    expect(parseTd3(LINE1, wrongBirth, TODAY)).toEqual({ ok: false, problems: ['birth_date', 'composite'] });
    const wrongExpiry = LINE2.slice(0, 27) + '8' + LINE2.slice(28);
    expect(parseTd3(LINE1, wrongExpiry, TODAY)).toEqual({ ok: false, problems: ['expiry_date', 'composite'] });
    const wrongPersonal = LINE2.slice(0, 42) + '2' + LINE2.slice(43);
    expect(parseTd3(LINE1, wrongPersonal, TODAY)).toEqual({ ok: false, problems: ['personal_number', 'composite'] });
    const wrongComposite = LINE2.slice(0, 43) + '1';
    expect(parseTd3(LINE1, wrongComposite, TODAY)).toEqual({ ok: false, problems: ['composite'] });
    // A misread that keeps every field's digit but not the composite: two fields swapped.
    const swapped = LINE2.slice(0, 43) + '9';
    expect(parseTd3(LINE1, swapped, TODAY).ok).toBe(false);
  });

  it('refuses wrong shapes with a named reason', () => {
    expect(parseTd3(LINE1.slice(1), LINE2, TODAY)).toEqual({ ok: false, problems: ['length'] });
    expect(parseTd3(LINE1.replace('ANNA', 'ANN4'), LINE2, TODAY)).toEqual({ ok: false, problems: ['charset'] });
    expect(parseTd3('I' + LINE1.slice(1), LINE2, TODAY)).toEqual({ ok: false, problems: ['document_type'] });
  });

  it('places two-digit birth years in the hundred years up to today', () => {
    const body = 'L898902C36UTO' + '200101' + checkDigit('200101') + 'M' + '300101' + checkDigit('300101') + '<<<<<<<<<<<<<<<';
    // 200101 -> 2020-01-01 (not in the future on 2026-12-06)
    const composite = checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
    const result = parseTd3(LINE1, body.slice(0, 43) + composite, TODAY);
    expect(result.ok && result.passport.birthDate).toBe('2020-01-01');
    expect(result.ok && result.passport.personalNumber).toBeNull();
  });

  it('gives a typed result for any text, never an exception', () => {
    const mrzChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<');
    const line = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.array(mrzChar, { minLength: 44, maxLength: 44 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(line, line, (a, b) => {
        const result = parseTd3(a, b, TODAY);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every line 2 whose digits are all recomputed, and refuses any one changed digit', () => {
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
    fc.assert(
      fc.property(fc.array(alnum, { minLength: 9, maxLength: 9 }), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.integer({ min: 0, max: 43 }), (num, exp, pos) => {
        const number = num.join('');
        const expiry = '3' + exp.join('').slice(1, 2) + '0' + String(1 + (Number(exp[2]) % 9)) + '1' + String(Number(exp[3]) % 9);
        const head = number + checkDigit(number) + 'UTO' + '740812' + '2' + 'F' + expiry + checkDigit(expiry) + 'ZE184226B<<<<<' + '1';
        const line2 = head + checkDigit(head.slice(0, 10) + head.slice(13, 20) + head.slice(21, 43));
        expect(parseTd3(LINE1, line2, TODAY).ok).toBe(true);
        const c = line2[pos];
        if (c === undefined || !/[0-9]/.test(c) || [10, 11, 12, 20].includes(pos)) return;
        const changed = line2.slice(0, pos) + String((Number(c) + 1) % 10) + line2.slice(pos + 1);
        expect(parseTd3(LINE1, changed, TODAY).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
