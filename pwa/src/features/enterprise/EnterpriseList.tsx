import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Radios } from '../../components/Radios';
import {
  EnterpriseInvitationAcceptDocument,
  EnterpriseMemberInviteDocument,
  EnterpriseMemberRemoveDocument,
  EnterpriseMembersDocument,
  EnterpriseRegisterDocument,
  type DocumentType,
  type EnterpriseMembersQuery,
  type EnterpriseRole,
  type IdentityMeFragment,
  type IdentityOutcomeFragment,
} from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { secureRequest } from '../identity/identityApi';
import { describeError, describeResult, inlineErrors, toSummaryErrors } from '../identity/identityErrors';
import { refreshMe } from '../identity/identitySession';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { ti } from '../identity/identityMessages';

type Membership = IdentityMeFragment['memberships'][number];

/** Field-level problems from an IdentityResult, mapped onto a form's fields. */
function outcomeErrors(outcome: IdentityOutcomeFragment, prefix: string, known: readonly string[]): SummaryError[] {
  if (outcome.__typename === 'IdentityDone') return [];
  const list =
    outcome.__typename === 'ValidationError' && outcome.errors.length
      ? outcome.errors
      : [{ field: 'field' in outcome ? (outcome.field ?? '') : '', message: describeResult(outcome) }];
  return toSummaryErrors(list, { prefix, known, fallbackId: `${prefix}-${known[0]}` });
}

function EnterpriseRegisterForm({ onDone }: { onDone: (message: string) => void }) {
  const [name, setName] = useState('');
  const [uscc, setUscc] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const missing: SummaryError[] = [];
    if (!name.trim()) missing.push({ fieldId: 'ent-name', message: ti('enterprise.name.required') });
    if (!uscc.trim()) missing.push({ fieldId: 'ent-uscc', message: ti('enterprise.uscc.required') });
    setErrors(missing);
    if (missing.length) return;
    setBusy(true);
    try {
      const outcome = (await secureRequest(EnterpriseRegisterDocument, { name: name.trim(), uscc: uscc.trim().toUpperCase() })).enterpriseRegister;
      const problems = outcomeErrors(outcome, 'ent', ['name', 'uscc']);
      setErrors(problems);
      if (!problems.length) {
        setName('');
        setUscc('');
        onDone(ti('enterprise.registered'));
      }
    } catch (error) {
      setErrors([{ fieldId: 'ent-name', message: describeError(error) }]);
    } finally {
      setBusy(false);
    }
  };
  const inline = inlineErrors(errors);
  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="ent-register-heading">
      <h2 id="ent-register-heading">{ti('enterprise.register.heading')}</h2>
      <ErrorSummary errors={errors} />
      <Field id="ent-name" label={ti('enterprise.name.label')} autocomplete="organization" value={name} error={inline['ent-name']} onInput={(e) => setName(e.currentTarget.value)} />
      <Field
        id="ent-uscc"
        label={ti('enterprise.uscc.label')}
        hint={ti('enterprise.uscc.hint')}
        autocapitalize="characters"
        spellcheck={false}
        maxLength={18}
        value={uscc}
        error={inline['ent-uscc']}
        onInput={(e) => setUscc(e.currentTarget.value)}
      />
      <Button type="submit" disabled={busy}>
        {ti('enterprise.register.submit')}
      </Button>
    </form>
  );
}

function EnterpriseInviteForm({ enterpriseId, onDone }: { enterpriseId: string; onDone: (message: string) => void }) {
  const prefix = `invite-${enterpriseId}`;
  const [documentType, setDocumentType] = useState<DocumentType>('RESIDENT_ID');
  const [documentNumber, setDocumentNumber] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<EnterpriseRole>('DECLARANT');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const missing: SummaryError[] = [];
    if (!fullName.trim()) missing.push({ fieldId: `${prefix}-fullName`, message: ti('signUp.fullName.required') });
    if (!documentNumber.trim()) missing.push({ fieldId: `${prefix}-documentNumber`, message: ti('signUp.documentNumber.required') });
    setErrors(missing);
    if (missing.length) return;
    setBusy(true);
    try {
      const outcome = (
        await secureRequest(EnterpriseMemberInviteDocument, {
          enterpriseId,
          documentType,
          documentNumber: documentNumber.trim(),
          fullName: fullName.trim(),
          role,
        })
      ).enterpriseMemberInvite;
      const problems = outcomeErrors(outcome, prefix, ['fullName', 'documentNumber', 'documentType', 'role']);
      setErrors(problems);
      if (!problems.length) {
        setDocumentNumber('');
        setFullName('');
        onDone(ti('enterprise.invited', { name: fullName.trim() }));
      }
    } catch (error) {
      setErrors([{ fieldId: `${prefix}-fullName`, message: describeError(error) }]);
    } finally {
      setBusy(false);
    }
  };
  const inline = inlineErrors(errors);
  return (
    <form noValidate onSubmit={(e) => void submit(e)} class="subform">
      <h4>{ti('enterprise.invite.heading')}</h4>
      <ErrorSummary errors={errors} />
      <Field id={`${prefix}-fullName`} label={ti('signUp.fullName.label')} value={fullName} error={inline[`${prefix}-fullName`]} onInput={(e) => setFullName(e.currentTarget.value)} />
      <Radios<DocumentType>
        id={`${prefix}-documentType`}
        legend={ti('signUp.documentType.legend')}
        value={documentType}
        options={[
          { value: 'RESIDENT_ID', label: t('document.RESIDENT_ID') },
          { value: 'PASSPORT', label: t('document.PASSPORT') },
          { value: 'TRAVEL_PERMIT', label: t('document.TRAVEL_PERMIT') },
        ]}
        onChange={setDocumentType}
      />
      <Field
        id={`${prefix}-documentNumber`}
        label={ti('signUp.documentNumber.label')}
        autocapitalize="characters"
        spellcheck={false}
        value={documentNumber}
        error={inline[`${prefix}-documentNumber`]}
        onInput={(e) => setDocumentNumber(e.currentTarget.value)}
      />
      <Radios<EnterpriseRole>
        id={`${prefix}-role`}
        legend={ti('enterprise.role.legend')}
        value={role}
        options={[
          { value: 'DECLARANT', label: ti('enterprise.role.DECLARANT'), hint: ti('enterprise.role.declarantHint') },
          { value: 'ADMINISTRATOR', label: ti('enterprise.role.ADMINISTRATOR'), hint: ti('enterprise.role.administratorHint') },
        ]}
        onChange={setRole}
      />
      <Button type="submit" disabled={busy}>
        {ti('enterprise.invite.submit')}
      </Button>
    </form>
  );
}

