// A tiny graphql-transport-ws client for one live subscription (the booking screen's
// "your turn, window N"). No dependency: connection_init -> connection_ack -> subscribe ->
// next…; ping is answered with pong. A dropped connection is reopened with backoff (1 s, 2 s,
// 4 s … 30 s, with jitter) and at once when the browser comes back online; `close()` ends it
// for good (the screen calls it on leave). The server's first `next` is the current state, so a
// reconnect never misses a change.

export type LiveState = 'connecting' | 'live' | 'waiting' | 'closed';

export interface LiveOptions<TData> {
  /** ws:// or wss:// URL; defaults to /graphql on this origin. */
  url?: string;
  query: string;
  variables: Record<string, unknown>;
  onData: (data: TData) => void;
  /** A GraphQL error for the subscription (not retried: the server refused it). */
  onError?: (messages: string[]) => void;
  onState?: (state: LiveState) => void;
  /** For tests. */
  WebSocketImpl?: typeof WebSocket;
  /** For tests: delay before the nth reconnect. */
  backoff?: (attempt: number) => number;
}

export const PROTOCOL = 'graphql-transport-ws';
const SUBSCRIPTION_ID = '1';
/** Close codes after which reconnecting would only be refused again. */
const FATAL_CLOSE_CODES = new Set([4400, 4401, 4403, 4406, 4409, 4429]);

export function defaultBackoff(attempt: number): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
  return base / 2 + Math.random() * (base / 2);
}

export function liveUrl(location: Pick<Location, 'protocol' | 'host'> = globalThis.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

export function subscribeLive<TData>(options: LiveOptions<TData>): { close: () => void } {
  const Impl = options.WebSocketImpl ?? globalThis.WebSocket;
  const backoff = options.backoff ?? defaultBackoff;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const setState = (state: LiveState) => options.onState?.(state);

  const send = (message: unknown) => socket?.send(JSON.stringify(message));

  const connect = () => {
    if (closed) return;
    clearTimeout(timer);
    setState('connecting');
    let ws: WebSocket;
    try {
      ws = new Impl(options.url ?? liveUrl(), PROTOCOL);
    } catch {
      schedule();
      return;
    }
    socket = ws;
    ws.onopen = () => send({ type: 'connection_init', payload: {} });
    ws.onmessage = (event: MessageEvent) => {
      let message: { type?: string; id?: string; payload?: unknown };
      try {
        message = JSON.parse(String(event.data)) as typeof message;
      } catch {
        return;
      }
      switch (message.type) {
        case 'connection_ack':
          attempt = 0;
          setState('live');
          send({ id: SUBSCRIPTION_ID, type: 'subscribe', payload: { query: options.query, variables: options.variables } });
          break;
        case 'ping':
          send({ type: 'pong' });
          break;
        case 'next': {
          const payload = (message.payload ?? {}) as { data?: TData; errors?: { message: string }[] };
          if (payload.errors?.length) options.onError?.(payload.errors.map((e) => e.message));
          if (payload.data) options.onData(payload.data);
          break;
        }
        case 'error': {
          const errors = Array.isArray(message.payload) ? (message.payload as { message: string }[]) : [];
          options.onError?.(errors.map((e) => e.message));
          stop();
          break;
        }
        case 'complete':
          // The server ended the stream (the booking is over): nothing more will come.
          stop();
          break;
      }
    };
    ws.onclose = (event: CloseEvent) => {
      if (socket !== ws) return;
      socket = null;
      if (closed) return;
      if (FATAL_CLOSE_CODES.has(event.code)) {
        options.onError?.([event.reason || `closed (${event.code})`]);
        stop();
        return;
      }
      schedule();
    };
  };

  const schedule = () => {
    if (closed) return;
    setState('waiting');
    clearTimeout(timer);
    timer = setTimeout(connect, backoff(attempt++));
  };

  const onOnline = () => {
    if (!closed && socket === null) connect();
  };

  const stop = () => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    globalThis.removeEventListener?.('online', onOnline);
    const ws = socket;
    socket = null;
    if (ws) {
      ws.onclose = null;
      ws.onmessage = null;
      if (ws.readyState === 1) ws.send(JSON.stringify({ id: SUBSCRIPTION_ID, type: 'complete' }));
      if (ws.readyState <= 1) ws.close(1000, 'done');
    }
    setState('closed');
  };

  globalThis.addEventListener?.('online', onOnline);
  connect();
  return { close: stop };
}
