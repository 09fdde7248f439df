import { describe, expect, it } from 'vitest';
import { correctionList, newerDraft, parseServerDraft, urgency } from './reviewsModel';

describe('review drafts', () => {
  it('keeps the newer of the tablet copy and the server copy', () => {
    const local = { corrections: { 'field:A': { problem: 'p', action: 'a' } }, updatedAt: 20 };
    const server = parseServerDraft(JSON.stringify({ corrections: {}, updatedAt: 10 }));
    expect(newerDraft(local, server)).toBe(local);
    expect(newerDraft(undefined, server)).toEqual({ corrections: {}, updatedAt: 10 });
    expect(newerDraft(undefined, parseServerDraft('{}'))).toEqual({ corrections: {}, updatedAt: 0 });
  });

  it('lists corrections in screen order, trimmed', () => {
    const draft = {
      corrections: { 'material:PASSPORT': { problem: ' blurred ', action: 'retake' }, 'field:MICROCHIP_NO': { problem: 'p', action: 'a' } },
      updatedAt: 1,
    };
    expect(correctionList(draft, ['field:MICROCHIP_NO', 'material:PASSPORT'])).toEqual([
      { target: 'field:MICROCHIP_NO', problem: 'p', action: 'a' },
      { target: 'material:PASSPORT', problem: 'blurred', action: 'retake' },
    ]);
  });

  it('marks past-due and near-due reviews', () => {
    expect(urgency(-1, false)).toBe('past');
    expect(urgency(0, false)).toBe('near');
    expect(urgency(1, false)).toBe('near');
    expect(urgency(3, false)).toBeNull();
    expect(urgency(-1, true)).toBeNull();
  });
});
