import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { request } from '../../graphql/client';
import { IdentitySignInWithPasswordDocument, type IdentitySignInOutcomeFragment } from '../../graphql/generated/graphql';
import { describeError, describeResult, inlineErrors } from './identityErrors';
import { ti } from './identityMessages';

/** The fallback: password plus an authenticator-app code, or a recovery code. */
export function IdentityPasswordSignIn({ onSignedIn }: { onSignedIn: (outcome: IdentitySignInOutcomeFragment) => boolean }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const missing: SummaryError[] = [];
    if (!name.trim()) missing.push({ fieldId: 'pw-name', message: ti('signIn.name.required') });
    if (!password) missing.push({ fieldId: 'pw-password', message: ti('password.required') });
    if (!code.trim())
      missing.push({ fieldId: 'pw-code', message: ti(useRecovery ? 'password.recovery.required' : 'password.totp.required') });
    if (missing.length) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    try {
      const data = await request(IdentitySignInWithPasswordDocument, {
        signInName: name.trim(),
        password,
        totpCode: useRecovery ? null : code.replace(/\s/g, ''),
        recoveryCode: useRecovery ? code.trim() : null,
      });
      const outcome = data.signInWithPassword;
      if (!onSignedIn(outcome)) {
        const field =
          outcome.__typename === 'SignInError' && outcome.signInCode !== 'INVALID_CREDENTIALS' ? 'pw-code' : 'pw-password';
        setErrors([{ fieldId: field, message: describeResult(outcome) }]);
      }
    } catch (error) {
      setErrors([{ fieldId: 'pw-name', message: describeError(error) }]);
    } finally {
      setBusy(false);
    }
  };

  const inline = inlineErrors(errors);
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h2>{ti('password.signInHeading')}</h2>
      <ErrorSummary errors={errors} />
      <Field
        id="pw-name"
        label={ti('signIn.name.label')}
        hint={ti('signIn.name.hint')}
        autocomplete="username"
        autocapitalize="none"
        spellcheck={false}
        value={name}
        error={inline['pw-name']}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <Field
        id="pw-password"
        type="password"
        label={ti('password.label')}
        autocomplete="current-password"
        value={password}
        error={inline['pw-password']}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      <Field
        id="pw-code"
        label={ti(useRecovery ? 'password.recovery.label' : 'password.totp.label')}
        hint={ti(useRecovery ? 'password.recovery.hint' : 'password.totp.hint')}
        autocomplete="one-time-code"
        inputMode={useRecovery ? 'text' : 'numeric'}
        value={code}
        error={inline['pw-code']}
        onInput={(e) => setCode(e.currentTarget.value)}
      />
      <p>
        <Button variant="link" onClick={() => setUseRecovery(!useRecovery)}>
          {ti(useRecovery ? 'password.useTotp' : 'password.useRecovery')}
        </Button>
      </p>
      <Button type="submit" disabled={busy}>
        {ti('password.signIn')}
      </Button>
    </form>
  );
}
