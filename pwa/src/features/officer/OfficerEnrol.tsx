import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { request } from '../../graphql/client';
import { OfficerEnrolFinishDocument, OfficerEnrolStartDocument } from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { describeError, describeResult, inlineErrors } from '../identity/identityErrors';
import { navigate, setSignedIn } from '../identity/identitySession';
import { browserPasskeys, passkeysSupported, type PasskeyApi } from '../identity/identityWebAuthn';
import { ti } from '../identity/identityMessages';

/** Badge number + one-time code from the administrator -> the officer's first passkey on this tablet. */
export function OfficerEnrol({ passkeys = browserPasskeys }: { passkeys?: PasskeyApi }) {
  const [badge, setBadge] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState(ti('passkey.defaultName.tablet'));
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!passkeysSupported()) {
    return (
      <Notice kind="error" title={ti('passkey.unsupported.title')}>
        <p>{t('officer.enrol.unsupported')}</p>
      </Notice>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    const missing: SummaryError[] = [];
    if (!badge.trim()) missing.push({ fieldId: 'enrol-badge', message: t('officer.enrol.badgeRequired') });
    if (!code.trim()) missing.push({ fieldId: 'enrol-code', message: t('officer.enrol.codeRequired') });
    setErrors(missing);
    if (missing.length) return;
    setBusy(true);
    try {
      const start = (await request(OfficerEnrolStartDocument, { badgeNumber: badge.trim(), code: code.trim() })).officerEnrolStart;
      if (start.__typename !== 'PasskeyCeremony') {
        setErrors([{ fieldId: start.__typename === 'SignInError' ? 'enrol-code' : 'enrol-badge', message: describeResult(start) }]);
        return;
      }
      const credentialJson = await passkeys.create(start.optionsJson);
      const finish = (
        await request(OfficerEnrolFinishDocument, {
          challengeId: start.challengeId,
          credentialJson,
          passkeyName: name.trim() || ti('passkey.defaultName.tablet'),
        })
      ).officerEnrolFinish;
      if (finish.__typename === 'SignInSuccess') {
        setSignedIn(finish.me);
        navigate('/officer', { replace: true });
      } else setProblem(describeResult(finish));
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  const inline = inlineErrors(errors);
  return (
    <form class="form--wide" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} />
      {problem && (
        <Notice kind="error" live="alert" title={t('notice.error')}>
          <p>{problem}</p>
        </Notice>
      )}
      <Field
        id="enrol-badge"
        label={t('officer.badge')}
        autocomplete="username"
        autocapitalize="characters"
        spellcheck={false}
        value={badge}
        error={inline['enrol-badge']}
        onInput={(e) => setBadge(e.currentTarget.value)}
      />
      <Field
        id="enrol-code"
        label={t('officer.enrol.code')}
        hint={t('officer.enrol.codeHint')}
        autocomplete="one-time-code"
        autocapitalize="characters"
        spellcheck={false}
        value={code}
        error={inline['enrol-code']}
        onInput={(e) => setCode(e.currentTarget.value)}
      />
      <Field id="enrol-passkey-name" label={ti('passkey.name.label')} hint={ti('passkey.name.hint')} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <Button type="submit" disabled={busy}>
        {t('officer.enrol.submit')}
      </Button>
    </form>
  );
}
