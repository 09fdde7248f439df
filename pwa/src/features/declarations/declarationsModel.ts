// The declaration draft as the person builds it, and its mapping to the server's input.
// Pure functions (no IndexedDB, no fetch), so they are unit-tested directly.
import { SERVICE_TIME_ZONE, zonedInstant } from '../../clock';
import type {
  ArticleInput,
  CashInput,
  DeclarationInput,
  Direction,
  DocumentType,
  EstimateTravellerInput,
  TravelMode,
} from '../../graphql/generated/graphql';
import type { SummaryError } from '../../components/ErrorSummary';
import type { ArticleJson, TravellerJson } from './DeclarationDuty';
import type { CachedRules } from './declarationsStore';

export type YesNo = 'yes' | 'no' | null;

export interface DraftCompanion {
  key: string;
  fullName: string;
  dateOfBirth: string;
  isResident: YesNo;
  documentType: DocumentType;
  documentNumber: string;
  consentStatement: string;
}

export interface DraftArticle {
  key: string;
  traveller: number;
  categoryCode: string;
  description: string;
  quantity: string;
  unitValue: string;
  currency: string;
  unitMeasure: string;
  indivisible: boolean;
  takenOutAgain: boolean;
  dutyFreeShop: boolean;
  /** Optional: a photo of the receipt or the article. */
  photo?: DraftPhoto | undefined;
  /** Why the last photo was refused by the vault (too large, unreadable …), until another is chosen. */
  photoRefused?: string | undefined;
}

/**
 * An article's photo. Until it is uploaded the (downscaled) Blob waits in the `files` store under
 * `fileId`, which is also the upload's Idempotency-Key; once uploaded, `documentId` names it in
 * the person's document vault (and the Blob is gone).
 */
export interface DraftPhoto {
  fileId: string;
  documentId?: string | undefined;
  name: string;
  type: string;
}

/** A photo still to upload before the declaration can be sent. */
export interface PendingPhoto {
  articleKey: string;
  fileId: string;
  materialCode: string;
}

/** The vault material an article photo is filed as: a PDF is a receipt, a picture shows the goods. */
export function photoMaterial(type: string): 'INVOICE' | 'PRODUCT_PHOTOS' {
  return type === 'application/pdf' ? 'INVOICE' : 'PRODUCT_PHOTOS';
}

/** Photos of the articles being sent that have not reached the vault yet. */
export function pendingPhotos(articles: readonly DraftArticle[]): PendingPhoto[] {
  return articles.flatMap((a) =>
    a.photo && !a.photo.documentId ? [{ articleKey: a.key, fileId: a.photo.fileId, materialCode: photoMaterial(a.photo.type) }] : [],
  );
}

/** The input with each uploaded photo's document id filled in (article key -> document id). */
export function withPhotoDocuments(input: DeclarationInput, uploaded: Readonly<Record<string, string>>): DeclarationInput {
  if (!input.articles) return input;
  return { ...input, articles: input.articles.map((a) => (uploaded[a.key] ? { ...a, photoDocumentId: uploaded[a.key] } : a)) };
}

/** The draft with the uploaded photo's document id recorded (the article may have changed since). */
export function setPhotoDocument(draft: DeclarationDraftData, fileId: string, documentId: string): DeclarationDraftData {
  return {
    ...draft,
    articles: draft.articles.map((a) => (a.photo?.fileId === fileId && !a.photo.documentId ? { ...a, photo: { ...a.photo, documentId } } : a)),
  };
}

/** The draft without a photo the vault refused, and why (shown with the article). */
export function refusePhoto(draft: DeclarationDraftData, fileId: string, message: string): DeclarationDraftData {
  return {
    ...draft,
    articles: draft.articles.map((a) => (a.photo?.fileId === fileId ? { ...a, photo: undefined, photoRefused: message } : a)),
  };
}

export interface DraftCash {
  key: string;
  traveller: number;
  currency: string;
  amount: string;
}

