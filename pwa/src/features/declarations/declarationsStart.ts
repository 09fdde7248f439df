// Creating drafts: a new one, a copy of a past declaration ("declare again"), or an amendment.
import type { DeclarationFullFragment } from '../../graphql/generated/graphql';
import { navigate } from '../identity/identitySession';
import { blankDraft, draftFromDeclaration, newKey, type DeclarationDraftData } from './declarationsModel';
import { saveDraft } from './declarationsStore';

export async function startDraft(data: DeclarationDraftData = blankDraft(), { id = newKey(), serverVersion = 0, step = 'trip' } = {}): Promise<void> {
  await saveDraft({ id, updatedAt: Date.now(), data, serverVersion, unsynced: serverVersion === 0 });
  navigate(`/declare/draft/${id}/${step}`);
}

export function declareAgain(d: DeclarationFullFragment): Promise<void> {
  return startDraft(draftFromDeclaration(d));
}

/** An amendment starts from everything in the declaration (companions too); a new QR comes out. */
export function amend(d: DeclarationFullFragment): Promise<void> {
  const base = draftFromDeclaration(d, { keepTraveller: true });
  const at = new Date(d.scheduledAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const companions = d.travellers.slice(1).map((c) => ({
    key: newKey(),
    fullName: c.fullName,
    dateOfBirth: String(c.dateOfBirth),
    isResident: c.isResident ? ('yes' as const) : ('no' as const),
    documentType: c.documentType as 'PASSPORT',
    documentNumber: c.documentNumber,
    consentStatement: c.consentStatement ?? '',
  }));
  return startDraft(
    {
      ...base,
      scheduledDate: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
      scheduledTime: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
      hasCompanions: companions.length ? 'yes' : 'no',
      companions,
      hasCash: d.cash.length ? 'yes' : 'no',
      cash: d.cash.map((c) => ({ key: newKey(), traveller: c.traveller, currency: c.currency, amount: c.amount })),
      restricted: {},
      amends: { id: d.id, number: d.number },
    },
    { step: 'review' },
  );
}
