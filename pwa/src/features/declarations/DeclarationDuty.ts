/**
 * Offline port of the server's duty estimate (backend/palm_customs/declarations/duty/: model.py, the rules; estimate.py, the estimate).
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
  | 'allowance_some_units'
  | 'not_chosen'
  | 'indivisible_over_allowance'
  | 'taxed_within_allowance'
  | 'alcohol_limit'
  | 'tobacco_limit'
  | 'minor_no_alcohol_tobacco'
  | 'not_taxable_taken_out';
export type LimitProfile = 'general' | 'hk_macau' | 'frequent_crosser';
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
  allowances: {
    direction: string;
    residency: Residency;
    amount_cny: string;
    basis: string;
    /** Arrival duty-free purchases may be exempted on top, up to this total; null: they share the allowance. */
    with_duty_free_cny?: string | null;
    duty_free_basis?: string;
    /** 'hk_macau': only for travellers arriving from Hong Kong or Macau. */
    origin?: 'any' | 'hk_macau';
    min_age?: number;
  }[];
  categories: {
    code: string;
    name: LocalizedText;
    examples: LocalizedText;
    rate: string;
    limit_kind: LimitKind | null;
    value_band?: ValueBandJson | null;
    synonyms?: string[];
    /** Goods taxed even within the allowance: the legal basis, or '' (rules.py). */
    taxed_within_allowance?: string;
  }[];
  quantity_limits: {
    kind: LimitKind;
    group: string;
    amount: number;
    unit: string;
    min_age: number;
    basis: string;
    profile?: LimitProfile;
  }[];
  cash: { cny: string; foreign_usd: string; basis: string };
  allowance_choice?: { method: string; basis: string };
  /** Land ports facing Hong Kong or Macau. */
  hk_macau_ports?: string[];
}

/** A category defined by a value band, [from_cny, below_cny), per unit or per ml/g. */
export interface ValueBandJson {
  group: string;
  per: 'unit' | 'measure';
  from_cny: string;
  below_cny: string | null;
  basis: string;
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
  /** Arriving from Hong Kong or Macau: their allowance and alcohol/tobacco limits apply. */
  from_hk_macau?: boolean;
  /** Crossing to and from Hong Kong or Macau the same day or often: the lowest limits. */
  frequent_crosser?: boolean;
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
  /** Quantity > 1 only: the units form one set, so the line is one article. */
  indivisible?: boolean;
  /** Non-residents only: the article leaves China again with the traveller. */
  taken_out_again?: boolean;
  /** Bought in an arrival duty-free shop at the port. */
  duty_free_shop?: boolean;
}

export interface EstimateLineJson {
  article_key: string;
  traveller_key: string;
  /** The category taxed: the band the value falls in. */
  category: string;
  declared_category: string;
  value_cny: string;
  allowance_used_cny: string;
  /** Whole articles of the line the value allowance exempts. */
  units_exempt: number;
  taxable_cny: string;
  rate: string;
  duty_cny: string;
  rule: LineRule;
  legal_basis: string;
}

export interface TravellerTotalJson {
  traveller_key: string;
  allowance_cny: string;
  allowance_with_duty_free_cny: string | null;
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

/**
 * The exact choice of exempted articles enumerates at most this many combinations in each half of
 * its meet-in-the-middle search; more is refused (declarations/duty/model.py: MAX_HALF_CHOICES).
 */
export const MAX_HALF_CHOICES = 2 ** 15;
const SATURATE = 2 ** 40;

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
  unitValue: bigint;
  unitsExempt: number;
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
    const allowance = allowanceOf(traveller, rules);
    const allowanceCents = toCents(dec(allowance.amount_cny));

    const ordinary: Work[] = [];
    const limited: Work[] = [];
    for (const work of own) {
      if (work.article.taken_out_again === true) {
        work.rule = 'not_taxable_taken_out';
        work.legalBasis = allowance.basis;
      } else if (work.category.limit_kind !== null) {
        limited.push(work);
      } else if ((work.category.taxed_within_allowance ?? '') !== '') {
        work.rule = 'taxed_within_allowance';
        work.taxable = work.value;
        work.legalBasis = work.category.taxed_within_allowance ?? '';
      } else {
        work.legalBasis = allowance.basis;
        ordinary.push(work);
      }
    }

    const withDutyFree = allowance.with_duty_free_cny ?? null;
    const allowanceUsed = applyValueAllowance(ordinary, {
      abroad: allowanceCents,
      total: withDutyFree === null ? allowanceCents : toCents(dec(withDutyFree)),
      dutyFreeApart: withDutyFree !== null,
    });
    if (limited.length > 0) applyQuantityLimits(limited, traveller, rules, reasons);