export interface DeclarationDraftData {
  schema: 1;
  direction: Direction | null;
  portCode: string;
  travelMode: TravelMode | null;
  travelNumber: string;
  scheduledDate: string;
  scheduledTime: string;
  hasCompanions: YesNo;
  /** Arriving from Hong Kong or Macau: crossed there and back the same day or often. */
  frequentCrosser?: YesNo;
  companions: DraftCompanion[];
  articles: DraftArticle[];
  hasCash: YesNo;
  cash: DraftCash[];
  restricted: Record<string, YesNo>;
  /** Set when this draft amends a submitted declaration. */
  amends?: { id: string; number: string } | undefined;
  /** Reused for every try of the same submission, so the server deduplicates. */
  idempotencyKey?: string | undefined;
}

/** The profile fields the estimate needs for the declarant (from `me`, cached for offline). */
export interface DeclarantProfile {
  fullName: string;
  isResident: boolean;
  dateOfBirth: string | null;
  documentType: string;
  documentNumberMasked: string;
}

export const STEPS = ['trip', 'companions', 'articles', 'cash', 'checklist', 'review'] as const;
export type Step = (typeof STEPS)[number];

/**
 * Categories that need a measure of one unit: the alcohol and tobacco limits count ml, sticks,
 * cigars or grams; cosmetics are banded by value per ml or g (high-end from 10 yuan/ml).
 */
export const MEASURED_CATEGORIES: Record<string, 'ml' | 'stick' | 'cigar' | 'g' | 'mlg'> = {
  cosmetics: 'mlg',
  cosmetics_high_end: 'mlg',
  alcohol: 'ml',
  cigarettes: 'stick',
  cigars: 'cigar',
  pipe_tobacco: 'g',
};

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'MOP', 'TWD', 'JPY', 'KRW', 'GBP', 'AUD', 'SGD', 'THB'] as const;

export function newKey(): string {
  return crypto.randomUUID();
}

export function blankDraft(): DeclarationDraftData {
  return {
    schema: 1,
    direction: null,
    portCode: '',
    travelMode: null,
    travelNumber: '',
    scheduledDate: '',
    scheduledTime: '',
    hasCompanions: null,
    companions: [],
    articles: [],
    hasCash: null,
    cash: [],
    restricted: {},
  };
}

export function blankArticle(traveller = 0): DraftArticle {
  return {
    key: newKey(),
    traveller,
    categoryCode: '',
    description: '',
    quantity: '1',
    unitValue: '',
    currency: 'CNY',
    unitMeasure: '',
    indivisible: false,
    takenOutAgain: false,
    dutyFreeShop: false,
  };
}

export function blankCompanion(): DraftCompanion {
  return {
    key: newKey(),
    fullName: '',
    dateOfBirth: '',
    isResident: null,
    documentType: 'PASSPORT',
    documentNumber: '',
    consentStatement: '',
  };
}

/** A stored JSON value back into a draft; anything unreadable starts blank rather than crashing. */
export function parseDraft(value: unknown): DeclarationDraftData {
  const base = blankDraft();
  if (typeof value !== 'object' || value === null) return base;
  const v = value as Partial<DeclarationDraftData>;
  return {
    ...base,
    ...v,
    schema: 1,
    companions: Array.isArray(v.companions) ? v.companions : [],
    articles: Array.isArray(v.articles) ? v.articles : [],
    cash: Array.isArray(v.cash) ? v.cash : [],
    restricted: typeof v.restricted === 'object' && v.restricted !== null ? v.restricted : {},
  };
}

/**
 * The crossing's date + time, as the ticket prints it (the port's local time, China Standard
 * Time, wherever the phone is), to an ISO instant; null while incomplete.
 */
export function scheduledAt(draft: Pick<DeclarationDraftData, 'scheduledDate' | 'scheduledTime'>): string | null {
  return zonedInstant(draft.scheduledDate, draft.scheduledTime, SERVICE_TIME_ZONE)?.toISOString() ?? null;
}

export const LEAD_HOURS = 72;
export const AFTER_HOURS = 24;

/** The submission window: from 72 h before the scheduled crossing to 24 h after. */
export function submissionWindow(iso: string): { opens: Date; closes: Date } {
  const at = new Date(iso).getTime();
  return { opens: new Date(at - LEAD_HOURS * 3600_000), closes: new Date(at + AFTER_HOURS * 3600_000) };
}

export type WindowState = 'early' | 'open' | 'closed';
export function windowState(iso: string, now: Date): WindowState {
  const { opens, closes } = submissionWindow(iso);
  if (now < opens) return 'early';
  if (now > closes) return 'closed';
  return 'open';
}

