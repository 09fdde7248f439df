import { describe, expect, it } from 'vitest';
import { createClient, GraphQLResponseError, type FetchLike } from '../src/graphql/client';
import { IdentityPasskeyRevokeDocument } from '../src/graphql/generated/graphql';
import { createSecureRequest, StepUpRefused, type StepUpStatus } from '../src/features/identity/identityStepUp';
import { PasskeyError, classifyPasskeyError, passkeyErrorMessageKey, type PasskeyApi } from '../src/features/identity/identityWebAuthn';
import { toSummaryErrors } from '../src/features/identity/identityErrors';
import { groupSecret } from '../src/features/identity/IdentityTotpSetup';

type Reply = { data?: unknown; errors?: unknown[] };

/** A fake server: answers each operation name from a queue of replies, and records the order. */
function fakeServer(replies: Record<string, Reply[]>) {
  const calls: { name: string; variables: unknown; language: string | null }[] = [];
  const fetch: FetchLike = async (_url, init) => {
    const body = JSON.parse(String(init.body)) as { query: string; variables: unknown };
    const name = /(?:mutation|query)\s+(\w+)/.exec(body.query)?.[1] ?? '?';
    calls.push({ name, variables: body.variables, language: new Headers(init.headers).get('accept-language') });
    const reply = replies[name]?.shift();
    if (!reply) throw new Error(`unexpected ${name}`);
    return new Response(JSON.stringify(reply), { status: 200 });
  };
  return { fetch, calls };
}

const stepUpRequired = { data: null, errors: [{ message: 'Confirm it is you', extensions: { code: 'STEP_UP_REQUIRED' } }] };
const revoked = { data: { passkeyRevoke: { __typename: 'IdentityDone', ok: true } } };
const ceremony = { data: { stepUpStart: { __typename: 'PasskeyCeremony', challengeId: 'c1', optionsJson: '{"challenge":"x"}' } } };
const stepped = { data: { stepUpFinish: { __typename: 'StepUpSuccess', validUntil: '2030-01-01T00:00:00Z' } } };

