import { SERVICE_TIME_ZONE, dateIn } from '../../clock';
import { Button } from '../../components/Button';
import type { SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Radios } from '../../components/Radios';
import type { DocumentType } from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { inlineErrors } from '../identity/identityErrors';
import { blankCompanion, draftPath, type DraftCompanion, type StepProps, type YesNo } from './declarationsModel';
import { td } from './declarationsMessages';

const id = (name: string) => `companion-${name}`;
const DOCUMENTS: DocumentType[] = ['PASSPORT', 'RESIDENT_ID', 'TRAVEL_PERMIT'];

export function companionProblems(c: DraftCompanion, today: string = dateIn(SERVICE_TIME_ZONE)): SummaryError[] {
  const out: SummaryError[] = [];
  if (!c.fullName.trim()) out.push({ fieldId: id('fullName'), message: td('declare.companion.fullName.required') });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.dateOfBirth))
    out.push({ fieldId: id('dateOfBirth'), message: td('declare.companion.dateOfBirth.required') });
  else if (c.dateOfBirth > today)
    out.push({ fieldId: id('dateOfBirth'), message: td('declare.companion.dateOfBirth.future') });
  if (!c.isResident) out.push({ fieldId: id('isResident'), message: td('declare.companion.residency.required') });
  if (!c.documentNumber.trim())
    out.push({ fieldId: id('documentNumber'), message: td('declare.companion.documentNumber.required') });
  if (c.consentStatement.trim().length < 10)
    out.push({ fieldId: id('consentStatement'), message: td('declare.companion.consent.required') });
  return out;
}

export function DeclarationCompanionsStep({ draftId, draft, update, errors, setErrors, go }: StepProps) {
  const inline = inlineErrors(errors);
  const submit = (event: Event) => {
    event.preventDefault();
    if (!draft.hasCompanions)
      return setErrors([{ fieldId: 'companions-has', message: td('declare.companions.has.required') }]);
    const incomplete = draft.companions.findIndex((c) => companionProblems(c).length > 0);
    if (draft.hasCompanions === 'yes' && incomplete >= 0)
      return setErrors([{ fieldId: `companion-change-${incomplete}`, message: td('declare.companions.incomplete') }]);
    if (draft.hasCompanions === 'yes' && draft.companions.length === 0)
      return setErrors([{ fieldId: 'companions-add', message: td('declare.companions.none') }]);
    go('articles');
  };
  const add = () => {
    const companion = blankCompanion();
    update((d) => ({ ...d, hasCompanions: 'yes', companions: [...d.companions, companion] }));
    go(`companion/${companion.key}`);
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>{td('declare.companions.intro')}</p>
      <Radios<'yes' | 'no'>
        id="companions-has"
        legend={td('declare.companions.has.legend')}
        error={inline['companions-has']}
        value={draft.hasCompanions}
        options={[
          { value: 'yes', label: td('declare.yes') },
          { value: 'no', label: td('declare.no') },
        ]}
        onChange={(v: YesNo) => update((d) => ({ ...d, hasCompanions: v }))}
      />
      {draft.hasCompanions === 'yes' && (
        <>
          <ul class="card-list">
            {draft.companions.map((c, index) => (
              <li class="card-list__item" key={c.key}>
                <h2 class="card-list__title">{c.fullName || td('declare.companions.unnamed')}</h2>
                {companionProblems(c).length > 0 && <p class="field__error">{td('declare.companions.incompleteOne')}</p>}
                <div class="button-row">
                  <a id={`companion-change-${index}`} href={draftPath(draftId, `companion/${c.key}`)} onClick={(e) => (e.preventDefault(), go(`companion/${c.key}`))}>
                    {td('declare.change')}
                    <span class="visually-hidden"> {c.fullName}</span>
                  </a>
                  <Button
                    variant="link"
                    onClick={() =>
                      update((d) => ({
                        ...d,
                        companions: d.companions.filter((x) => x.key !== c.key),
                        // Lines of later companions move up one place; this one's go to the declarant.
                        articles: d.articles.map((a) =>
                          a.traveller === index + 1 ? { ...a, traveller: 0 } : a.traveller > index + 1 ? { ...a, traveller: a.traveller - 1 } : a,
                        ),
                        cash: d.cash.filter((x) => x.traveller !== index + 1).map((x) => (x.traveller > index + 1 ? { ...x, traveller: x.traveller - 1 } : x)),
                      }))
                    }
                  >
                    {td('declare.remove')}
                    <span class="visually-hidden"> {c.fullName}</span>
                  </Button>
                </div>
              </li>
            ))}
          </ul>
          <p class={inline['companions-add'] ? 'field field--error' : ''}>
            <Button id="companions-add" variant="secondary" onClick={add}>
              {td('declare.companions.add')}
            </Button>
          </p>
        </>
      )}
      <Button type="submit">{td('declare.continue')}</Button>
    </form>
  );
}

