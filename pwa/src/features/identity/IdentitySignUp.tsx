import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Radios } from '../../components/Radios';
import { request } from '../../graphql/client';
import {
  IdentityAccountCreateFinishDocument,
  IdentityAccountCreateStartDocument,
  IdentityAccountCreateWithPasswordDocument,
  type DocumentType,
  type PersonInput,
} from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { describeError, describeResult, inlineErrors, toSummaryErrors } from './identityErrors';
import { navigate, setSignedIn } from './identitySession';
import { IdentityTotpSetup } from './IdentityTotpSetup';
import { PasskeyError, browserPasskeys, passkeysSupported, type PasskeyApi } from './identityWebAuthn';
import { ti } from './identityMessages';
import { CountryPicker } from './CountryPicker';
import { PassportScanLoader, type PassportRead } from '../passport/PassportScanLoader';

const P = 'signup';
const FIELDS = [
  'fullName',
  'isResident',
  'documentType',
  'documentNumber',
  'documentCountry',
  'documentExpiry',
  'mrzLine1',
  'mrzLine2',
  'dateOfBirth',
  'nationality',
  'email',
  'mobile',
  'passkeyName',
  'password',
] as const;
type FieldName = (typeof FIELDS)[number];
const id = (name: FieldName) => `${P}-${name}`;

interface Form {
  fullName: string;
  isResident: 'yes' | 'no' | null;
  documentType: DocumentType;
  documentNumber: string;
  documentCountry: string;
  documentExpiry: string;
  mrzLine1: string;
  mrzLine2: string;
  dateOfBirth: string;
  nationality: string;
  email: string;
  mobile: string;
  passkeyName: string;
  password: string;
}

const blank = (s: string) => (s.trim() ? s.trim() : null);

/** Only what the chosen document needs is sent: nothing is asked twice, nothing stale goes along. */
export function toPersonInput(form: Form): PersonInput {
  const passport = form.documentType === 'PASSPORT';
  const resident = form.documentType === 'RESIDENT_ID';
  return {
    fullName: form.fullName.trim(),
    isResident: form.isResident === 'yes',
    documentType: form.documentType,
    documentNumber: form.documentNumber.trim(),
    documentCountry: passport ? blank(form.documentCountry) : null,
    documentExpiry: resident ? null : blank(form.documentExpiry),
    mrzLine1: passport ? blank(form.mrzLine1) : null,
    mrzLine2: passport ? blank(form.mrzLine2) : null,
    dateOfBirth: blank(form.dateOfBirth),
    nationality: resident ? 'CHN' : form.nationality.trim().toUpperCase(),
    email: blank(form.email),
    mobile: blank(form.mobile),
  };
}

/** Problems we can see before asking the server (it checks everything again). */
function localProblems(form: Form, method: 'passkey' | 'password'): SummaryError[] {
  const out: SummaryError[] = [];
  if (!form.fullName.trim()) out.push({ fieldId: id('fullName'), message: ti('signUp.fullName.required') });
  if (form.isResident === null) out.push({ fieldId: id('isResident'), message: ti('signUp.residency.required') });
  if (!form.documentNumber.trim())
    out.push({ fieldId: id('documentNumber'), message: ti('signUp.documentNumber.required') });
  if (method === 'password') {
    if (!form.email.trim() && !form.mobile.trim())
      out.push({ fieldId: id('email'), message: ti('signUp.contact.requiredForPassword') });
    if (form.password.length < 12) out.push({ fieldId: id('password'), message: ti('signUp.password.tooShort') });
  }
  return out;
}

type Step =
  | { name: 'form' }
  | { name: 'totp'; secret: string; uri: string };

