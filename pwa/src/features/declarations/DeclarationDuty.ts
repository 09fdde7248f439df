/**
 * Offline port of the server's duty estimate (backend/palm_customs/declarations/duty.py).
 *
 * Both pass tests/declarations/duty_vectors.json; change one, change the other. Money is integer
 * cents in bigint and decimals are exact scaled bigints, so HALF_UP rounding matches Python's
 * Decimal to the cent (binary floats would not). Inputs and output use the server's JSON form:
 * snake_case keys, decimals as strings.
 */

export type Residency = 'resident' | 'non_resident';
export type LimitKind = 'alcohol' | 'cigarettes' | 'cigars' | 'pipe_tobacco';
export type LineRule =
  | 'allowance'
  | 'indivisible_over_allowance'
  | 'alcohol_limit'
  | 'tobacco_limit'
  | 'minor_no_alcohol_tobacco'
  | 'not_taxable_taken_out';
export type Channel = 'NOTHING_TO_DECLARE' | 'DECLARE';
export type Reason =
  | 'duty_owed'
  | 'over_alcohol_tobacco_limit'
  | 'minor_alcohol_tobacco'
  | 'cash_over_threshold'
  | 'checklist_yes';

const REASON_ORDER: readonly Reason[] = [
  'duty_owed',
  'over_alcohol_tobacco_limit',
  'minor_alcohol_tobacco',
  'cash_over_threshold',
  'checklist_yes',
];
const ARRIVING = 'arriving';

export interface LocalizedText {
  'zh-Hans': string;
  'zh-Hant': string;
  en: string;
}

export interface RuleSetJson {
  version: string;
  effective_from: string;
  effective_to: string | null;
  source: string;
  rates_basis: string;
  allowances: { direction: string; residency: Residency; amount_cny: string; basis: string }[];
  categories: {
    code: string;
    name: LocalizedText;
    examples: LocalizedText;
    rate: string;
    limit_kind: LimitKind | null;
  }[];
  quantity_limits: {
    kind: LimitKind;
    group: string;
    amount: number;
    unit: string;
    min_age: number;
    basis: string;
  }[];
  cash: { cny: string; foreign_usd: string; basis: string };
}

export interface RatesJson {
  date: string;
  source: string;
  rates: Record<string, string>;
}

export interface MoneyJson {
  amount: string;
  currency: string;
}

export interface TravellerJson {
  key: string;
  residency: Residency;
  age: number;
  cash?: MoneyJson[];
}

export interface ArticleJson {
  key: string;
  traveller_key: string;
  category: string;
  quantity: number;
  unit_value: string;
  currency: string;
  /** Alcohol and tobacco only: ml, sticks, cigars or grams in one unit. */
  unit_measure?: number | null;
  indivisible?: boolean;
  /** Non-residents only: the article leaves China again with the traveller. */
  taken_out_again?: boolean;
}

export interface EstimateLineJson {
  article_key: string;
  traveller_key: string;
  category: string;
  value_cny: string;
  allowance_used_cny: string;
  taxable_cny: string;
  rate: string;
  duty_cny: string;
  rule: LineRule;
  legal_basis: string;
}

export interface TravellerTotalJson {
  traveller_key: string;
  allowance_cny: string;
  allowance_used_cny: string;
  value_cny: string;
  taxable_cny: string;
  duty_cny: string;
  reasons: Reason[];
}

export interface EstimateJson {
  rule_set_version: string;
  rates_date: string;
  channel: Channel;
  reasons: Reason[];
  value_cny: string;
  taxable_cny: string;
  duty_cny: string;
  travellers: TravellerTotalJson[];
  lines: EstimateLineJson[];
}

export class DutyInputError extends Error {
  readonly code: string;
  constructor(message: string, code = 'invalid_input') {
    super(message);
    this.name = 'DutyInputError';
    this.code = code;
  }
}

// --- A tiny exact decimal: value = units / 10^scale, never negative here -----------------------

interface Dec {
  units: bigint;
  scale: number;
}

const DECIMAL = /^\d+(\.\d+)?$/;

function dec(text: string): Dec {
  if (!DECIMAL.test(text)) throw new DutyInputError(`not a non-negative decimal: ${text}`);
  const [whole = '0', fraction = ''] = text.split('.');
  return { units: BigInt(whole + fraction), scale: fraction.length };
}

function int(value: bigint): Dec {
  return { units: value, scale: 0 };
}

