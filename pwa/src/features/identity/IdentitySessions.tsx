import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import {
  IdentitySessionEndDocument,
  IdentitySignOutEverywhereDocument,
  type IdentityOutcomeFragment,
  type IdentitySecurityQuery,
} from '../../graphql/generated/graphql';
import { formatDateTime } from '../../i18n/format';
import { secureRequest } from './identityApi';
import { describeError, describeResult } from './identityErrors';
import { navigate, setSignedIn } from './identitySession';
import { ti } from './identityMessages';

type Session = IdentitySecurityQuery['mySessions'][number];

/** A readable device name from the user agent: enough to recognise "my tablet". */
export function deviceLabel(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Chrome\//.test(userAgent)
      ? 'Chrome'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : '';
  const system = /iPhone|iPad/.test(userAgent)
    ? 'iOS'
    : /Android/.test(userAgent)
      ? 'Android'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return [browser, system].filter(Boolean).join(', ') || userAgent.slice(0, 60);
}

export function IdentitySessions({ sessions, onChanged }: { sessions: readonly Session[]; onChanged: (message: string) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<IdentityOutcomeFragment>, after: () => void) => {
    setBusy(true);
    setProblem(null);
    try {
      const outcome = await work();
      if (outcome.__typename === 'IdentityDone') after();
      else setProblem(describeResult(outcome));
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{ti('security.sessions.heading')}</h2>
      {problem && (
        <p class="field__error" role="alert">
          {problem}
        </p>
      )}
      <ul class="card-list">
        {sessions.map((session) => (
          <li class="card-list__item" key={session.id}>
            <h3 class="card-list__title">
              {deviceLabel(session.userAgent)}
              {session.current && <span class="tag">{ti('security.sessions.thisDevice')}</span>}
            </h3>
            <dl class="facts">
              <dt>{ti('security.sessions.signedIn')}</dt>
              <dd>{formatDateTime(session.createdAt)}</dd>
              <dt>{ti('security.sessions.lastSeen')}</dt>
              <dd>{formatDateTime(session.lastSeenAt)}</dd>
              <dt>{ti('security.sessions.method')}</dt>
              <dd>{ti(`signInMethod.${session.signInMethod}`)}</dd>
            </dl>
            {!session.current && (
              <Button
                variant="secondary"
                disabled={busy}
                onClick={() =>
                  void run(
                    async () => (await secureRequest(IdentitySessionEndDocument, { sessionId: session.id })).sessionEnd,
                    () => onChanged(ti('security.sessions.ended')),
                  )
                }
              >
                {ti('security.sessions.end')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Button
        variant="secondary"
        disabled={busy}
        onClick={() =>
          void run(
            async () => (await secureRequest(IdentitySignOutEverywhereDocument, {})).signOutEverywhere,
            () => {
              setSignedIn(null);
              navigate('/me/sign-in', { replace: true });
            },
          )
        }
      >
        {ti('security.sessions.signOutEverywhere')}
      </Button>
    </section>
  );
}
