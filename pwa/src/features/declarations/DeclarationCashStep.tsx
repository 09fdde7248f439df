import { Button } from '../../components/Button';
import type { SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Radios } from '../../components/Radios';
import { Select } from '../../components/Select';
import { HelpLink } from '../help/HelpLink';
import { inlineErrors } from '../identity/identityErrors';
import { travellerNames } from './DeclarationArticlesStep';
import type { StepProps } from './declarationsModel';
import { CURRENCIES, isMoney, newKey, type DraftCash } from './declarationsModel';
import { td } from './declarationsMessages';

export function DeclarationCashStep({ draft, update, profile, errors, setErrors, go }: StepProps) {
  const inline = inlineErrors(errors);
  const names = travellerNames(draft, profile?.fullName ?? '');
  const set = (key: string, change: Partial<DraftCash>) =>
    update((d) => ({ ...d, cash: d.cash.map((c) => (c.key === key ? { ...c, ...change } : c)) }));
  const submit = (event: Event) => {
    event.preventDefault();
    if (!draft.hasCash) return setErrors([{ fieldId: 'cash-has', message: td('declare.cash.has.required') }]);
    if (draft.hasCash === 'yes') {
      const problems: SummaryError[] = [];
      draft.cash.forEach((c, i) => {
        if (!isMoney(c.amount)) problems.push({ fieldId: `cash-amount-${i}`, message: td('declare.cash.amount.invalid', { n: i + 1 }) });
      });
      if (draft.cash.length === 0) problems.push({ fieldId: 'cash-add', message: td('declare.cash.none') });
      if (problems.length) return setErrors(problems);
    }
    go('checklist');
  };
  return (
    <form onSubmit={submit} noValidate>
      <Radios<'yes' | 'no'>
        id="cash-has"
        legend={td('declare.cash.has.legend')}
        hint={td('declare.cash.has.hint')}
        error={inline['cash-has']}
        value={draft.hasCash}
        options={[
          { value: 'yes', label: td('declare.yes') },
          { value: 'no', label: td('declare.no') },
        ]}
        onChange={(v) =>
          update((d) => ({
            ...d,
            hasCash: v,
            cash: v === 'yes' && d.cash.length === 0 ? [{ key: newKey(), traveller: 0, currency: 'CNY', amount: '' }] : d.cash,
          }))
        }
      />
      <HelpLink question="declare.cash" />
      {draft.hasCash === 'yes' && (
        <>
          {draft.cash.map((c, i) => (
            <fieldset class="subform" key={c.key}>
              <legend class="field__label">{td('declare.cash.line', { n: i + 1 })}</legend>
              {names.length > 1 && (
                <Select
                  id={`cash-traveller-${i}`}
                  label={td('declare.article.traveller.label')}
                  value={String(c.traveller)}
                  options={names.map((name, index) => ({ value: String(index), label: name }))}
                  onChange={(v) => set(c.key, { traveller: Number(v) })}
                />
              )}
              <Select
                id={`cash-currency-${i}`}
                label={td('declare.article.currency.label')}
                value={c.currency}
                options={CURRENCIES.map((x) => ({ value: x, label: x }))}
                onChange={(v) => set(c.key, { currency: v })}
              />
              <Field
                id={`cash-amount-${i}`}
                label={td('declare.cash.amount.label')}
                error={inline[`cash-amount-${i}`]}
                value={c.amount}
                inputMode="decimal"
                onInput={(e) => set(c.key, { amount: e.currentTarget.value })}
              />
              <Button variant="link" onClick={() => update((d) => ({ ...d, cash: d.cash.filter((x) => x.key !== c.key) }))}>
                {td('declare.remove')}
                <span class="visually-hidden"> {td('declare.cash.line', { n: i + 1 })}</span>
              </Button>
            </fieldset>
          ))}
          <p>
            <Button
              id="cash-add"
              variant="secondary"
              onClick={() => update((d) => ({ ...d, cash: [...d.cash, { key: newKey(), traveller: 0, currency: 'CNY', amount: '' }] }))}
            >
              {td('declare.cash.add')}
            </Button>
          </p>
        </>
      )}
      <Button type="submit">{td('declare.continue')}</Button>
    </form>
  );
}