export function DeclarationCompanionEdit({ draft, update, errors, setErrors, go, item }: StepProps) {
  const inline = inlineErrors(errors);
  const companion = draft.companions.find((c) => c.key === item);
  if (!companion) return <p>{td('declare.companions.missing')}</p>;
  const set = <K extends keyof DraftCompanion>(key: K, value: DraftCompanion[K]) =>
    update((d) => ({ ...d, companions: d.companions.map((c) => (c.key === item ? { ...c, [key]: value } : c)) }));
  const submit = (event: Event) => {
    event.preventDefault();
    const problems = companionProblems(companion);
    if (problems.length) return setErrors(problems);
    go('companions');
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field
        id={id('fullName')}
        label={td('declare.companion.fullName.label')}
        hint={td('declare.companion.fullName.hint')}
        error={inline[id('fullName')]}
        value={companion.fullName}
        autocomplete="off"
        onInput={(e) => set('fullName', e.currentTarget.value)}
      />
      <Field
        id={id('dateOfBirth')}
        type="date"
        label={td('declare.companion.dateOfBirth.label')}
        error={inline[id('dateOfBirth')]}
        value={companion.dateOfBirth}
        onInput={(e) => set('dateOfBirth', e.currentTarget.value)}
      />
      <Radios<'yes' | 'no'>
        id={id('isResident')}
        legend={td('declare.companion.residency.legend')}
        error={inline[id('isResident')]}
        value={companion.isResident}
        options={[
          { value: 'yes', label: td('declare.companion.resident') },
          { value: 'no', label: td('declare.companion.nonResident') },
        ]}
        onChange={(v) => set('isResident', v)}
      />
      <Radios<DocumentType>
        id={id('documentType')}
        legend={td('declare.companion.documentType.legend')}
        value={companion.documentType}
        options={DOCUMENTS.map((d) => ({ value: d, label: t(`document.${d}`) }))}
        onChange={(v) => set('documentType', v)}
      />
      <Field
        id={id('documentNumber')}
        label={td('declare.companion.documentNumber.label')}
        error={inline[id('documentNumber')]}
        value={companion.documentNumber}
        autocapitalize="characters"
        spellcheck={false}
        onInput={(e) => set('documentNumber', e.currentTarget.value)}
      />
      <div class={inline[id('consentStatement')] ? 'field field--error' : 'field'}>
        <label class="field__label" for={id('consentStatement')}>
          {td('declare.companion.consent.label')}
        </label>
        <p class="field__hint" id={`${id('consentStatement')}-hint`}>
          {td('declare.companion.consent.hint')}
        </p>
        {inline[id('consentStatement')] && (
          <p class="field__error" id={`${id('consentStatement')}-error`}>
            {inline[id('consentStatement')]}
          </p>
        )}
        <textarea
          id={id('consentStatement')}
          class="field__input field__textarea"
          rows={3}
          maxLength={500}
          value={companion.consentStatement}
          aria-invalid={inline[id('consentStatement')] ? true : undefined}
          aria-describedby={`${id('consentStatement')}-hint${inline[id('consentStatement')] ? ` ${id('consentStatement')}-error` : ''}`}
          onInput={(e) => set('consentStatement', e.currentTarget.value)}
        />
      </div>
      <Button type="submit">{td('declare.companion.save')}</Button>
    </form>
  );
}
