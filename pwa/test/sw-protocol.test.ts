import { describe, expect, it } from 'vitest';
import { isPageToWorkerMessage, MSG, NAVIGATION_DENYLIST } from '../src/sw/protocol';

const denied = (path: string) => NAVIGATION_DENYLIST.some((re) => re.test(path));

describe('service worker navigation fallback', () => {
  it.each(['/graphql', '/graphql?x=1', '/healthz', '/readyz', '/api/push', '/.well-known/webauthn', '/files/abc.pdf', '/payments/receipts/PC1.pdf'])(
    'does not serve the app shell for %s',
    (path) => expect(denied(path)).toBe(true),
  );

  it.each(['/', '/declare', '/services', '/appointments', '/officer', '/me', '/inbox', '/graphqlish', '/apiary', '/no-such-page'])(
    'serves the app shell for %s',
    (path) => expect(denied(path)).toBe(false),
  );
});

describe('page -> worker messages', () => {
  it('recognises only the skip-waiting message', () => {
    expect(isPageToWorkerMessage({ type: MSG.skipWaiting })).toBe(true);
    expect(isPageToWorkerMessage({ type: 'OTHER' })).toBe(false);
    expect(isPageToWorkerMessage('SKIP_WAITING')).toBe(false);
    expect(isPageToWorkerMessage(null)).toBe(false);
  });
});
