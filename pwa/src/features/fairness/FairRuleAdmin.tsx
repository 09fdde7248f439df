// The limits one person has for an item (held seats in all and per day, reschedules and
// cancellations in a window, verified identity only): where they come from, and, for an
// administrator, a form to give the item its own (step-up, audited). A supervisor reads them.
import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Checkbox } from '../../components/Checkbox';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { client, request } from '../../graphql/client';
import { FairRuleDocument, FairRuleSetDocument, type FairRuleFragment } from '../../graphql/generated/graphql';
import { formatDateTime } from '../../i18n/format';
import { describeError } from '../identity/identityErrors';
import { me } from '../identity/identitySession';
import { createSecureRequest, stepUpStatus } from '../identity/identityStepUp';
import { tf, type FairKey } from './fairMessages';

const secure = createSecureRequest({ client, onStatus: (s) => (stepUpStatus.value = s) });
const NUMBERS = ['maxPerItem', 'maxPerDay', 'maxReschedules', 'maxCancellations', 'changeWindowHours'] as const;
type NumberName = (typeof NUMBERS)[number];
const WHOLE = /^\d{1,4}$/;
const fieldId = (name: string) => `rule-${name}`;

export function FairRuleAdmin({ itemCode }: { itemCode: string }) {
  const [rule, setRule] = useState<FairRuleFragment | null>(null);
  const [values, setValues] = useState<Record<NumberName, string>>({} as Record<NumberName, string>);
  const [verifiedOnly, setVerifiedOnly] = useState(false);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const canChange = me.value?.officer?.roles.includes('administrator') ?? false;

  const load = () => {
    let current = true;
    request(FairRuleDocument, { itemCode })
      .then((data) => {
        if (!current) return;
        const found = data.fairnessRule;
        setRule(found);
        setValues(Object.fromEntries(NUMBERS.map((n) => [n, String(found[n])])) as Record<NumberName, string>);
        setVerifiedOnly(found.verifiedOnly);
      })
      .catch((error) => current && setProblem(describeError(error)));
    return () => {
      current = false;
    };
  };
  useEffect(() => {
    setRule(null);
    setErrors([]);
    setSaved(false);
    setProblem(null);
    return load();
  }, [itemCode]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    const mine = NUMBERS.filter((n) => !WHOLE.test((values[n] ?? '').trim())).map((n) => ({
      fieldId: fieldId(n),
      message: tf('rule.whole', { label: tf(`rule.${n}` as FairKey) }),
    }));
    setErrors(mine);
    if (mine.length) return;
    const numbers = Object.fromEntries(NUMBERS.map((n) => [n, Number(values[n].trim())])) as Record<NumberName, number>;
    setBusy(true);
    try {
      const result = (await secure(FairRuleSetDocument, { input: { itemCode, verifiedOnly, ...numbers } })).fairnessRuleSet;
      if (result.__typename === 'ValidationError') {
        setErrors(result.errors.map((e) => ({ fieldId: fieldId(e.field.replace(/^input\./, '')), message: e.message })));
      } else {
        setSaved(true);
        load();
      }
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (name: string) => errors.find((e) => e.fieldId === fieldId(name))?.message;
  if (!rule) return problem ? <Notice kind="error" live="alert"><p>{problem}</p></Notice> : <p role="status">{tf('rule.loading')}</p>;
  const source = tf(`rule.source.${rule.source}` as FairKey, { at: rule.updatedAt ? formatDateTime(rule.updatedAt) : '' });
  return (
    <div class="stack" data-testid="fair-rule" data-source={rule.source}>
      <p>{source}</p>
      <ErrorSummary errors={errors} />
      {problem && (
        <Notice kind="error" live="alert">
          <p>{problem}</p>
        </Notice>
      )}
      {saved && (
        <Notice kind="success" live="status">
          <p data-testid="fair-rule-saved">{tf('rule.saved')}</p>
        </Notice>
      )}
      {canChange ? (
        <form class="stack" noValidate onSubmit={(e) => void submit(e)}>
          {NUMBERS.map((n) => (
            <Field
              key={n}
              id={fieldId(n)}
              inputMode="numeric"
              label={tf(`rule.${n}` as FairKey)}
              hint={tf(`rule.${n}.hint` as FairKey)}
              value={values[n] ?? ''}
              error={errorOf(n)}
              onInput={(e) => setValues({ ...values, [n]: e.currentTarget.value })}
            />
          ))}
          <Checkbox id={fieldId('verifiedOnly')} label={tf('rule.verifiedOnly')} hint={tf('rule.verifiedOnly.hint')} checked={verifiedOnly} onChange={setVerifiedOnly} />
          <Button type="submit" disabled={busy} data-testid="fair-rule-save">
            {tf('rule.save')}
          </Button>
        </form>
      ) : (
        <dl class="facts">
          {NUMBERS.map((n) => (
            <div key={n}>
              <dt>{tf(`rule.${n}` as FairKey)}</dt>
              <dd>{rule[n]}</dd>
            </div>
          ))}
          <div>
            <dt>{tf('rule.verifiedOnly')}</dt>
            <dd>{rule.verifiedOnly ? tf('rule.yes') : tf('rule.no')}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
