// The clerk at a window saw the person's identity document: typing its number (it must be the
// one they registered) verifies them (step-up, audited). Shown for the person being served.
import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { client } from '../../graphql/client';
import { FairVerifyAtWindowDocument } from '../../graphql/generated/graphql';
import { describeError } from '../identity/identityErrors';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { tf } from './fairMessages';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });

export function FairVerifyAtWindow({ booking }: { booking: { id: string; personName: string } }) {
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    if (!number.trim()) {
      setError(tf('window.required'));
      return;
    }
    try {
      const result = (await secure(FairVerifyAtWindowDocument, { bookingId: booking.id, documentNumber: number })).identityVerifyAtWindow;
      if (result.__typename === 'IdentityVerified') {
        setDone(true);
        setNumber('');
      } else setError(result.message);
    } catch (cause) {
      setError(describeError(cause));
    }
  };

  if (done) {
    return (
      <Notice kind="success" live="status">
        <p data-testid="window-verified">{tf('window.done', { name: booking.personName })}</p>
      </Notice>
    );
  }
  return (
    <form class="stack" onSubmit={(e) => void submit(e)} noValidate data-testid="window-verify">
      <h3>{tf('window.title')}</h3>
      <Field
        id={`window-document-${booking.id}`}
        label={tf('window.number')}
        hint={tf('window.hint')}
        error={error}
        value={number}
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        maxLength={40}
        onInput={(e) => setNumber(e.currentTarget.value)}
      />
      <Button type="submit" variant="secondary">
        {tf('window.submit')}
      </Button>
    </form>
  );
}