const money = (s: string) => s.trim().replace(/,/g, '');
const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

export function isMoney(s: string): boolean {
  return /^\d{1,9}(\.\d{1,2})?$/.test(money(s));
}

export function articleToInput(a: DraftArticle, travellerIsResident: boolean): ArticleInput {
  const measure = MEASURED_CATEGORIES[a.categoryCode] ? int(a.unitMeasure) : NaN;
  return {
    key: a.key,
    traveller: a.traveller,
    categoryCode: a.categoryCode,
    description: a.description.trim(),
    quantity: Number.isNaN(int(a.quantity)) ? 0 : int(a.quantity),
    unitValue: money(a.unitValue) || '0',
    currency: a.currency,
    unitMeasure: Number.isNaN(measure) ? null : measure,
    // A single article is indivisible by nature; the box only says whether several form one set.
    indivisible: a.indivisible && int(a.quantity) > 1,
    takenOutAgain: !travellerIsResident && a.takenOutAgain,
    dutyFreeShop: a.dutyFreeShop,
    photoDocumentId: a.photo?.documentId ?? null,
  };
}

export function cashToInput(c: DraftCash): CashInput {
  return { traveller: c.traveller, currency: c.currency, amount: money(c.amount) || '0' };
}

/** Who travels: index 0 is the declarant, then companions in order. */
export function travellerResidency(draft: DeclarationDraftData, profile: DeclarantProfile | null, index: number): boolean {
  if (index === 0) return profile?.isResident ?? true;
  return draft.companions[index - 1]?.isResident === 'yes';
}

export function restrictedYes(draft: DeclarationDraftData): string[] {
  return Object.entries(draft.restricted)
    .filter(([, answer]) => answer === 'yes')
    .map(([code]) => code)
    .sort();
}

/** Articles that are complete enough to estimate. */
export function estimableArticles(draft: DeclarationDraftData): DraftArticle[] {
  return draft.articles.filter(
    (a) =>
      a.categoryCode &&
      int(a.quantity) > 0 &&
      isMoney(a.unitValue) &&
      (!MEASURED_CATEGORIES[a.categoryCode] || int(a.unitMeasure) > 0) &&
      a.traveller <= draft.companions.length,
  );
}

export function toDeclarationInput(draft: DeclarationDraftData, profile: DeclarantProfile | null): DeclarationInput {
  const companions = draft.hasCompanions === 'yes' ? draft.companions : [];
  const effective = { ...draft, companions };
  return {
    direction: draft.direction ?? 'ARRIVING',
    portCode: draft.portCode,
    travelMode: draft.travelMode ?? 'FLIGHT',
    travelNumber: draft.travelNumber.trim().toUpperCase(),
    scheduledAt: scheduledAt(draft) ?? '',
    companions: companions.map((c) => ({
      fullName: c.fullName.trim(),
      dateOfBirth: c.dateOfBirth,
      isResident: c.isResident === 'yes',
      documentType: c.documentType,
      documentNumber: c.documentNumber.trim().toUpperCase(),
      consentStatement: c.consentStatement.trim(),
    })),
    articles: draft.articles
      .filter((a) => a.traveller <= companions.length)
      .map((a) => articleToInput(a, travellerResidency(effective, profile, a.traveller))),
    cash: draft.hasCash === 'yes' ? draft.cash.filter((c) => c.traveller <= companions.length).map(cashToInput) : [],
    restrictedYes: restrictedYes(draft),
    frequentCrosser: draft.frequentCrosser === 'yes',
  };
}

/** Ports facing Hong Kong or Macau, from the cached rule set (arriving there is arriving from there). */
export function facesHkMacau(ruleSetJson: string | undefined, portCode: string): boolean {
  if (!ruleSetJson || !portCode) return false;
  try {
    const ports = (JSON.parse(ruleSetJson) as { hk_macau_ports?: string[] }).hk_macau_ports ?? [];
    return ports.includes(portCode.toUpperCase());
  } catch {
    return false;
  }
}

export function ageOn(dateOfBirth: string, today: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--;
  return age;
}

