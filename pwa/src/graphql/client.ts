import { reachable } from '../offline/network';
import { locale } from '../i18n';
import type { TypedDocumentString } from './generated/graphql';
import { DEVICE_HEADER, deviceId, isSignUp } from './device';

/** One entry of a GraphQL response's top-level `errors`, with the server's code and request id. */
export interface ApiError {
  message: string;
  code: string | undefined;
  requestId: string | undefined;
  path: readonly (string | number)[] | undefined;
}

/** The request never got an HTTP answer (offline, DNS, connection reset, aborted). */
export class NetworkError extends Error {
  readonly kind = 'network' as const;
  constructor(override readonly cause: unknown) {
    super('network request failed');
    this.name = 'NetworkError';
  }
}

/** An HTTP answer that is not a GraphQL response (proxy error page, 502, 413 …). */
export class HttpError extends Error {
  readonly kind = 'http' as const;
  constructor(
    readonly status: number,
    readonly requestId: string | undefined,
  ) {
    super(`HTTP ${status}`);
    this.name = 'HttpError';
  }
}

/** The server answered with top-level GraphQL errors (permission denied, step-up, bug, invalid query). */
export class GraphQLResponseError<TData = unknown> extends Error {
  readonly kind = 'graphql' as const;
  constructor(
    readonly errors: readonly ApiError[],
    readonly data: TData | null,
    readonly status: number,
  ) {
    super(errors.map((e) => e.message).join('; ') || 'GraphQL error');
    this.name = 'GraphQLResponseError';
  }
  /** Code of the first error that has one (e.g. "STEP_UP_REQUIRED"). */
  get code(): string | undefined {
    return this.errors.find((e) => e.code !== undefined)?.code;
  }
  get requestId(): string | undefined {
    return this.errors.find((e) => e.requestId !== undefined)?.requestId;
  }
  hasCode(code: string): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

export type ClientError = NetworkError | HttpError | GraphQLResponseError;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  endpoint?: string;
  fetch?: FetchLike;
  /** The UI language, sent as Accept-Language so the server's messages come back translated. */
  language?: () => string | undefined;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

const REQUEST_ID_HEADER = 'x-request-id';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toApiError(raw: unknown, headerRequestId: string | undefined): ApiError {
  const entry = isRecord(raw) ? raw : {};
  const extensions = isRecord(entry.extensions) ? entry.extensions : {};
  const path = Array.isArray(entry.path) ? (entry.path as (string | number)[]) : undefined;
  return {
    message: typeof entry.message === 'string' ? entry.message : 'Unknown error',
    code: typeof extensions.code === 'string' ? extensions.code : undefined,
    requestId: typeof extensions.requestId === 'string' ? extensions.requestId : headerRequestId,
    path,
  };
}

export function createClient({ endpoint = '/graphql', fetch: fetchImpl, language }: ClientOptions = {}) {
  const doFetch: FetchLike = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));

  /** POST one operation; resolves to `data`, or throws a ClientError. */
  async function request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...[variables, options]: TVariables extends Record<string, never>
      ? [variables?: TVariables, options?: RequestOptions]
      : [variables: TVariables, options?: RequestOptions]
  ): Promise<TResult> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    };
    const lang = language?.();
    if (lang) headers['accept-language'] = lang;
    const query = document.toString();
    if (isSignUp(query)) headers[DEVICE_HEADER] = deviceId();
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body: JSON.stringify({ query, variables: variables ?? {} }),
        ...(options?.signal ? { signal: options.signal } : {}),
      });
    } catch (cause) {
      if (!(cause instanceof DOMException && cause.name === 'AbortError')) reachable(false);
      throw new NetworkError(cause);
    }
    // A gateway's answer while the app behind it is down is not the service answering.
    reachable(response.status < 502 || response.status > 504);

    const headerRequestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      // A body cut off mid-way is a network failure; a non-JSON page is an HTTP one.
      if (response.ok && cause instanceof TypeError) throw new NetworkError(cause);
      throw new HttpError(response.status, headerRequestId);
    }

    if (!isRecord(body) || !('data' in body || 'errors' in body)) {
      throw new HttpError(response.status, headerRequestId);
    }
    const errors = Array.isArray(body.errors) ? body.errors : [];
    if (errors.length > 0) {
      throw new GraphQLResponseError<TResult>(
        errors.map((e) => toApiError(e, headerRequestId)),
        (body.data as TResult | null | undefined) ?? null,
        response.status,
      );
    }
    if (!response.ok || !isRecord(body.data)) {
      throw new HttpError(response.status, headerRequestId);
    }
    return body.data as TResult;
  }

  return { request };
}

export type Client = ReturnType<typeof createClient>;
export type Request = Client['request'];

export const client = createClient({ language: () => locale.value });
export const request = client.request;
