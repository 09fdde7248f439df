import { describe, expect, it } from 'vitest';
import { createClient, GraphQLResponseError, HttpError, NetworkError, type FetchLike } from '../src/graphql/client';
import { AboutServerInfoDocument } from '../src/graphql/generated/graphql';

function respond(body: unknown, { status = 200, headers = {} as Record<string, string> } = {}): FetchLike {
  return async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
}

async function failure(fetch: FetchLike): Promise<unknown> {
  try {
    await createClient({ fetch }).request(AboutServerInfoDocument);
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('GraphQL client', () => {
  it('POSTs the operation as JSON to /graphql with same-origin credentials', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ data: { serverInfo: { version: '0.1.0' } } }), { status: 200 });
    };

    const data = await createClient({ fetch }).request(AboutServerInfoDocument);

    expect(data.serverInfo.version).toBe('0.1.0');
    expect(calls).toHaveLength(1);
    const [{ url, init }] = calls as [{ url: string; init: RequestInit }];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    const sent = JSON.parse(String(init.body)) as { query: string; variables: unknown };
    expect(sent.query).toContain('query AboutServerInfo');
    expect(sent.variables).toEqual({});
  });

  it('surfaces top-level errors with extensions.code and extensions.requestId', async () => {
    const error = await failure(
      respond({
        data: null,
        errors: [
          { message: 'Step-up required', path: ['serverInfo'], extensions: { code: 'STEP_UP_REQUIRED', requestId: 'req-42' } },
          { message: 'Another' },
        ],
      }),
    );

    expect(error).toBeInstanceOf(GraphQLResponseError);
    const gqlError = error as GraphQLResponseError;
    expect(gqlError.kind).toBe('graphql');
    expect(gqlError.code).toBe('STEP_UP_REQUIRED');
    expect(gqlError.requestId).toBe('req-42');
    expect(gqlError.hasCode('STEP_UP_REQUIRED')).toBe(true);
    expect(gqlError.errors).toEqual([
      { message: 'Step-up required', code: 'STEP_UP_REQUIRED', requestId: 'req-42', path: ['serverInfo'] },
      { message: 'Another', code: undefined, requestId: undefined, path: undefined },
    ]);
  });

  it('falls back to the X-Request-ID header when an error has no requestId', async () => {
    const error = await failure(
      respond({ errors: [{ message: 'Bad query', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }, { status: 400, headers: { 'x-request-id': 'hdr-7' } }),
    );

    expect(error).toBeInstanceOf(GraphQLResponseError);
    expect((error as GraphQLResponseError).requestId).toBe('hdr-7');
    expect((error as GraphQLResponseError).status).toBe(400);
  });

  it('maps a rejected fetch (offline) to a NetworkError', async () => {
    const offline = new TypeError('Failed to fetch');
    const error = await failure(async () => {
      throw offline;
    });

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).kind).toBe('network');
    expect((error as NetworkError).cause).toBe(offline);
  });

  it('maps a non-GraphQL HTTP answer to an HttpError with its status', async () => {
    const error = await failure(respond('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html', 'x-request-id': 'gw-1' } }));

    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(502);
    expect((error as HttpError).requestId).toBe('gw-1');
  });

  it('treats a JSON body without data or errors as an HttpError', async () => {
    const error = await failure(respond({ detail: 'Not Found' }, { status: 404 }));

    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(404);
  });
});
