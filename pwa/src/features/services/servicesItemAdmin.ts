// The service item form's pure parts: its values from an item, what is missing, the update input
// (only what changed) and where each server field path points.
import type { SummaryError } from '../../components/ErrorSummary';
import type { FeeDue, ItemMaterialInput, ServiceItemUpdateInput, ServicesItemFullFragment } from '../../graphql/generated/graphql';
import { localized, localizedFieldId, missingTexts, type Localized } from './ServicesAdminForm';
import { ts } from './servicesMessages';

export const TEXTS = ['name', 'description', 'conditions', 'fees'] as const;
export type ItemText = (typeof TEXTS)[number];
/** The server's limits: a name is short, the other texts are paragraphs. */
export const TEXT_MAX: Record<ItemText, number> = { name: 200, description: 2000, conditions: 2000, fees: 2000 };
export const DAYS_MAX = 365;

export const ITEM_CHOICE_ID = 'item-admin-item';
export const ITEM_DAYS_ID = 'item-admin-days';
export const ITEM_LEVELS_ID = 'item-admin-levels';
export const ITEM_FEE_ID = 'item-admin-fee';
export const ITEM_FEE_DUE_ID = 'item-admin-fee-due';
/** The server's limit: one million yuan, in fen. */
export const FEE_MAX_FEN = 100_000_000;
export const itemTextPrefix = (text: ItemText) => `item-admin-${text}`;
export const itemMaterialId = (code: string) => `item-admin-material-${code}`;

export interface ItemValues {
  texts: Record<ItemText, Localized>;
  days: string;
  levels: '1' | '2';
  /** The fee paid online, in yuan as typed ("50.00"; "0" or empty: free). */
  fee: string;
  feeDue: FeeDue;
  /** In the item's order; a material added is asked for last. */
  materials: ItemMaterialInput[];
}

export function itemValues(item: ServicesItemFullFragment): ItemValues {
  return {
    texts: { name: localized(item.name), description: localized(item.description), conditions: localized(item.conditions), fees: localized(item.fees) },
    days: String(item.timeLimitDays),
    levels: item.reviewLevels === 2 ? '2' : '1',
    fee: item.fee ? (item.fee.amountFen / 100).toFixed(2) : '0',
    feeDue: item.fee?.due ?? ('ON_SUBMISSION' as FeeDue),
    materials: item.materials.map((m) => ({ material: m.material, required: m.required })),
  };
}

/** The material list with `code` required, optional or (`''`) no longer asked for. */
export function withMaterial(list: readonly ItemMaterialInput[], code: string, need: 'required' | 'optional' | ''): ItemMaterialInput[] {
  if (!need) return list.filter((m) => m.material !== code);
  const required = need === 'required';
  return list.some((m) => m.material === code)
    ? list.map((m) => (m.material === code ? { material: code, required } : m))
    : [...list, { material: code, required }];
}

/** The time limit typed in working days, or null unless a whole number from 1 to 365. */
export function workingDays(text: string): number | null {
  const value = Number(text.trim());
  return /^\d+$/.test(text.trim()) && value >= 1 && value <= DAYS_MAX ? value : null;
}

/** The fee typed in yuan as integer fen, or null unless 0 to one million with at most 2 decimals. */
export function feeFen(text: string): number | null {
  const typed = text.trim() || '0';
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(typed);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen <= FEE_MAX_FEN ? fen : null;
}

/** What the person can see is missing or wrong, said before any passkey prompt. */
export function itemMissing(values: ItemValues): SummaryError[] {
  const missing = TEXTS.flatMap((text) => missingTexts(values.texts[text], itemTextPrefix(text), (lang) => ts(`items.error.${text}.${lang}`)));
  if (workingDays(values.days) === null) missing.push({ fieldId: ITEM_DAYS_ID, message: ts('items.error.days', { max: DAYS_MAX }) });
  if (feeFen(values.fee) === null) missing.push({ fieldId: ITEM_FEE_ID, message: ts('items.error.fee') });
  return missing;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The update for what differs from `item` (empty when nothing does); `days` must be valid. */
export function itemInput(item: ServicesItemFullFragment, values: ItemValues): ServiceItemUpdateInput {
  const before = itemValues(item);
  const input: ServiceItemUpdateInput = {};
  for (const text of TEXTS) {
    const trimmed = { zhHans: values.texts[text].zhHans.trim(), zhHant: values.texts[text].zhHant.trim(), en: values.texts[text].en.trim() };
    if (!same(trimmed, before.texts[text])) input[text] = trimmed;
  }
  const days = workingDays(values.days);
  if (days !== null && days !== item.timeLimitDays) input.timeLimitDays = days;
  if (values.levels !== before.levels) input.reviewLevels = Number(values.levels);
  if (!same(values.materials, before.materials)) input.materials = values.materials;
  const fen = feeFen(values.fee);
  const feeBefore = item.fee ? { amountFen: item.fee.amountFen, due: item.fee.due } : { amountFen: 0, due: values.feeDue };
  if (fen !== null && !same({ amountFen: fen, due: fen ? values.feeDue : feeBefore.due }, feeBefore)) input.fee = { amountFen: fen, due: values.feeDue };
  return input;
}

/** Where a server field path points in this form; `materials` is the list as it was sent. */
export function itemFieldId(path: string | null | undefined, materials: readonly ItemMaterialInput[]): string {
  for (const text of TEXTS) {
    const id = localizedFieldId(path, text, itemTextPrefix(text));
    if (id) return id;
  }
  if (path === 'input.timeLimitDays') return ITEM_DAYS_ID;
  if (path === 'input.reviewLevels') return ITEM_LEVELS_ID;
  if (path?.startsWith('input.fee')) return ITEM_FEE_ID;
  const material = /^input\.materials\.(\d+)/.exec(path ?? '');
  const code = material ? materials[Number(material[1])]?.material : undefined;
  return code ? itemMaterialId(code) : ITEM_CHOICE_ID;
}
