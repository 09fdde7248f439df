import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import {
  IdentityPasskeyAddFinishDocument,
  IdentityPasskeyAddStartDocument,
  IdentityPasskeyRenameDocument,
  IdentityPasskeyRevokeDocument,
  IdentityStepUpWithPasswordDocument,
  type IdentityOutcomeFragment,
  type IdentitySecurityQuery,
} from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { secureRequest } from './identityApi';
import { describeError, describeResult } from './identityErrors';
import { PasskeyError, browserPasskeys, passkeysSupported, type PasskeyApi } from './identityWebAuthn';
import { ti } from './identityMessages';

type Passkey = IdentitySecurityQuery['myPasskeys'][number];

function outcomeProblem(outcome: IdentityOutcomeFragment): string | null {
  return outcome.__typename === 'IdentityDone' ? null : describeResult(outcome);
}

function PasskeyRow({ passkey, onChanged }: { passkey: Passkey; onChanged: (message: string) => void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(passkey.name);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<IdentityOutcomeFragment>, success: string) => {
    setBusy(true);
    setProblem(null);
    try {
      const issue = outcomeProblem(await work());
      if (issue) setProblem(issue);
      else onChanged(success);
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  const fieldId = `passkey-name-${passkey.id}`;
  return (
    <li class="card-list__item" data-passkey-id={passkey.id}>
      <h3 class="card-list__title">{passkey.name}</h3>
      <dl class="facts">
        <dt>{ti('security.passkey.created')}</dt>
        <dd>{formatDateTime(passkey.createdAt)}</dd>
        <dt>{ti('security.passkey.lastUsed')}</dt>
        <dd>{passkey.lastUsedAt ? formatDateTime(passkey.lastUsedAt) : ti('security.passkey.neverUsed')}</dd>
        <dt>{ti('security.passkey.kind')}</dt>
        <dd>{ti(passkey.synced ? 'security.passkey.synced' : 'security.passkey.deviceBound')}</dd>
      </dl>
      {problem && (
        <p class="field__error" role="alert">
          {problem}
        </p>
      )}
      {renaming ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!name.trim()) {
              setProblem(ti('passkey.name.required'));
              return;
            }
            void run(
              async () => (await secureRequest(IdentityPasskeyRenameDocument, { passkeyId: passkey.id, name: name.trim() })).passkeyRename,
              ti('security.passkey.renamed', { name: name.trim() }),
            );
          }}
        >
          <Field id={fieldId} label={ti('passkey.name.label')} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          <div class="button-row">
            <Button type="submit" disabled={busy}>
              {ti('security.passkey.saveName')}
            </Button>
            <Button variant="secondary" onClick={() => setRenaming(false)}>
              {t('action.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div class="button-row">
          <Button variant="secondary" onClick={() => setRenaming(true)} aria-label={ti('security.passkey.renameNamed', { name: passkey.name })}>
            {ti('security.passkey.rename')}
          </Button>
          <Button
            variant="secondary"
            disabled={busy}
            aria-label={ti('security.passkey.revokeNamed', { name: passkey.name })}
            onClick={() =>
              void run(
                async () => (await secureRequest(IdentityPasskeyRevokeDocument, { passkeyId: passkey.id })).passkeyRevoke,
                ti('security.passkey.revoked', { name: passkey.name }),
              )
            }
          >
            {ti('security.passkey.revoke')}
          </Button>
        </div>
      )}
    </li>
  );
}

export function IdentityPasskeys({
  passkeys,
  onChanged,
  device = browserPasskeys,
}: {
  passkeys: readonly Passkey[];
  onChanged: (message: string) => void;
  device?: PasskeyApi;
}) {
  const [name, setName] = useState(ti('passkey.defaultName.other'));
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Without a passkey there is nothing to step up with: a fresh password + authenticator code
  // proof gives level 3 for a few minutes (to add the first passkey, or delete the account).
  const firstPasskey = passkeys.length === 0;

  const add = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    if (!name.trim()) {
      setProblem(ti('passkey.name.required'));
      return;
    }
    if (firstPasskey && (!password || !/^\d{6}$/.test(code.trim()))) {
      setProblem(ti('security.passkey.passwordProofRequired'));
      return;
    }
    setBusy(true);
    try {
      if (firstPasskey) {
        const proof = (await secureRequest(IdentityStepUpWithPasswordDocument, { password, totpCode: code.trim() }))
          .stepUpWithPassword;
        if (proof.__typename !== 'StepUpSuccess') {
          setProblem(proof.message);
          return;
        }
        setPassword('');
        setCode('');
      }
      // Level 3: the secure request runs the step-up ceremony first when needed.
      const start = (await secureRequest(IdentityPasskeyAddStartDocument, {})).passkeyAddStart;
      if (start.__typename !== 'PasskeyCeremony') {
        setProblem(describeResult(start));
        return;
      }
      const credentialJson = await device.create(start.optionsJson);
      const finish = (
        await secureRequest(IdentityPasskeyAddFinishDocument, { challengeId: start.challengeId, credentialJson, name: name.trim() })
      ).passkeyAddFinish;
      const issue = outcomeProblem(finish);
      if (issue) setProblem(issue);
      else onChanged(ti('security.passkey.added', { name: name.trim() }));
    } catch (error) {
      setProblem(describeError(error));
      if (error instanceof PasskeyError && error.failure === 'alreadyRegistered') {
        setProblem(ti('security.passkey.alreadyOnDevice'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">{ti('security.passkeys.heading')}</h2>
      <p>{ti('security.passkeys.body')}</p>
      {passkeys.length === 0 ? (
        <p>{ti('security.passkeys.none')}</p>
      ) : (
        <ul class="card-list" aria-label={ti('security.passkeys.heading')}>
          {passkeys.map((p) => (
            <PasskeyRow key={p.id} passkey={p} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {passkeysSupported() ? (
        <form noValidate onSubmit={(event) => void add(event)} class="subform">
          <h3>{ti('security.passkey.addHeading')}</h3>
          <p class="field__hint">{ti('security.passkey.addHint')}</p>
          {problem && (
            <Notice kind="error" live="alert" title={t('notice.error')}>
              <p>{problem}</p>
            </Notice>
          )}
          <Field id="new-passkey-name" label={ti('passkey.name.label')} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          {firstPasskey && (
            <>
              <p>{ti('security.passkey.passwordProof')}</p>
              <Field
                id="first-passkey-password"
                label={ti('password.label')}
                type="password"
                autocomplete="current-password"
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
              <Field
                id="first-passkey-code"
                label={ti('password.totp.label')}
                hint={ti('password.totp.hint')}
                autocomplete="one-time-code"
                inputMode="numeric"
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            </>
          )}
          <Button type="submit" disabled={busy}>
            {ti('security.passkey.add')}
          </Button>
        </form>
      ) : (
        <Notice title={ti('passkey.unsupported.title')}>
          <p>{ti('passkey.unsupported.add')}</p>
        </Notice>
      )}
    </section>
  );
}
