import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkError } from '../src/graphql/client';
import { closePalmDb } from '../src/offline/idb';
import { enqueue, flushOutbox, outboxRecords, registerOutboxHandler } from '../src/offline/outbox';
import { RetrySchedule } from '../src/offline/retry';

describe('outbox flush', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(async () => {
    await closePalmDb();
  });

  it('runs one more pass when asked while a failing pass is still running', async () => {
    // The first send fails like an offline fetch; `online` fires before that pass has finished.
    let online = false;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calls: boolean[] = [];
    registerOutboxHandler('test-op', async () => {
      calls.push(online);
      if (!online) {
        await gate;
        throw new NetworkError(new TypeError('Failed to fetch'));
      }
      return { kind: 'sent', result: null };
    });
    await enqueue('test-op', 'k-1', {});

    const first = flushOutbox();
    await vi.waitFor(() => expect(calls).toEqual([false]));
    online = true;
    const second = flushOutbox();
    const third = flushOutbox();
    release();

    expect(await first).toBe(0);
    expect(await second).toBe(1);
    expect(await third).toBe(1); // joined the same follow-up pass, not a third one
    expect(calls).toEqual([false, true]);
    expect(await outboxRecords()).toEqual([]);
  });

  it('keeps a record that failed on the network as pending, with its attempt counted', async () => {
    registerOutboxHandler('test-down', async () => {
      throw new NetworkError(new TypeError('Failed to fetch'));
    });
    await enqueue('test-down', 'k-2', { a: 1 });

    expect(await flushOutbox()).toBe(0);

    const [record] = await outboxRecords('test-down');
    expect(record?.state).toBe('pending');
    expect(record?.attempts).toBe(1);
  });
});

describe('retry schedule', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('backs off from 5 s to a 2 min cap while it keeps failing, and starts again after a reset', () => {
    vi.useFakeTimers();
    let runs = 0;
    const failing: RetrySchedule = new RetrySchedule(() => {
      runs++;
      failing.schedule(); // the retry failed too
    }, 5_000, 120_000, () => 0.5);
    failing.schedule();
    const waited: number[] = [];
    for (let i = 0; i < 7; i++) {
      let ms = 0;
      const before = runs;
      while (runs === before) {
        vi.advanceTimersByTime(1_000);
        ms += 1_000;
      }
      waited.push(ms);
    }
    expect(waited).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 120_000, 120_000]);

    failing.reset();
    expect(failing.pending).toBe(false);
    expect(failing.nextDelay()).toBe(5_000);
  });

  it('never has two retries waiting at once', () => {
    vi.useFakeTimers();
    let runs = 0;
    const schedule = new RetrySchedule(() => runs++, 1_000, 10_000, () => 0.5);
    schedule.schedule();
    schedule.schedule();
    schedule.schedule();
    vi.advanceTimersByTime(60_000);
    expect(runs).toBe(1);
  });

  it('spreads retries by ±20 % so many tablets do not return at the same second', () => {
    const low = new RetrySchedule(() => {}, 10_000, 60_000, () => 0).nextDelay();
    const high = new RetrySchedule(() => {}, 10_000, 60_000, () => 1).nextDelay();
    expect([low, high]).toEqual([8_000, 12_000]);
  });
});