    const duty = sum(own.map(dutyCents));
    if (own.some((w) => w.taxable > 0n)) reasons.add('duty_owed');
    if (cashOverThreshold(traveller, rules, rates)) reasons.add('cash_over_threshold');
    totals.push({
      traveller_key: key,
      allowance_cny: money(allowanceCents),
      allowance_with_duty_free_cny: withDutyFree === null ? null : money(toCents(dec(withDutyFree))),
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
      declared_category: w.article.category,
      value_cny: money(w.value),
      allowance_used_cny: money(w.allowanceUsed),
      units_exempt: w.unitsExempt,
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
  const declared = rules.categories.find((c) => c.code === article.category);
  if (declared === undefined) {
    const message = `article ${article.key}: unknown category ${article.category}`;
    throw new DutyInputError(message, 'unknown_category');
  }
  if (!positiveInteger(article.quantity)) {
    throw new DutyInputError(`article ${article.key}: quantity below 1`, 'invalid_article');
  }
  if (declared.limit_kind !== null && !positiveInteger(article.unit_measure)) {
    throw new DutyInputError(`article ${article.key}: no unit_measure`, 'invalid_article');
  }
  if (article.taken_out_again === true && traveller.residency !== 'non_resident') {
    throw new DutyInputError(`article ${article.key}: residents cannot take out`, 'invalid_article');
  }
  const inCny = mul(dec(article.unit_value), rateOf(article.currency, rates));
  const value = toCents(mul(inCny, int(BigInt(article.quantity))));
  const unitValue = toCents(inCny);
  const category = placeInBand(article, declared, rules, unitValue);
  return {
    index,
    article,
    category,
    rate: dec(category.rate),
    value,
    unitValue,
    unitsExempt: 0,
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

/** The category of the band the article's value falls in (watches, cosmetics); see declarations/duty/estimate.py, _place_in_band. */
function placeInBand(article: ArticleJson, declared: Category, rules: RuleSetJson, unitValue: bigint): Category {
  const band = declared.value_band ?? null;
  if (band === null) return declared;
  let measure = 1n;
  if (band.per === 'measure') {
    if (!positiveInteger(article.unit_measure)) {
      throw new DutyInputError(`article ${article.key}: needs ml or g in one unit`, 'measure_required');
    }
    measure = BigInt(article.unit_measure);
  }
  for (const member of rules.categories) {
    const own = member.value_band ?? null;
    if (own === null || own.group !== band.group) continue;
    const low = toCents(dec(own.from_cny)) * measure;
    const high = own.below_cny === null ? null : toCents(dec(own.below_cny)) * measure;
    if (low <= unitValue && (high === null || unitValue < high)) return member;
  }
  throw new DutyInputError(`article ${article.key}: no band of ${band.group} fits`, 'invalid_article');
}

/** One line as the allowance sees it: `count` interchangeable whole articles. */
interface Group {
  work: Work;
  dutyFree: boolean;
  count: number;
  unit: bigint;
  rate: bigint;
  most: number;
}

/** (duty saved, value exempted, units per group), compared in that order. */
type Choice = [bigint, bigint, number[]];

function weight(group: Group, units: number): bigint {
  return units === group.count ? group.work.value : BigInt(units) * group.unit;
}

function compareChoice(a: Choice, b: Choice): number {
  const first = compareBig(a[0], b[0]) || compareBig(a[1], b[1]);
  if (first !== 0) return first;
  for (let i = 0; i < a[2].length; i++) {
    const d = (a[2][i] ?? 0) - (b[2][i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

interface Caps {
  abroad: bigint;
  total: bigint;
  dutyFreeApart: boolean;
}

/** Exempt whole articles, the set that saves the most duty (exactly); return the value exempted. */
function applyValueAllowance(works: Work[], caps: Caps): bigint {
  const groups = makeGroups(works, caps);
  const abroadAll = sum(groups.filter((g) => !g.dutyFree).map((g) => weight(g, g.count)));
  const allValue = sum(groups.map((g) => weight(g, g.count)));
  const chosen =
    abroadAll <= caps.abroad && allValue <= caps.total ? groups.map((g) => g.count) : chooseExempt(groups, caps);
  let used = 0n;
  groups.forEach((group, i) => {
    const units = chosen[i] ?? 0;
    const work = group.work;
    const exempt = weight(group, units);
    used += exempt;
    work.unitsExempt = units;
    work.allowanceUsed = exempt;
    work.taxable = work.value - exempt;
    if (units === group.count) work.rule = 'allowance';
    else if (units > 0) work.rule = 'allowance_some_units';
    else if (group.most === 0 && weight(group, Math.min(1, group.count)) > 0n) work.rule = 'indivisible_over_allowance';
    else work.rule = 'not_chosen';
  });
  return used;
}

function capOf(group: { dutyFree: boolean }, caps: Caps): bigint {
  return group.dutyFree ? caps.total : caps.abroad < caps.total ? caps.abroad : caps.total;
}

function makeGroups(works: Work[], caps: Caps): Group[] {
  const scale = Math.max(0, ...works.map((w) => w.rate.scale));
  const isDutyFree = (w: Work) => caps.dutyFreeApart && w.article.duty_free_shop === true;
  // Duty-free purchases first: the search keeps them all in its first half.
  const ordered = [...works].sort((a, b) => Number(!isDutyFree(a)) - Number(!isDutyFree(b)) || a.index - b.index);
  return ordered.map((work) => {
    const single = work.article.quantity === 1 || work.article.indivisible === true;
    const group: Group = {
      work,
      dutyFree: isDutyFree(work),
      count: single ? 1 : work.article.quantity,
      unit: single ? work.value : work.unitValue,
      rate: rescale(work.rate, scale),
      most: 0,
    };
    group.most = Math.max(0, ...candidates(group, capOf(group, caps)));
    return group;
  });
}

/** Units of the group that could be exempted on their own (weight within `cap`). */
function candidates(group: Group, cap: bigint): number[] {
  let top: number;
  if (weight(group, group.count) <= cap) top = group.count;
  else if (group.unit === 0n) top = group.count - 1;
  else {
    const fit = cap / group.unit;
    top = fit < BigInt(group.count - 1) ? Number(fit) : group.count - 1;
  }
  const out: number[] = [];
  for (let k = 0; k <= top; k++) if (weight(group, k) <= cap) out.push(k);
  return out;
}

function product(values: number[]): number {
  return values.reduce((a, b) => Math.min(a * b, SATURATE), 1);
}

type Partial = [bigint, bigint, bigint, number[]]; // abroad value, duty-free value, saved, units

function enumerate(groups: Group[], caps: Caps): Partial[] {
  let found: Partial[] = [[0n, 0n, 0n, []]];
  for (const group of groups) {
    const options = candidates(group, capOf(group, caps));
    const grown: Partial[] = [];
    for (const [a, d, p, c] of found) {
      for (const units of options) {
        const w = weight(group, units);
        const na = group.dutyFree ? a : a + w;
        const nd = group.dutyFree ? d + w : d;
        if (na <= caps.abroad && na + nd <= caps.total) grown.push([na, nd, p + w * group.rate, [...c, units]]);
      }
    }
    found = grown;
  }
  return found;
}

/** Meet in the middle over the groups; the first half holds every duty-free group (see declarations/duty/estimate.py, _choose_exempt). */
function chooseExempt(groups: Group[], caps: Caps): number[] {
  const options = groups.map((g) => candidates(g, capOf(g, caps)).length);
  const first = groups.filter((g) => g.dutyFree).length;
  let split = first;
  let bestCost = SATURATE + 1;
  for (let s = first; s <= options.length; s++) {
    const cost = Math.max(product(options.slice(0, s)), product(options.slice(s)));
    if (cost < bestCost) {
      split = s;
      bestCost = cost;
    }
  }
  if (Math.max(product(options.slice(0, split)), product(options.slice(split))) > MAX_HALF_CHOICES) {
    throw new DutyInputError('too many different articles to choose the exempt ones', 'too_many_allowance_choices');
  }
  const left = enumerate(groups.slice(0, split), caps);
  const right = enumerate(groups.slice(split), caps)
    .map(([a, d, p, c]): Choice => [p, a + d, c])
    .sort((x, y) => compareBig(x[1], y[1]));
  const bestUpTo: Choice[] = [];
  for (const choice of right) {
    const previous = bestUpTo[bestUpTo.length - 1];
    bestUpTo.push(previous === undefined || compareChoice(choice, previous) > 0 ? choice : previous);
  }
  let best: Choice | null = null;
  for (const [a, d, p, c] of left) {
    const roomAbroad = caps.abroad - a;
    const roomTotal = caps.total - a - d;
    const room = roomAbroad < roomTotal ? roomAbroad : roomTotal;
    const j = lastAtMost(right, room);
    const [rp, rw, rc] = bestUpTo[j]!;
    const candidate: Choice = [p + rp, a + d + rw, [...c, ...rc]];
    if (best === null || compareChoice(candidate, best) > 0) best = candidate;
  }
  return best![2];
}

/** Index of the last choice weighing at most `room` (the empty choice weighs 0, so always one). */
function lastAtMost(sorted: Choice[], room: bigint): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]![1] <= room) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The most specific allowance that applies: by origin first, then the higher min age (rules.py). */
function allowanceOf(traveller: TravellerJson, rules: RuleSetJson): RuleSetJson['allowances'][number] {
  const fromHkMacau = traveller.from_hk_macau === true || traveller.frequent_crosser === true;
  const fitting = rules.allowances.filter(
    (a) =>
      a.direction === ARRIVING &&
      a.residency === traveller.residency &&
      traveller.age >= (a.min_age ?? 0) &&
      ((a.origin ?? 'any') === 'any' || fromHkMacau),
  );
  let best: RuleSetJson['allowances'][number] | undefined;
  for (const a of fitting) {
    const key = (x: typeof a) => [Number((x.origin ?? 'any') === 'hk_macau'), x.min_age ?? 0] as const;
    if (best === undefined) best = a;
    else {
      const [o1, m1] = key(a);
      const [o2, m2] = key(best);
      if (o1 > o2 || (o1 === o2 && m1 > m2)) best = a;
    }
  }
  if (best === undefined) throw new DutyInputError(`no allowance for ${traveller.residency}`);
  return best;
}

function profileOf(traveller: TravellerJson): LimitProfile {
  if (traveller.frequent_crosser === true) return 'frequent_crosser';
  return traveller.from_hk_macau === true ? 'hk_macau' : 'general';
}

function applyQuantityLimits(
  works: Work[],
  traveller: TravellerJson,
  rules: RuleSetJson,
  reasons: Set<Reason>,
): void {
  const profile = profileOf(traveller);
  const byGroup = new Map<string, Work[]>();
  for (const work of works) {
    const limit = limitOf(work.category.limit_kind, rules, profile);
    work.legalBasis = limit.basis;
    if (traveller.age < limit.min_age) {
      work.rule = 'minor_no_alcohol_tobacco';
      work.taxable = work.value;
      reasons.add('minor_alcohol_tobacco');
      continue;
    }
    work.rule = limit.kind === 'alcohol' ? 'alcohol_limit' : 'tobacco_limit';
    if (limit.amount === 0) {
      // None of it free of duty (frequent crossers' alcohol).
      work.taxable = work.value;
      reasons.add('over_alcohol_tobacco_limit');
      continue;
    }
    const members = byGroup.get(limit.group) ?? [];
    members.push(work);
    byGroup.set(limit.group, members);
  }

  for (const [group, members] of byGroup) {
    // Alternatives in a group share one budget in a common unit (the lcm of their amounts).
    const kinds = [...new Set(rules.quantity_limits.filter((q) => q.group === group).map((q) => q.kind))];
    const budget = kinds
      .map((kind) => limitOf(kind, rules, profile).amount)
      .filter((amount) => amount > 0)
      .map((amount) => BigInt(amount))
      .reduce((a, b) => (a * b) / gcd(a, b));
    const sized = members.map((work) => {
      const weight = budget / BigInt(limitOf(work.category.limit_kind, rules, profile).amount);
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
      // Whole units only: a bottle or pack is never split by the limit (declarations/duty/estimate.py, step 4).
      const quantity = BigInt(work.article.quantity);
      const perUnit = units / quantity;
      const fit = remaining / perUnit;
      const covered = (fit < quantity ? fit : quantity) * perUnit;
      remaining -= covered;
      work.taxable = divHalfUp(work.value * (units - covered), units);
      work.allowanceUsed = work.value - work.taxable;
      if (covered < units) reasons.add('over_alcohol_tobacco_limit');
    }
  }
}

/** The limit of the profile, or the general one where the profile has none of its own. */
function limitOf(kind: LimitKind | null, rules: RuleSetJson, profile: LimitProfile): RuleSetJson['quantity_limits'][number] {
  for (const wanted of [profile, 'general']) {
    const limit = rules.quantity_limits.find((q) => q.kind === kind && (q.profile ?? 'general') === wanted);
    if (limit !== undefined) return limit;
  }
  throw new DutyInputError(`no quantity limit for ${String(kind)}`);
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
