import { describe, expect, it, vi } from 'vitest';
import { PROTOCOL, liveUrl, subscribeLive, type LiveState } from '../../graphql/live';
import { canChange, icsFileName, siteDate } from './appointmentsModel';

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  closedWith: number | null = null;
  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {
    FakeSocket.all.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }
  close(code: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

function start(backoff = () => 1000) {
  FakeSocket.all = [];
  const data: unknown[] = [];
  const states: LiveState[] = [];
  const errors: string[][] = [];
  const live = subscribeLive<{ n: number }>({
    url: 'ws://x/graphql',
    query: 'subscription { x }',
    variables: { id: '1' },
    onData: (d) => data.push(d),
    onError: (e) => errors.push(e),
    onState: (s) => states.push(s),
    WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    backoff,
  });
  return { live, data, states, errors };
}

describe('subscribeLive (graphql-transport-ws)', () => {
  it('sends connection_init, subscribes after the ack and hands each next to onData', () => {
    const { data, states } = start();
    const socket = FakeSocket.all[0]!;
    expect(socket.protocol).toBe(PROTOCOL);
    socket.open();
    expect(socket.sent[0]).toEqual({ type: 'connection_init', payload: {} });
    socket.receive({ type: 'connection_ack' });
    expect(socket.sent[1]).toMatchObject({ type: 'subscribe', payload: { query: 'subscription { x }', variables: { id: '1' } } });
    const id = socket.sent[1]!.id;
    socket.receive({ id, type: 'next', payload: { data: { n: 1 } } });
    socket.receive({ id, type: 'next', payload: { data: { n: 2 } } });
    expect(data).toEqual([{ n: 1 }, { n: 2 }]);
    expect(states).toEqual(['connecting', 'live']);
  });

  it('answers ping with pong', () => {
    start();
    const socket = FakeSocket.all[0]!;
    socket.open();
    socket.receive({ type: 'ping' });
    expect(socket.sent.at(-1)).toEqual({ type: 'pong' });
  });

  it('reconnects with backoff after a dropped connection and subscribes again', () => {
    vi.useFakeTimers();
    try {
      const backoff = vi.fn(() => 500);
      const { states } = start(backoff);
      FakeSocket.all[0]!.open();
      FakeSocket.all[0]!.receive({ type: 'connection_ack' });
      FakeSocket.all[0]!.drop();
      expect(states.at(-1)).toBe('waiting');
      expect(FakeSocket.all).toHaveLength(1);
      vi.advanceTimersByTime(500);
      expect(FakeSocket.all).toHaveLength(2);
      FakeSocket.all[1]!.open();
      FakeSocket.all[1]!.receive({ type: 'connection_ack' });
      expect(FakeSocket.all[1]!.sent[1]).toMatchObject({ type: 'subscribe' });
      expect(backoff).toHaveBeenCalledWith(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not reconnect after the server refuses (4403) and reports it', () => {
    vi.useFakeTimers();
    try {
      const { errors, states } = start(() => 10);
      FakeSocket.all[0]!.drop(4403);
      vi.advanceTimersByTime(1000);
      expect(FakeSocket.all).toHaveLength(1);
      expect(errors).toHaveLength(1);
      expect(states.at(-1)).toBe('closed');
    } finally {
      vi.useRealTimers();
    }
  });

  it('close() completes the subscription, closes the socket and never reconnects', () => {
    vi.useFakeTimers();
    try {
      const { live } = start(() => 10);
      const socket = FakeSocket.all[0]!;
      socket.open();
      socket.receive({ type: 'connection_ack' });
      live.close();
      expect(socket.sent.at(-1)).toMatchObject({ type: 'complete' });
      expect(socket.closedWith).toBe(1000);
      vi.advanceTimersByTime(1000);
      expect(FakeSocket.all).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('builds ws:// and wss:// URLs from the page origin', () => {
    expect(liveUrl({ protocol: 'http:', host: 'localhost:8000' })).toBe('ws://localhost:8000/graphql');
    expect(liveUrl({ protocol: 'https:', host: 'example.gov' })).toBe('wss://example.gov/graphql');
  });
});

describe('appointments model', () => {
  it('allows a change only before the two-hour cut-off', () => {
    const start = '2026-11-27T09:00:00Z';
    expect(canChange(start, new Date('2026-11-27T06:59:00Z'))).toBe(true);
    expect(canChange(start, new Date('2026-11-27T07:01:00Z'))).toBe(false);
  });

  it('gives the date at the site, not on the device', () => {
    expect(siteDate('Asia/Shanghai', new Date('2026-11-26T23:00:00Z'))).toBe('2026-11-27');
  });

  it('makes a safe .ics file name', () => {
    expect(icsFileName('B261127/AB C')).toBe('appointment-B261127ABC.ics');
  });
});