export function IdentitySignUp({ passkeys = browserPasskeys }: { passkeys?: PasskeyApi }) {
  const supported = passkeysSupported();
  const [method, setMethod] = useState<'passkey' | 'password'>(supported ? 'passkey' : 'password');
  const [form, setForm] = useState<Form>({
    fullName: '',
    isResident: null,
    documentType: 'RESIDENT_ID',
    documentNumber: '',
    documentCountry: '',
    documentExpiry: '',
    mrzLine1: '',
    mrzLine2: '',
    dateOfBirth: '',
    nationality: '',
    email: '',
    mobile: '',
    passkeyName: ti('passkey.defaultName.phone'),
    password: '',
  });
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [passkeyFailed, setPasskeyFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>({ name: 'form' });
  // The issuing state of a scanned passport is read from it, never chosen (fairness rules).
  const [scanned, setScanned] = useState(false);
  const fillFromPassport = ({ passport, lines }: PassportRead) => {
    setScanned(true);
    setForm((f) => ({
      ...f,
      fullName: `${passport.givenNames} ${passport.surname}`.trim(),
      documentNumber: passport.documentNumber,
      documentCountry: passport.issuingState,
      documentExpiry: passport.expiryDate,
      mrzLine1: lines[0],
      mrzLine2: lines[1],
      dateOfBirth: passport.birthDate,
      nationality: passport.nationality,
    }));
  };

  const set =
    <K extends keyof Form>(key: K) =>
    (event: { currentTarget: { value: string } }) =>
      setForm((f) => ({ ...f, [key]: event.currentTarget.value }));

  const showServerErrors = (result: { __typename: string; message: string; field?: string | null; errors?: readonly { field: string; message: string }[] }) => {
    const list = result.errors?.length ? result.errors : [{ field: result.field ?? '', message: result.message }];
    setErrors(toSummaryErrors(list, { prefix: P, known: FIELDS, fallbackId: id('fullName') }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setPasskeyFailed(false);
    const local = localProblems(form, method);
    if (local.length) {
      setErrors(local);
      return;
    }
    setErrors([]);
    setBusy(true);
    const input = toPersonInput(form);
    try {
      if (method === 'password') {
        const created = (await request(IdentityAccountCreateWithPasswordDocument, { input, password: form.password }))
          .accountCreateWithPassword;
        if (created.__typename === 'PasswordAccountCreated') {
          setSignedIn(created.me);
          setStep({ name: 'totp', secret: created.totpSecret, uri: created.totpUri });
        } else if (created.__typename === 'ValidationError' || created.__typename === 'AccountError') {
          showServerErrors(created);
        }
        return;
      }
      const start = (await request(IdentityAccountCreateStartDocument, { input })).accountCreateStart;
      if (start.__typename === 'ValidationError' || start.__typename === 'AccountError') {
        showServerErrors(start);
        return;
      }
      if (start.__typename !== 'PasskeyCeremony') {
        setProblem(describeResult(start));
        return;
      }
      const credentialJson = await passkeys.create(start.optionsJson);
      const finish = (
        await request(IdentityAccountCreateFinishDocument, {
          challengeId: start.challengeId,
          credentialJson,
          passkeyName: form.passkeyName.trim() || ti('passkey.defaultName.phone'),
        })
      ).accountCreateFinish;
      if (finish.__typename === 'SignInSuccess') {
        setSignedIn(finish.me);
        navigate('/me', { replace: true });
      } else if (finish.__typename === 'ValidationError' || finish.__typename === 'AccountError') {
        showServerErrors(finish);
      } else {
        setProblem(describeResult(finish));
      }
    } catch (error) {
      setPasskeyFailed(error instanceof PasskeyError);
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  if (step.name === 'totp') {
    return <IdentityTotpSetup secret={step.secret} uri={step.uri} onDone={() => navigate('/me', { replace: true })} />;
  }

  const inline = inlineErrors(errors);
  const err = (name: FieldName) => inline[id(name)];
  const docType = form.documentType;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary errors={errors} />
      {!supported && (
        <Notice title={ti('passkey.unsupported.title')}>
          <p>{ti('passkey.unsupported.signUp')}</p>
        </Notice>
      )}
      {problem && (
        <Notice kind="error" live="alert" title={t('notice.error')}>
          <p>{problem}</p>
          {passkeyFailed && method === 'passkey' && (
            <p>
              <Button variant="link" onClick={() => setMethod('password')}>
                {ti('signUp.usePasswordInstead')}
              </Button>
            </p>
          )}
        </Notice>
      )}
      <Field
        id={id('fullName')}
        label={ti('signUp.fullName.label')}
        hint={ti('signUp.fullName.hint')}
        autocomplete="name"
        value={form.fullName}
        error={err('fullName')}
        onInput={set('fullName')}
      />
      <Radios
        id={id('isResident')}
        legend={ti('signUp.residency.legend')}
        hint={ti('signUp.residency.hint')}
        error={err('isResident')}
        value={form.isResident}
        options={[
          { value: 'yes', label: ti('signUp.residency.yes') },
          { value: 'no', label: ti('signUp.residency.no') },
        ]}
        onChange={(value) => setForm((f) => ({ ...f, isResident: value }))}
      />
      <Radios<DocumentType>
        id={id('documentType')}
        legend={ti('signUp.documentType.legend')}
        error={err('documentType')}
        value={docType}
        options={[
          { value: 'RESIDENT_ID', label: t('document.RESIDENT_ID'), hint: ti('signUp.documentType.residentHint') },
          { value: 'PASSPORT', label: t('document.PASSPORT') },
          { value: 'TRAVEL_PERMIT', label: t('document.TRAVEL_PERMIT'), hint: ti('signUp.documentType.permitHint') },
        ]}
        onChange={(value) => setForm((f) => ({ ...f, documentType: value }))}
      />
      {docType === 'PASSPORT' && (
        <PassportScanLoader
          label={ti('signUp.scan.open')}
          loading={ti('signUp.scan.loading')}
          failed={ti('signUp.scan.failed')}
          onRead={fillFromPassport}
        />
      )}
      <Field
        id={id('documentNumber')}
        label={ti(docType === 'RESIDENT_ID' ? 'signUp.documentNumber.resident' : 'signUp.documentNumber.label')}
        hint={docType === 'RESIDENT_ID' ? ti('signUp.documentNumber.residentHint') : undefined}
        autocapitalize="characters"
        spellcheck={false}
        value={form.documentNumber}
        error={err('documentNumber')}
        onInput={set('documentNumber')}
      />
      {docType === 'PASSPORT' && (
        <CountryPicker
          id={id('documentCountry')}
          label={ti('signUp.documentCountry.label')}
          hint={scanned ? ti('signUp.scan.stateFromPassport') : ti('signUp.country.hint')}
          readOnly={scanned}
          value={form.documentCountry}
          error={err('documentCountry')}
          onChange={(code) => setForm((f) => ({ ...f, documentCountry: code }))}
        />
      )}
      {docType !== 'RESIDENT_ID' && (
        <Field
          id={id('documentExpiry')}
          label={ti('signUp.documentExpiry.label')}
          hint={ti('signUp.date.hint')}
          inputMode="numeric"
          value={form.documentExpiry}
          error={err('documentExpiry')}
          onInput={set('documentExpiry')}
        />
      )}
      {docType === 'PASSPORT' && (
        <details class="details">
          <summary>{ti('signUp.mrz.summary')}</summary>
          <p class="field__hint">{ti('signUp.mrz.hint')}</p>
          <Field
            id={id('mrzLine1')}
            label={ti('signUp.mrz.line1')}
            autocapitalize="characters"
            spellcheck={false}
            value={form.mrzLine1}
            error={err('mrzLine1')}
            onInput={set('mrzLine1')}
          />
          <Field
            id={id('mrzLine2')}
            label={ti('signUp.mrz.line2')}
            autocapitalize="characters"
            spellcheck={false}
            value={form.mrzLine2}
            error={err('mrzLine2')}
            onInput={set('mrzLine2')}
          />
        </details>
      )}
      <Field
        id={id('dateOfBirth')}
        label={ti('signUp.dateOfBirth.label')}
        hint={ti(docType === 'RESIDENT_ID' ? 'signUp.dateOfBirth.residentHint' : 'signUp.dateOfBirth.hint')}
        inputMode="numeric"
        autocomplete="bday"
        value={form.dateOfBirth}
        error={err('dateOfBirth')}
        onInput={set('dateOfBirth')}
      />
      {docType !== 'RESIDENT_ID' && (
        <CountryPicker
          id={id('nationality')}
          label={ti('signUp.nationality.label')}
          hint={ti('signUp.country.hint')}
          value={form.nationality}
          error={err('nationality')}
          onChange={(code) => setForm((f) => ({ ...f, nationality: code }))}
        />
      )}
      <Field
        id={id('email')}
        type="email"
        label={ti('signUp.email.label')}
        hint={ti('signUp.email.hint')}
        autocomplete="email"
        spellcheck={false}
        value={form.email}
        error={err('email')}
        onInput={set('email')}
      />
      <Field
        id={id('mobile')}
        type="tel"
        label={ti('signUp.mobile.label')}
        autocomplete="tel"
        value={form.mobile}
        error={err('mobile')}
        onInput={set('mobile')}
      />
      {method === 'passkey' ? (
        <>
          <h2>{ti('signUp.passkey.heading')}</h2>
          <p>{ti('signUp.passkey.body')}</p>
          <Field
            id={id('passkeyName')}
            label={ti('passkey.name.label')}
            hint={ti('passkey.name.hint')}
            value={form.passkeyName}
            error={err('passkeyName')}
            onInput={set('passkeyName')}
          />
          <div class="button-row">
            <Button type="submit" disabled={busy}>
              {ti('signUp.submitPasskey')}
            </Button>
            <Button variant="link" onClick={() => setMethod('password')}>
              {ti('signUp.usePasswordInstead')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <h2>{ti('signUp.password.heading')}</h2>
          <p>{ti('signUp.password.body')}</p>
          <Field
            id={id('password')}
            type="password"
            label={ti('password.label')}
            hint={ti('signUp.password.hint')}
            autocomplete="new-password"
            value={form.password}
            error={err('password')}
            onInput={set('password')}
          />
          <div class="button-row">
            <Button type="submit" disabled={busy}>
              {ti('signUp.submitPassword')}
            </Button>
            {supported && (
              <Button variant="link" onClick={() => setMethod('passkey')}>
                {ti('signUp.usePasskeyInstead')}
              </Button>
            )}
          </div>
        </>
      )}
    </form>
  );
}
