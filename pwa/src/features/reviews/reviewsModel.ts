// The officer's review in progress: per-target annotations that become the correction list.
// Kept in IndexedDB (survives a dropped connection and a reload) and saved to the server with
// reviewDraftSave; on load the newer of the two wins.
import { getRecord, putRecord, deleteRecord } from '../../offline/idb';
import { DRAFT_KINDS, STORES } from '../../offline/keys';

export interface ReviewNote {
  problem: string;
  action: string;
}

export interface ReviewDraft {
  /** target ("field:<ELEMENT>" | "material:<CODE>") -> the correction asked for. */
  corrections: Record<string, ReviewNote>;
  updatedAt: number;
  /** Not yet saved on the server. */
  unsynced?: boolean;
}

export const reviewDraftId = (reviewId: string) => `review.${reviewId}`;

export function parseServerDraft(json: string): ReviewDraft | null {
  try {
    const value = JSON.parse(json) as Partial<ReviewDraft> | null;
    if (!value || typeof value !== 'object' || typeof value.corrections !== 'object' || value.corrections === null) return null;
    return { corrections: value.corrections, updatedAt: typeof value.updatedAt === 'number' ? value.updatedAt : 0 };
  } catch {
    return null;
  }
}

/** The newer of this tablet's copy and the server's; an empty draft when there is neither. */
export function newerDraft(local: ReviewDraft | undefined, server: ReviewDraft | null): ReviewDraft {
  if (local && (!server || local.updatedAt >= server.updatedAt)) return local;
  return server ?? { corrections: {}, updatedAt: 0 };
}

export async function loadLocalDraft(reviewId: string): Promise<ReviewDraft | undefined> {
  try {
    return (await getRecord(STORES.drafts, reviewDraftId(reviewId)))?.data as ReviewDraft | undefined;
  } catch {
    return undefined;
  }
}

export async function saveLocalDraft(reviewId: string, draft: ReviewDraft): Promise<void> {
  await putRecord(STORES.drafts, { id: reviewDraftId(reviewId), kind: DRAFT_KINDS.review, updatedAt: draft.updatedAt, data: draft });
}

export async function deleteLocalDraft(reviewId: string): Promise<void> {
  await deleteRecord(STORES.drafts, reviewDraftId(reviewId));
}

/** The correction list to send, in the order the targets appear on the screen. */
export function correctionList(draft: ReviewDraft, order: readonly string[]): { target: string; problem: string; action: string }[] {
  const rank = (target: string) => {
    const index = order.indexOf(target);
    return index < 0 ? order.length : index;
  };
  return Object.entries(draft.corrections)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([target, note]) => ({ target, problem: note.problem.trim(), action: note.action.trim() }));
}

export type Urgency = 'past' | 'near' | null;

/** Past due below zero working days left; near at one or none. */
export function urgency(daysLeft: number, paused: boolean): Urgency {
  if (paused) return null;
  if (daysLeft < 0) return 'past';
  if (daysLeft <= 1) return 'near';
  return null;
}
