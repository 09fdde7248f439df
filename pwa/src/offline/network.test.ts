import { afterEach, describe, expect, it, vi } from 'vitest';
import { online, reachable, reportSent, sentOnReturn } from './network';

describe('whether the service can be reached', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    reachable(true);
  });

  it('is offline after a request that could not reach the server, and back once /healthz answers', async () => {
    vi.useFakeTimers();
    let up = false;
    const probes: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      probes.push(url);
      if (!up) throw new TypeError('Failed to fetch');
      return new Response('ok', { status: 200 });
    });
    reachable(false);
    expect(online.value).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(probes).toEqual(['/healthz']);
    expect(online.value).toBe(false);
    up = true; // the server is back (no `online` event: the device never lost its network)
    await vi.advanceTimersByTimeAsync(4_000);
    expect(online.value).toBe(true);
  });

  it('counts what the outbox sent after the return, and forgets it when the network goes again', () => {
    reachable(true);
    sentOnReturn.value = null;
    reportSent(1);
    reportSent(2);
    expect(sentOnReturn.value).toBe(3);
    vi.useFakeTimers();
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    reachable(false);
    expect(sentOnReturn.value).toBe(null);
    reportSent(1); // sending while offline does not happen; a stray report changes nothing
    expect(sentOnReturn.value).toBe(null);
  });
});
