// Sending a queued declaration (submit or amend) from the outbox.
import { client } from '../../graphql/client';
import {
  DeclarationAmendDocument,
  DeclarationSubmitDocument,
  type DeclarationAmendMutationVariables,
  type DeclarationSubmitMutationVariables,
  type DeclarationSubmitOutcomeFragment,
} from '../../graphql/generated/graphql';
import type { OutboxRecord } from '../../offline/idb';
import type { OutboxResult } from '../../offline/outbox';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import type { PendingPhoto } from './declarationsModel';
import { inputWithPhotos } from './declarationsPhotos';
import { discardDraft, storeDeclaration, storeSubmissionResult } from './declarationsStore';

export const OUTBOX_SUBMIT = 'declarationSubmit';
export const OUTBOX_AMEND = 'declarationAmend';

/** `photos`: article photos still on this device, uploaded before the declaration is sent. */
export type SubmitVariables = DeclarationSubmitMutationVariables & { photos?: PendingPhoto[] | undefined };
export type AmendVariables = DeclarationAmendMutationVariables & { draftId?: string | null; photos?: PendingPhoto[] | undefined };

const plain = client.request as unknown as ReturnType<typeof createSecureRequest>;

function sender(interactive: boolean) {
  return interactive
    ? createSecureRequest({ client, onStatus: (status) => (stepUpStatus.value = status) })
    : plain;
}

async function settle(record: OutboxRecord, outcome: DeclarationSubmitOutcomeFragment, draftId: string | number | null | undefined): Promise<OutboxResult> {
  if (outcome.__typename === 'DeclarationSubmitSuccess') {
    await storeDeclaration(outcome.declaration);
    await storeSubmissionResult(record.id, outcome.declaration.id);
    if (draftId) await discardDraft(String(draftId));
    return { kind: 'sent', result: outcome.declaration.id };
  }
  return { kind: 'refused', result: outcome };
}

/** A photo the vault refused (too large, unreadable …): shown like the server's own refusals. */
function photoRefused(articleKey: string, message: string, input: SubmitVariables['input']): OutboxResult {
  const index = Math.max(0, (input.articles ?? []).findIndex((a) => a.key === articleKey));
  return {
    kind: 'refused',
    result: { __typename: 'DeclarationError', declarationCode: 'PHOTO_NOT_FOUND', message, field: `input.articles.${index}.photoDocumentId` },
  };
}

export async function sendSubmit(record: OutboxRecord, interactive: boolean): Promise<OutboxResult> {
  const { photos, ...variables } = record.variables as SubmitVariables;
  // The photos first: the declaration may only name documents already in the vault.
  const ready = await inputWithPhotos(variables.input, photos);
  if (ready.kind === 'refused') return photoRefused(ready.articleKey, ready.message, variables.input);
  const data = await sender(interactive)(DeclarationSubmitDocument, { ...variables, input: ready.input });
  return settle(record, data.declarationSubmit, variables.draftId);
}

export async function sendAmend(record: OutboxRecord, interactive: boolean): Promise<OutboxResult> {
  const { draftId, photos, ...variables } = record.variables as AmendVariables;
  const ready = await inputWithPhotos(variables.input, photos);
  if (ready.kind === 'refused') return photoRefused(ready.articleKey, ready.message, variables.input);
  const data = await sender(interactive)(DeclarationAmendDocument, { ...variables, input: ready.input });
  return settle(record, data.declarationAmend, draftId);
}