/** Travellers as the estimate needs them (declarant first). */
export function estimateTravellers(draft: DeclarationDraftData, profile: DeclarantProfile | null): EstimateTravellerInput[] {
  const companions = draft.hasCompanions === 'yes' ? draft.companions : [];
  return [
    { isResident: profile?.isResident ?? true, dateOfBirth: profile?.dateOfBirth ?? '1970-01-01' },
    ...companions.map((c) => ({ isResident: c.isResident === 'yes', dateOfBirth: c.dateOfBirth || '1970-01-01' })),
  ];
}

/** The same inputs in the shape of the offline duty function (DeclarationDuty.ts). */
export function offlineEstimateInput(
  draft: DeclarationDraftData,
  profile: DeclarantProfile | null,
  today: Date,
): { travellers: TravellerJson[]; articles: ArticleJson[]; checklistYes: string[] } {
  const input = toDeclarationInput(draft, profile);
  const travellers = estimateTravellers(draft, profile).map<TravellerJson>((t, index) => ({
    key: String(index),
    residency: t.isResident ? 'resident' : 'non_resident',
    age: ageOn(String(t.dateOfBirth), today),
    cash: (input.cash ?? [])
      .filter((c) => c.traveller === index)
      .map((c) => ({ amount: c.amount, currency: c.currency })),
  }));
  const keys = new Set(estimableArticles(draft).map((a) => a.key));
  const articles =
    draft.direction === 'DEPARTING'
      ? []
      : (input.articles ?? [])
          .filter((a) => keys.has(a.key))
          .map<ArticleJson>((a) => ({
            key: a.key,
            traveller_key: String(a.traveller),
            category: a.categoryCode,
            quantity: a.quantity,
            unit_value: a.unitValue,
            currency: a.currency,
            unit_measure: a.unitMeasure ?? null,
            indivisible: a.indivisible ?? false,
            taken_out_again: a.takenOutAgain ?? false,
            duty_free_shop: a.dutyFreeShop ?? false,
          }));
  return { travellers, articles, checklistYes: input.restrictedYes ?? [] };
}

/** Copy trip and articles of a past declaration into a new draft ("declare again"). */
export function draftFromDeclaration(
  d: {
    direction: Direction;
    portCode: string;
    travelMode: TravelMode;
    travelNumber: string;
    articles: readonly {
      key: string;
      traveller: number;
      categoryCode: string;
      description: string;
      quantity: number;
      unitValue: string;
      currency: string;
      unitMeasure?: number | null;
      indivisible: boolean;
      takenOutAgain: boolean;
      dutyFreeShop: boolean;
      photo?: { documentId: string; mediaType: string } | null;
    }[];
  },
  { keepTraveller = false }: { keepTraveller?: boolean } = {},
): DeclarationDraftData {
  return {
    ...blankDraft(),
    direction: d.direction,
    portCode: d.portCode,
    travelMode: d.travelMode,
    travelNumber: d.travelNumber,
    hasCompanions: keepTraveller ? null : 'no',
    articles: d.articles.map((a) => ({
      key: newKey(),
      traveller: keepTraveller ? a.traveller : 0,
      categoryCode: a.categoryCode,
      description: a.description,
      quantity: String(a.quantity),
      unitValue: a.unitValue,
      currency: a.currency,
      unitMeasure: a.unitMeasure ? String(a.unitMeasure) : '',
      indivisible: a.indivisible,
      takenOutAgain: a.takenOutAgain,
      dutyFreeShop: a.dutyFreeShop,
      // An amendment keeps the photos already in the vault; a new trip starts without them.
      photo:
        keepTraveller && a.photo
          ? { fileId: a.photo.documentId, documentId: a.photo.documentId, name: '', type: a.photo.mediaType }
          : undefined,
    })),
  };
}

/** What the wizard gives each step (the steps import it from here, not from the wizard). */
export interface StepProps {
  draftId: string;
  draft: DeclarationDraftData;
  update: (change: (draft: DeclarationDraftData) => DeclarationDraftData) => void;
  rules: CachedRules | null;
  rulesOffline: boolean;
  profile: DeclarantProfile | null | undefined;
  errors: readonly SummaryError[];
  setErrors: (errors: SummaryError[]) => void;
  /** Go to a step (or a sub-page: "article/<key>"), saving first. */
  go: (path: string) => void;
  item?: string | undefined;
}

export const draftPath = (id: string, step: string) => `/declare/draft/${id}/${step}`;