function EnterpriseMembers({ enterpriseId, onChanged }: { enterpriseId: string; onChanged: (message: string) => void }) {
  const [members, setMembers] = useState<EnterpriseMembersQuery['enterpriseMembers'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = () =>
    secureRequest(EnterpriseMembersDocument, { enterpriseId })
      .then((data) => setMembers(data.enterpriseMembers))
      .catch((error: unknown) => setProblem(describeError(error)));
  useEffect(() => void load(), [enterpriseId]);

  const remove = async (membershipId: string, name: string) => {
    setProblem(null);
    try {
      const outcome = (await secureRequest(EnterpriseMemberRemoveDocument, { membershipId })).enterpriseMemberRemove;
      if (outcome.__typename === 'IdentityDone') {
        onChanged(ti('enterprise.removed', { name }));
        void load();
      } else setProblem(describeResult(outcome));
    } catch (error) {
      setProblem(describeError(error));
    }
  };

  return (
    <>
      <h4>{ti('enterprise.members.heading')}</h4>
      {problem && (
        <p class="field__error" role="alert">
          {problem}
        </p>
      )}
      {members === null ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <ul class="card-list">
          {members
            .filter((m) => m.status !== 'REMOVED')
            .map((m) => (
              <li class="card-list__item" key={m.membershipId}>
                <p class="card-list__title">{m.fullName}</p>
                <p>
                  {ti(`enterprise.role.${m.role}`)} · {ti(`enterprise.status.${m.status}`)}
                </p>
                <Button variant="secondary" onClick={() => void remove(m.membershipId, m.fullName)} aria-label={ti('enterprise.removeNamed', { name: m.fullName })}>
                  {ti('enterprise.remove')}
                </Button>
              </li>
            ))}
        </ul>
      )}
      <EnterpriseInviteForm
        enterpriseId={enterpriseId}
        onDone={(message) => {
          onChanged(message);
          void load();
        }}
      />
    </>
  );
}

function MembershipCard({ membership, onChanged }: { membership: Membership; onChanged: (message: string) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const accept = async () => {
    try {
      const outcome = (await secureRequest(EnterpriseInvitationAcceptDocument, { membershipId: membership.id })).enterpriseInvitationAccept;
      if (outcome.__typename === 'IdentityDone') onChanged(ti('enterprise.accepted', { name: membership.enterprise.name }));
      else setProblem(describeResult(outcome));
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  const isAdmin = membership.role === 'ADMINISTRATOR' && membership.status === 'ACTIVE';
  return (
    <li class="card-list__item">
      <h3 class="card-list__title">{membership.enterprise.name}</h3>
      <dl class="facts">
        <dt>{ti('enterprise.uscc.label')}</dt>
        <dd>{membership.enterprise.uscc}</dd>
        <dt>{ti('enterprise.role.legend')}</dt>
        <dd>{ti(`enterprise.role.${membership.role}`)}</dd>
        <dt>{ti('enterprise.status')}</dt>
        <dd>{ti(`enterprise.status.${membership.status}`)}</dd>
      </dl>
      {problem && (
        <p class="field__error" role="alert">
          {problem}
        </p>
      )}
      {membership.status === 'INVITED' && <Button onClick={() => void accept()}>{ti('enterprise.accept')}</Button>}
      {isAdmin && <EnterpriseMembers enterpriseId={membership.enterprise.id} onChanged={onChanged} />}
    </li>
  );
}

export function EnterpriseList({ memberships }: { memberships: readonly Membership[] }) {
  const [message, setMessage] = useState<string | null>(null);
  const changed = (text: string) => {
    setMessage(text);
    void refreshMe();
  };
  const current = memberships.filter((m) => m.status !== 'REMOVED');
  return (
    <>
      <IdentityStepUpNotice />
      {message && (
        <Notice kind="success" live="status" title={t('notice.done')}>
          <p>{message}</p>
        </Notice>
      )}
      <section aria-labelledby="memberships-heading">
        <h2 id="memberships-heading">{ti('enterprise.memberships.heading')}</h2>
        {current.length === 0 ? (
          <p>{ti('enterprise.memberships.none')}</p>
        ) : (
          <ul class="card-list">
            {current.map((m) => (
              <MembershipCard key={m.id} membership={m} onChanged={changed} />
            ))}
          </ul>
        )}
      </section>
      <EnterpriseRegisterForm onDone={changed} />
    </>
  );
}
