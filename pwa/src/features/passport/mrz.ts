// The machine-readable zone of a passport (ICAO Doc 9303 Part 4, TD3: two lines of 44
// characters), checked as the server checks it (backend identity/documents.py parse_td3): check
// digits with weights 7, 3, 1 modulo 10 over the document number, birth date, expiry date,
// optional personal number, and a composite over all of them. Pure and total: any text gives a
// typed result, never an exception.

export type MrzSex = 'F' | 'M' | 'X' | null;

export interface MrzPassport {
  documentCode: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: MrzSex;
  /** YYYY-MM-DD */
  expiryDate: string;
  personalNumber: string | null;
}

/** What failed, by name: each maps to a message in the person's language. */
export type MrzProblem =
  | 'length'
  | 'charset'
  | 'document_type'
  | 'document_number'
  | 'birth_date'
  | 'birth_date_value'
  | 'sex'
  | 'expiry_date'
  | 'expiry_date_value'
  | 'personal_number'
  | 'composite';

export type MrzResult = { ok: true; passport: MrzPassport } | { ok: false; problems: MrzProblem[] };

const LINE = 44;
const WEIGHTS = [7, 3, 1];
const CHARSET = /^[A-Z0-9<]*$/;
const NAME_CHARSET = /^[A-Z<]*$/;

function value(char: string): number {
  if (char === '<') return 0;
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/** ICAO 9303 check digit of a field of A-Z, 0-9 and '<' (null for anything else). */
export function checkDigit(field: string): string | null {
  if (!CHARSET.test(field)) return null;
  let total = 0;
  for (let i = 0; i < field.length; i++) total += value(field[i]!) * WEIGHTS[i % 3]!;
  return String(total % 10);
}

function date(yymmdd: string, century: number): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const year = century + Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return at.toISOString().slice(0, 10);
}

function names(field: string): [string, string] {
  const split = field.indexOf('<<');
  const surname = split < 0 ? field : field.slice(0, split);
  const given = split < 0 ? '' : field.slice(split + 2);
  const clean = (s: string) => s.replace(/</g, ' ').trim().replace(/ +/g, ' ');
  return [clean(surname), clean(given)];
}

/** Read the two lines; `today` (YYYY-MM-DD) places two-digit birth years in their century. */
export function parseTd3(line1: string, line2: string, today: string): MrzResult {
  const a = String(line1 ?? '');
  const b = String(line2 ?? '');
  if (a.length !== LINE || b.length !== LINE) return { ok: false, problems: ['length'] };
  if (!NAME_CHARSET.test(a) || !CHARSET.test(b)) return { ok: false, problems: ['charset'] };
  if (a[0] !== 'P') return { ok: false, problems: ['document_type'] };
  const problems: MrzProblem[] = [];
  const number = b.slice(0, 9);
  const birth = b.slice(13, 19);
  const sexChar = b[20];
  const expiry = b.slice(21, 27);
  const personal = b.slice(28, 42);
  if (checkDigit(number) !== b[9]) problems.push('document_number');
  if (checkDigit(birth) !== b[19]) problems.push('birth_date');
  let birthDate = date(birth, 2000);
  if (birthDate !== null && birthDate > today) birthDate = date(birth, 1900);
  if (birthDate === null && !problems.includes('birth_date')) problems.push('birth_date_value');
  if (!['F', 'M', 'X', '<'].includes(sexChar ?? '')) problems.push('sex');
  if (checkDigit(expiry) !== b[27]) problems.push('expiry_date');
  const expiryDate = date(expiry, 2000);
  if (expiryDate === null && !problems.includes('expiry_date')) problems.push('expiry_date_value');
  // ICAO lets an absent personal number carry a filler instead of the digit 0.
  const noPersonal = b[42] === '<' && /^<+$/.test(personal);
  if (!noPersonal && checkDigit(personal) !== b[42]) problems.push('personal_number');
  if (checkDigit(b.slice(0, 10) + b.slice(13, 20) + b.slice(21, 43)) !== b[43]) problems.push('composite');
  if (problems.length || birthDate === null || expiryDate === null) {
    return { ok: false, problems: problems.length ? problems : ['charset'] };
  }
  const [surname, givenNames] = names(a.slice(5));
  return {
    ok: true,
    passport: {
      documentCode: a.slice(0, 2).replace(/<+$/, ''),
      issuingState: a.slice(2, 5).replace(/<+$/, ''),
      surname,
      givenNames,
      documentNumber: number.replace(/<+$/, ''),
      nationality: b.slice(10, 13).replace(/<+$/, ''),
      birthDate,
      sex: sexChar === '<' ? null : (sexChar as MrzSex),
      expiryDate,
      personalNumber: personal.replace(/<+$/, '') || null,
    },
  };
}
