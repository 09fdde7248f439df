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
import { discardDraft, storeDeclaration, storeSubmissionResult } from './declarationsStore';

export const OUTBOX_SUBMIT = 'declarationSubmit';
export const OUTBOX_AMEND = 'declarationAmend';

export type SubmitVariables = DeclarationSubmitMutationVariables;
export type AmendVariables = DeclarationAmendMutationVariables & { draftId?: string | null };

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

export async function sendSubmit(record: OutboxRecord, interactive: boolean): Promise<OutboxResult> {
  const variables = record.variables as SubmitVariables;
  const data = await sender(interactive)(DeclarationSubmitDocument, variables);
  return settle(record, data.declarationSubmit, variables.draftId);
}

export async function sendAmend(record: OutboxRecord, interactive: boolean): Promise<OutboxResult> {
  const { draftId, ...variables } = record.variables as AmendVariables;
  const data = await sender(interactive)(DeclarationAmendDocument, variables);
  return settle(record, data.declarationAmend, draftId);
}
