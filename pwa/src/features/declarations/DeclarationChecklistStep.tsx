import { Button } from '../../components/Button';
import type { SummaryError } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { Radios } from '../../components/Radios';
import { HelpLink } from '../help/HelpLink';
import { inlineErrors } from '../identity/identityErrors';
import type { StepProps } from './declarationsModel';
import { localized } from './declarationsHooks';
import { td } from './declarationsMessages';

export function DeclarationChecklistStep({ draft, update, rules, errors, setErrors, go }: StepProps) {
  const inline = inlineErrors(errors);
  const questions = rules?.rules.checklist ?? [];
  const submit = (event: Event) => {
    event.preventDefault();
    const missing: SummaryError[] = questions
      .filter((q) => !draft.restricted[q.code])
      .map((q) => ({ fieldId: `checklist-${q.code}`, message: td('declare.checklist.required', { question: localized(q.question) }) }));
    if (missing.length) return setErrors(missing);
    go('review');
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>{td('declare.checklist.intro')}</p>
      {!questions.length && <p>{td('declare.checklist.unavailable')}</p>}
      {questions.map((q) => (
        <div key={q.code} class="checklist-item">
          <Radios<'yes' | 'no'>
            id={`checklist-${q.code}`}
            legend={localized(q.question)}
            error={inline[`checklist-${q.code}`]}
            value={draft.restricted[q.code] ?? null}
            options={[
              { value: 'yes', label: td('declare.yes') },
              { value: 'no', label: td('declare.no') },
            ]}
            onChange={(v) => update((d) => ({ ...d, restricted: { ...d.restricted, [q.code]: v } }))}
          />
          <HelpLink question={`declare.checklist.${q.code}`} />
          {draft.restricted[q.code] === 'yes' && (
            <Notice title={td('declare.checklist.guidance')}>
              <p>{localized(q.guidance)}</p>
            </Notice>
          )}
        </div>
      ))}
      <Button type="submit">{td('declare.continue')}</Button>
    </form>
  );
}