function mul(a: Dec, b: Dec): Dec {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

function add(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

function rescale(a: Dec, scale: number): bigint {
  return a.units * 10n ** BigInt(scale - a.scale);
}

function cmp(a: Dec, b: Dec): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

function divHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

function toCents(a: Dec): bigint {
  return a.scale <= 2 ? rescale(a, 2) : divHalfUp(a.units, 10n ** BigInt(a.scale - 2));
}

function cents(value: bigint): Dec {
  return { units: value, scale: 2 };
}

function money(value: bigint): string {
  const text = value.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

function positiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

// --- The estimate ---------------------------------------------------------------------------

type Category = RuleSetJson['categories'][number];

interface Work {
  index: number;
  article: ArticleJson;
  category: Category;
  rate: Dec;
  value: bigint;
  allowanceUsed: bigint;
  taxable: bigint;
  rule: LineRule;
  legalBasis: string;
}

export interface EstimateDutyInput {
  travellers: readonly TravellerJson[];
  articles: readonly ArticleJson[];
  checklistYes?: readonly string[];
  rules: RuleSetJson;
  rates: RatesJson;
}

/** Same rules, rounding and output as the server's `estimate_duty`. */
export function estimateDuty({
  travellers,
  articles,
  checklistYes = [],
  rules,
  rates,
}: EstimateDutyInput): EstimateJson {
  const byKey = new Map<string, TravellerJson>();
  for (const traveller of travellers) {
    if (byKey.has(traveller.key)) throw new DutyInputError(`traveller ${traveller.key} appears twice`);
    if (!Number.isSafeInteger(traveller.age) || traveller.age < 0) {
      throw new DutyInputError(`traveller ${traveller.key} has an invalid age`);
    }
    byKey.set(traveller.key, traveller);
  }
  const works = articles.map((article, index) => startLine(index, article, byKey, rules, rates));

  const totals: TravellerTotalJson[] = [];
  for (const key of [...byKey.keys()].sort(compareCodePoints)) {
    const traveller = byKey.get(key)!;
    const own = works.filter((w) => w.article.traveller_key === key);
    const reasons = new Set<Reason>();
    const allowance = rules.allowances.find(
      (a) => a.direction === ARRIVING && a.residency === traveller.residency,
    );
    if (allowance === undefined) throw new DutyInputError(`no allowance for ${traveller.residency}`);
    const allowanceCents = toCents(dec(allowance.amount_cny));

    const ordinary: Work[] = [];
    const limited: Work[] = [];
    for (const work of own) {
      if (work.article.taken_out_again === true) {
        work.rule = 'not_taxable_taken_out';
        work.legalBasis = allowance.basis;
      } else if (work.category.limit_kind !== null) {
        limited.push(work);
      } else if (work.article.indivisible === true && unitValueCents(work, rates) > allowanceCents) {
        work.rule = 'indivisible_over_allowance';
        work.taxable = work.value;
        work.legalBasis = allowance.basis;
      } else {
        work.legalBasis = allowance.basis;
        ordinary.push(work);
      }
    }

    const allowanceUsed = applyValueAllowance(ordinary, allowanceCents);
    if (limited.length > 0) applyQuantityLimits(limited, traveller, rules, reasons);

    const duty = sum(own.map(dutyCents));
    if (own.some((w) => w.taxable > 0n)) reasons.add('duty_owed');
    if (cashOverThreshold(traveller, rules, rates)) reasons.add('cash_over_threshold');
    totals.push({
      traveller_key: key,
      allowance_cny: money(allowanceCents),
      allowance_used_cny: money(allowanceUsed),
      value_cny: money(sum(own.map((w) => w.value))),
      taxable_cny: money(sum(own.map((w) => w.taxable))),
      duty_cny: money(duty),
      reasons: ordered(reasons),
    });
  }

  const all = new Set<Reason>(totals.flatMap((t) => t.reasons));
  if (checklistYes.some((code) => code !== '')) all.add('checklist_yes');
  const reasons = ordered(all);
  return {
    rule_set_version: rules.version,
    rates_date: rates.date,
    channel: reasons.length > 0 ? 'DECLARE' : 'NOTHING_TO_DECLARE',
    reasons,
    value_cny: money(sum(works.map((w) => w.value))),
    taxable_cny: money(sum(works.map((w) => w.taxable))),
    duty_cny: money(sum(works.map(dutyCents))),
    travellers: totals,
    lines: works.map((w) => ({
      article_key: w.article.key,
      traveller_key: w.article.traveller_key,
      category: w.category.code,
      value_cny: money(w.value),
      allowance_used_cny: money(w.allowanceUsed),
      taxable_cny: money(w.taxable),
      rate: w.category.rate,
      duty_cny: money(dutyCents(w)),
      rule: w.rule,
      legal_basis: w.legalBasis,
    })),
  };
}

function startLine(
  index: number,
  article: ArticleJson,
  travellers: Map<string, TravellerJson>,
  rules: RuleSetJson,
  rates: RatesJson,
): Work {
  const traveller = travellers.get(article.traveller_key);
  if (traveller === undefined) {
    const message = `article ${article.key}: no traveller ${article.traveller_key}`;
    throw new DutyInputError(message, 'unknown_traveller');
  }
  const category = rules.categories.find((c) => c.code === article.category);
  if (category === undefined) {
    const message = `article ${article.key}: unknown category ${article.category}`;
    throw new DutyInputError(message, 'unknown_category');
  }
  if (!positiveInteger(article.quantity)) {
    throw new DutyInputError(`article ${article.key}: quantity below 1`, 'invalid_article');
  }
  if (category.limit_kind !== null && !positiveInteger(article.unit_measure)) {
    throw new DutyInputError(`article ${article.key}: no unit_measure`, 'invalid_article');
  }
  if (article.taken_out_again === true && traveller.residency !== 'non_resident') {
    throw new DutyInputError(`article ${article.key}: residents cannot take out`, 'invalid_article');
  }
  const inCny = mul(dec(article.unit_value), rateOf(article.currency, rates));
  const value = toCents(mul(inCny, int(BigInt(article.quantity))));
  return {
    index,
    article,
    category,
    rate: dec(category.rate),
    value,
    allowanceUsed: 0n,
    taxable: 0n,
    rule: 'allowance',
    legalBasis: '',
  };
}

function rateOf(currency: string, rates: RatesJson): Dec {
  const rate = Object.hasOwn(rates.rates, currency) ? rates.rates[currency] : undefined;
  if (rate === undefined) {
    throw new DutyInputError(`no exchange rate for ${currency} on ${rates.date}`, 'unknown_currency');
  }
  return dec(rate);
}

function unitValueCents(work: Work, rates: RatesJson): bigint {
  return toCents(mul(dec(work.article.unit_value), rateOf(work.article.currency, rates)));
}

/** Highest tax rate first, then the larger value, then input order; see duty.py. */
function applyValueAllowance(works: Work[], allowance: bigint): bigint {
  let remaining = allowance;
  const order = [...works].sort(
    (a, b) => cmp(b.rate, a.rate) || compareBig(b.value, a.value) || a.index - b.index,
  );
  for (const work of order) {
    const covered = work.value < remaining ? work.value : remaining;
    remaining -= covered;
    work.allowanceUsed = covered;
    work.taxable = work.value - covered;
  }
  return allowance - remaining;
}

function applyQuantityLimits(
  works: Work[],
  traveller: TravellerJson,
  rules: RuleSetJson,
  reasons: Set<Reason>,
): void {
  const byGroup = new Map<string, Work[]>();
  for (const work of works) {
    const limit = limitOf(work, rules);
    work.legalBasis = limit.basis;
    if (traveller.age < limit.min_age) {
      work.rule = 'minor_no_alcohol_tobacco';
      work.taxable = work.value;
      reasons.add('minor_alcohol_tobacco');
      continue;
    }
    work.rule = limit.kind === 'alcohol' ? 'alcohol_limit' : 'tobacco_limit';
    const members = byGroup.get(limit.group) ?? [];
    members.push(work);
    byGroup.set(limit.group, members);
  }

  for (const [group, members] of byGroup) {
    // Alternatives in a group share one budget in a common unit (the lcm of their amounts).
    const budget = rules.quantity_limits
      .filter((q) => q.group === group)
      .map((q) => BigInt(q.amount))
      .reduce((a, b) => (a * b) / gcd(a, b));
    const sized = members.map((work) => {
      const weight = budget / BigInt(limitOf(work, rules).amount);
      const measure = BigInt(work.article.unit_measure ?? 0);
      return { work, units: BigInt(work.article.quantity) * measure * weight };
    });
    // Most duty saved per unit of the limit first: rate x value / units, compared exactly.
    const saving = (x: { work: Work }, y: { units: bigint }) => mul(mul(x.work.rate, int(x.work.value)), int(y.units));
    sized.sort(
      (a, b) =>
        cmp(saving(b, a), saving(a, b)) || compareBig(b.work.value, a.work.value) || a.work.index - b.work.index,
    );
    let remaining = budget;
    for (const { work, units } of sized) {
      const covered = units < remaining ? units : remaining;
      remaining -= covered;
      work.taxable = divHalfUp(work.value * (units - covered), units);
      work.allowanceUsed = work.value - work.taxable;
      if (covered < units) reasons.add('over_alcohol_tobacco_limit');
    }
  }
}

function limitOf(work: Work, rules: RuleSetJson): RuleSetJson['quantity_limits'][number] {
  const limit = rules.quantity_limits.find((q) => q.kind === work.category.limit_kind);
  if (limit === undefined) {
    throw new DutyInputError(`no quantity limit for ${String(work.category.limit_kind)}`);
  }
  return limit;
}

function cashOverThreshold(traveller: TravellerJson, rules: RuleSetJson, rates: RatesJson): boolean {
  let cny = int(0n);
  let foreignInCny = int(0n);
  for (const cash of traveller.cash ?? []) {
    if (cash.currency === 'CNY') cny = add(cny, dec(cash.amount));
    else foreignInCny = add(foreignInCny, mul(dec(cash.amount), rateOf(cash.currency, rates)));
  }
  if (cmp(cny, dec(rules.cash.cny)) > 0) return true;
  if (foreignInCny.units === 0n) return false;
  // Compare in CNY exactly rather than dividing by the USD rate.
  return cmp(foreignInCny, mul(dec(rules.cash.foreign_usd), rateOf('USD', rates))) > 0;
}

function dutyCents(work: Work): bigint {
  return toCents(mul(cents(work.taxable), work.rate));
}

function sum(values: bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Python sorts str by code point, as this does for keys within the BMP; localeCompare would not.
function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(reasons: Set<Reason>): Reason[] {
  return REASON_ORDER.filter((r) => reasons.has(r));
}
