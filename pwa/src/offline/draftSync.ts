// Syncing a draft kept on this device to the person's account, for every kind of draft.
// Optimistic versions: the server refuses a save made from an older version than it holds and
// sends its copy back, which is kept with the draft for the person to choose: nothing is
// overwritten silently.

export type SyncResult = 'synced' | 'conflict' | 'offline' | 'signedOut' | 'failed';

export interface DraftConflict<T> {
  serverVersion: number;
  serverData: T;
  /** ISO time of the server's copy. */
  updatedAt: string;
  /** The device that saved it ('phone', 'tablet', 'browser'), when the server says. */
  device?: string | undefined;
}

/** What every synced draft carries besides the person's data. */
export interface SyncedDraft<T> {
  updatedAt: number;
  data: T;
  /** Version on the server this draft was last saved as / edited from (0 = never synced). */
  serverVersion: number;
  /** Changed here since the last successful sync. */
  unsynced: boolean;
  conflict?: DraftConflict<T> | undefined;
}

/** The server's answer to one save, whatever the domain's union types are called. */
export type SaveAnswer =
  | { kind: 'saved'; version: number }
  | { kind: 'conflict'; serverVersion: number; serverDataJson: string; updatedAt: string; device?: string | undefined }
  | { kind: 'refused' };

export function deviceName(): string {
  const ua = navigator.userAgent;
  if (/iPad|Tablet/i.test(ua)) return 'tablet';
  if (/Mobi|Android|iPhone/i.test(ua)) return 'phone';
  return 'browser';
}

export function parseServerData<T>(json: string, parse: (value: unknown) => T): T {
  try {
    return parse(JSON.parse(json));
  } catch {
    return parse(null);
  }
}

/**
 * Save the draft to the account. A newer version on the server comes back as a conflict stored
 * with the draft; `force` saves over the server's version the person has seen and chosen to
 * replace. `load` is called again after the answer: the person may have typed meanwhile.
 */
export async function syncVersionedDraft<T, S extends SyncedDraft<T>>({
  load,
  save,
  send,
  parse,
  force = false,
}: {
  load: () => Promise<S | null>;
  save: (state: S) => Promise<void>;
  send: (baseVersion: number, state: S) => Promise<SaveAnswer>;
  parse: (value: unknown) => T;
  force?: boolean;
}): Promise<SyncResult> {
  const state = await load();
  if (!state) return 'failed';
  if (state.conflict && !force) return 'conflict';
  const baseVersion = force && state.conflict ? state.conflict.serverVersion : state.serverVersion;
  let answer: SaveAnswer;
  try {
    answer = await send(baseVersion, state);
  } catch (error) {
    const kind = (error as { kind?: string }).kind;
    if (kind === 'network') return 'offline';
    if (kind === 'graphql') return 'signedOut';
    return 'failed';
  }
  const latest = (await load()) ?? state;
  if (answer.kind === 'saved') {
    const changedSince = latest.updatedAt !== state.updatedAt;
    await save({ ...latest, serverVersion: answer.version, unsynced: changedSince, conflict: undefined });
    return 'synced';
  }
  if (answer.kind === 'conflict') {
    const conflict: DraftConflict<T> = {
      serverVersion: answer.serverVersion,
      serverData: parseServerData(answer.serverDataJson, parse),
      updatedAt: answer.updatedAt,
      device: answer.device,
    };
    await save({ ...latest, conflict });
    return 'conflict';
  }
  return 'failed';
}