function fakePasskeys(result: string | Error): PasskeyApi & { gets: string[] } {
  const gets: string[] = [];
  return {
    gets,
    create: async () => 'unused',
    get: async (optionsJson) => {
      gets.push(optionsJson);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

describe('secure request (step-up)', () => {
  it('runs the passkey check on STEP_UP_REQUIRED and retries the operation once', async () => {
    // given
    const server = fakeServer({
      IdentityPasskeyRevoke: [stepUpRequired, revoked],
      IdentityStepUpStart: [ceremony],
      IdentityStepUpFinish: [stepped],
    });
    const passkeys = fakePasskeys('{"id":"cred"}');
    const statuses: StepUpStatus[] = [];
    const secure = createSecureRequest({ client: createClient({ fetch: server.fetch }), passkeys, onStatus: (s) => statuses.push(s) });
    // when
    const data = await secure(IdentityPasskeyRevokeDocument, { passkeyId: 'p2' });
    // then
    expect(data.passkeyRevoke.__typename).toBe('IdentityDone');
    expect(server.calls.map((c) => c.name)).toEqual([
      'IdentityPasskeyRevoke',
      'IdentityStepUpStart',
      'IdentityStepUpFinish',
      'IdentityPasskeyRevoke',
    ]);
    expect(passkeys.gets).toEqual(['{"challenge":"x"}']);
    expect(server.calls[2]?.variables).toEqual({ challengeId: 'c1', credentialJson: '{"id":"cred"}' });
    expect(server.calls[3]?.variables).toEqual({ passkeyId: 'p2' });
    expect(statuses).toEqual(['confirming', 'confirmed']);
  });

  it('does not loop when the retried operation still needs step-up', async () => {
    const server = fakeServer({
      IdentityPasskeyRevoke: [stepUpRequired, stepUpRequired],
      IdentityStepUpStart: [ceremony],
      IdentityStepUpFinish: [stepped],
    });
    const secure = createSecureRequest({ client: createClient({ fetch: server.fetch }), passkeys: fakePasskeys('{}') });
    await expect(secure(IdentityPasskeyRevokeDocument, { passkeyId: 'p2' })).rejects.toBeInstanceOf(GraphQLResponseError);
    expect(server.calls).toHaveLength(4);
  });

  it('stops with the passkey failure when the person cancels the check', async () => {
    const server = fakeServer({ IdentityPasskeyRevoke: [stepUpRequired], IdentityStepUpStart: [ceremony] });
    const statuses: StepUpStatus[] = [];
    const secure = createSecureRequest({
      client: createClient({ fetch: server.fetch }),
      passkeys: fakePasskeys(new PasskeyError('cancelled')),
      onStatus: (s) => statuses.push(s),
    });
    const error = await secure(IdentityPasskeyRevokeDocument, { passkeyId: 'p2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasskeyError);
    expect(statuses).toEqual(['confirming', 'failed']);
    expect(server.calls.map((c) => c.name)).toEqual(['IdentityPasskeyRevoke', 'IdentityStepUpStart']);
  });

  it('reports the server refusing the step-up with its translated message', async () => {
    const server = fakeServer({
      IdentityPasskeyRevoke: [stepUpRequired],
      IdentityStepUpStart: [{ data: { stepUpStart: { __typename: 'AccountError', accountCode: 'NO_PASSKEY', message: '您没有通行密钥', field: null } } }],
    });
    const secure = createSecureRequest({ client: createClient({ fetch: server.fetch }), passkeys: fakePasskeys('{}') });
    const error = await secure(IdentityPasskeyRevokeDocument, { passkeyId: 'p2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepUpRefused);
    expect((error as StepUpRefused).code).toBe('NO_PASSKEY');
    expect((error as StepUpRefused).message).toBe('您没有通行密钥');
  });

  it('sends the person to sign in on UNAUTHENTICATED', async () => {
    const server = fakeServer({
      IdentityPasskeyRevoke: [{ data: null, errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] }],
    });
    let sentToSignIn = 0;
    const secure = createSecureRequest({
      client: createClient({ fetch: server.fetch }),
      passkeys: fakePasskeys('{}'),
      onUnauthenticated: () => (sentToSignIn += 1),
    });
    await expect(secure(IdentityPasskeyRevokeDocument, { passkeyId: 'p2' })).rejects.toBeInstanceOf(GraphQLResponseError);
    expect(sentToSignIn).toBe(1);
  });

  it('sends Accept-Language in the chosen UI language', async () => {
    const server = fakeServer({ IdentityPasskeyRevoke: [revoked] });
    await createClient({ fetch: server.fetch, language: () => 'zh-Hant' }).request(IdentityPasskeyRevokeDocument, { passkeyId: 'p' });
    expect(server.calls[0]?.language).toBe('zh-Hant');
  });
});

describe('passkey failures', () => {
  it.each([
    ['NotAllowedError', 'cancelled', 'passkey.error.cancelled'],
    ['AbortError', 'aborted', 'passkey.error.aborted'],
    ['InvalidStateError', 'alreadyRegistered', 'passkey.error.alreadyRegistered'],
    ['SecurityError', 'security', 'passkey.error.security'],
    ['NotSupportedError', 'unsupported', 'passkey.error.unsupported'],
    ['TypeError', 'unknown', 'passkey.error.unknown'],
  ])('%s becomes %s with a message', (name, failure, key) => {
    const error = new DOMException('x', name);
    expect(classifyPasskeyError(error)).toBe(failure);
    expect(passkeyErrorMessageKey(error)).toBe(key);
  });
});

describe('server field errors', () => {
  it('map input.x paths to the form ids and keep unknown fields on a fallback', () => {
    const errors = toSummaryErrors(
      [
        { field: 'input.documentNumber', message: 'bad check digit' },
        { field: 'input.dateOfBirth', message: 'does not match' },
        { field: 'input.somethingNew', message: 'other' },
      ],
      { prefix: 'signup', known: ['documentNumber', 'dateOfBirth', 'fullName'], fallbackId: 'signup-fullName' },
    );
    expect(errors).toEqual([
      { fieldId: 'signup-documentNumber', message: 'bad check digit' },
      { fieldId: 'signup-dateOfBirth', message: 'does not match' },
      { fieldId: 'signup-fullName', message: 'other' },
    ]);
  });

  it('groups an authenticator secret in fours', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPAB')).toBe('JBSW Y3DP EHPK 3PXP AB');
  });
});
