import { useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { request } from '../../graphql/client';
import {
  IdentitySignInFinishDocument,
  IdentitySignInStartDocument,
  type IdentitySignInOutcomeFragment,
} from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { describeError, describeResult } from './identityErrors';
import { IdentityPasswordSignIn } from './IdentityPasswordSignIn';
import { navigate, setSignedIn } from './identitySession';
import {
  PasskeyError,
  browserPasskeys,
  conditionalMediationAvailable,
  passkeysSupported,
  type PasskeyApi,
} from './identityWebAuthn';
import { ti } from './identityMessages';

const NAME_ID = 'signin-name';

/** Sign in with a passkey: autofill, usernameless button, or name first; password as the fallback. */
export function IdentitySignIn({ returnTo, passkeys = browserPasskeys }: { returnTo: string; passkeys?: PasskeyApi }) {
  const supported = passkeysSupported();
  const [mode, setMode] = useState<'passkey' | 'password'>(supported ? 'passkey' : 'password');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const autofill = useRef<AbortController | null>(null);

  const done = (outcome: IdentitySignInOutcomeFragment): boolean => {
    if (outcome.__typename === 'SignInSuccess') {
      setSignedIn(outcome.me);
      navigate(returnTo, { replace: true });
      return true;
    }
    setProblem(describeResult(outcome));
    return false;
  };

  // Browser autofill (conditional mediation): passkeys offered in the name field's suggestions.
  useEffect(() => {
    if (mode !== 'passkey') return;
    const controller = new AbortController();
    autofill.current = controller;
    void (async () => {
      if (!(await conditionalMediationAvailable()) || controller.signal.aborted) return;
      try {
        const start = (await request(IdentitySignInStartDocument, { signInName: null })).signInStart;
        if (start.__typename !== 'PasskeyCeremony' || controller.signal.aborted) return;
        const credentialJson = await passkeys.get(start.optionsJson, {
          mediation: 'conditional',
          signal: controller.signal,
        });
        setBusy(true);
        const finish = await request(IdentitySignInFinishDocument, { challengeId: start.challengeId, credentialJson });
        done(finish.signInFinish);
      } catch (error) {
        // Aborted because a modal ceremony started, or autofill not used: nothing to say.
        if (!controller.signal.aborted && !(error instanceof PasskeyError)) setProblem(describeError(error));
      } finally {
        if (!controller.signal.aborted) setBusy(false);
      }
    })();
    return () => controller.abort();
  }, [mode]);

  const signInWithPasskey = async (signInName: string | null) => {
    autofill.current?.abort();
    setProblem(null);
    setErrors([]);
    setBusy(true);
    try {
      const start = (await request(IdentitySignInStartDocument, { signInName })).signInStart;
      if (start.__typename !== 'PasskeyCeremony') {
        const message = describeResult(start);
        if (signInName !== null && start.__typename === 'ValidationError') {
          setErrors([{ fieldId: NAME_ID, message }]);
        } else setProblem(message);
        return;
      }
      const credentialJson = await passkeys.get(start.optionsJson);
      const finish = await request(IdentitySignInFinishDocument, { challengeId: start.challengeId, credentialJson });
      done(finish.signInFinish);
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  const continueWithName = (event: Event) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors([{ fieldId: NAME_ID, message: ti('signIn.name.required') }]);
      return;
    }
    void signInWithPasskey(name.trim());
  };

  if (mode === 'password') {
    return (
      <>
        {!supported && (
          <Notice title={ti('passkey.unsupported.title')}>
            <p>{ti('passkey.unsupported.signIn')}</p>
          </Notice>
        )}
        <IdentityPasswordSignIn onSignedIn={done} />
        <ul class="link-list">
          {supported && (
            <li>
              <Button variant="link" onClick={() => setMode('passkey')}>
                {ti('signIn.usePasskey')}
              </Button>
            </li>
          )}
          <li>
            <a href="/me/sign-up">{ti('signIn.createAccount')}</a>
          </li>
        </ul>
      </>
    );
  }

  const nameError = errors.find((e) => e.fieldId === NAME_ID)?.message;
  return (
    <>
      <ErrorSummary errors={errors} />
      {problem && (
        <Notice kind="error" live="alert" title={t('notice.error')}>
          <p>{problem}</p>
          <p>
            <Button variant="link" onClick={() => setMode('password')}>
              {ti('signIn.usePassword')}
            </Button>
          </p>
        </Notice>
      )}
      <p>{ti('signIn.passkeyIntro')}</p>
      <p>
        <Button onClick={() => void signInWithPasskey(null)} disabled={busy}>
          {ti('signIn.passkeyButton')}
        </Button>
      </p>
      <h2>{ti('signIn.nameHeading')}</h2>
      <form onSubmit={continueWithName} noValidate>
        <Field
          id={NAME_ID}
          label={ti('signIn.name.label')}
          hint={ti('signIn.name.hint')}
          autocomplete="username webauthn"
          autocapitalize="none"
          spellcheck={false}
          value={name}
          error={nameError}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <Button type="submit" variant="secondary" disabled={busy}>
          {ti('signIn.continue')}
        </Button>
      </form>
      <h2>{ti('signIn.otherWays')}</h2>
      <ul class="link-list">
        <li>
          <Button variant="link" onClick={() => setMode('password')}>
            {ti('signIn.usePassword')}
          </Button>
        </li>
        <li>
          <a href="/me/sign-up">{ti('signIn.createAccount')}</a>
        </li>
        <li>
          <a href="/officer/enrol">{ti('signIn.officerEnrol')}</a>
        </li>
      </ul>
    </>
  );
}
