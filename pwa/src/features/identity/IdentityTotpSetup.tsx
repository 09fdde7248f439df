import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { request } from '../../graphql/client';
import { IdentityTotpConfirmDocument } from '../../graphql/generated/graphql';
import { describeError, describeResult } from './identityErrors';
import { setSignedIn } from './identitySession';
import { ti } from './identityMessages';

/** "ABCDEFGH..." -> "ABCD EFGH ...": easier to read out and type into an authenticator app. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** Set up the authenticator app, confirm a code, then show the recovery codes once. */
export function IdentityTotpSetup({ secret, uri, onDone }: { secret: string; uri: string; onDone: () => void }) {
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  const [saved, setSaved] = useState(false);

  const confirm = async (event: Event) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setErrors([{ fieldId: 'totp-code', message: ti('password.totp.format') }]);
      return;
    }
    setBusy(true);
    try {
      const result = (await request(IdentityTotpConfirmDocument, { code: code.replace(/\s/g, '') })).totpConfirm;
      if (result.__typename === 'TotpConfirmed') {
        setSignedIn(result.me);
        setRecoveryCodes(result.recoveryCodes);
        setErrors([]);
      } else setErrors([{ fieldId: 'totp-code', message: describeResult(result) }]);
    } catch (error) {
      setErrors([{ fieldId: 'totp-code', message: describeError(error) }]);
    } finally {
      setBusy(false);
    }
  };

  if (recoveryCodes) {
    return (
      <section aria-labelledby="recovery-heading">
        <h2 id="recovery-heading">{ti('totp.recovery.heading')}</h2>
        <p>{ti('totp.recovery.body')}</p>
        <ol class="recovery-codes">
          {recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <div class="checkbox">
          <input id="recovery-saved" type="checkbox" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
          <label for="recovery-saved">{ti('totp.recovery.saved')}</label>
        </div>
        <Button onClick={onDone} disabled={!saved}>
          {ti('totp.recovery.continue')}
        </Button>
      </section>
    );
  }

  return (
    <form onSubmit={(event) => void confirm(event)} noValidate aria-labelledby="totp-heading">
      <h2 id="totp-heading">{ti('totp.heading')}</h2>
      <ErrorSummary errors={errors} />
      <Notice>
        <p>{ti('totp.levelNote')}</p>
      </Notice>
      <ol>
        <li>{ti('totp.step.app')}</li>
        <li>
          {ti('totp.step.secret')}
          <p class="totp-secret" aria-label={ti('totp.secretLabel')}>
            <code>{groupSecret(secret)}</code>
          </p>
          <p>
            <a href={uri}>{ti('totp.openApp')}</a>
          </p>
        </li>
        <li>{ti('totp.step.code')}</li>
      </ol>
      <Field
        id="totp-code"
        label={ti('password.totp.label')}
        hint={ti('password.totp.hint')}
        inputMode="numeric"
        autocomplete="one-time-code"
        value={code}
        error={errors[0]?.message}
        onInput={(e) => setCode(e.currentTarget.value)}
      />
      <Button type="submit" disabled={busy}>
        {ti('totp.confirm')}
      </Button>
    </form>
  );
}
