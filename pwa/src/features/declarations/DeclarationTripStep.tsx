import { now } from '../../clock';
import { Button } from '../../components/Button';
import type { SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Radios } from '../../components/Radios';
import { Select } from '../../components/Select';
import type { Direction, TravelMode } from '../../graphql/generated/graphql';
import { formatDateTime } from '../../i18n/format';
import { inlineErrors } from '../identity/identityErrors';
import type { StepProps } from './declarationsModel';
import { localized } from './declarationsHooks';
import { facesHkMacau, scheduledAt, submissionWindow, windowState, type DeclarationDraftData } from './declarationsModel';
import { td } from './declarationsMessages';

const id = (name: string) => `trip-${name}`;
const MODES: TravelMode[] = ['FLIGHT', 'TRAIN', 'VESSEL', 'VEHICLE'];
export const TRAVEL_NUMBER = /^[A-Z0-9][A-Z0-9 -]{1,19}$/;

export function tripProblems(draft: DeclarationDraftData): SummaryError[] {
  const out: SummaryError[] = [];
  if (!draft.direction) out.push({ fieldId: id('direction'), message: td('declare.trip.direction.required') });
  if (!draft.portCode) out.push({ fieldId: id('port'), message: td('declare.trip.port.required') });
  if (!draft.travelMode) out.push({ fieldId: id('mode'), message: td('declare.trip.mode.required') });
  const number = draft.travelNumber.trim().toUpperCase();
  if (!number) out.push({ fieldId: id('number'), message: td('declare.trip.number.required') });
  else if (!TRAVEL_NUMBER.test(number)) out.push({ fieldId: id('number'), message: td('declare.trip.number.format') });
  if (!draft.scheduledDate) out.push({ fieldId: id('date'), message: td('declare.trip.date.required') });
  if (!draft.scheduledTime) out.push({ fieldId: id('time'), message: td('declare.trip.time.required') });
  return out;
}

export function DeclarationTripStep({ draft, update, rules, errors, setErrors, go }: StepProps) {
  const inline = inlineErrors(errors);
  const set = <K extends keyof DeclarationDraftData>(key: K, value: DeclarationDraftData[K]) =>
    update((d) => ({ ...d, [key]: value }));
  const when = scheduledAt(draft);
  const window = when ? submissionWindow(when) : null;
  const state = when ? windowState(when, now()) : null;
  const ports = rules?.ports ?? [];

  const submit = (event: Event) => {
    event.preventDefault();
    const problems = tripProblems(draft);
    if (problems.length) return setErrors(problems);
    go('companions');
  };

  return (
    <form onSubmit={submit} noValidate>
      <Radios<Direction>
        id={id('direction')}
        legend={td('declare.trip.direction.legend')}
        error={inline[id('direction')]}
        value={draft.direction}
        options={[
          { value: 'ARRIVING', label: td('declare.direction.ARRIVING') },
          { value: 'DEPARTING', label: td('declare.direction.DEPARTING') },
        ]}
        onChange={(v) => set('direction', v)}
      />
      <Select
        id={id('port')}
        label={td('declare.trip.port.label')}
        hint={td('declare.trip.port.hint')}
        error={inline[id('port')]}
        value={draft.portCode}
        options={[
          { value: '', label: ports.length ? td('declare.choose') : td('declare.trip.port.none') },
          ...ports.map((p) => ({ value: p.code, label: `${localized(p.name)} (${localized(p.city)})` })),
        ]}
        onChange={(v) => set('portCode', v)}
      />
      {draft.direction !== 'DEPARTING' && facesHkMacau(rules?.rules.ruleSetJson, draft.portCode) && (
        <Radios<'yes' | 'no'>
          id={id('frequent')}
          legend={td('declare.trip.frequent.legend')}
          hint={td('declare.trip.frequent.hint')}
          value={draft.frequentCrosser ?? null}
          options={[
            { value: 'yes', label: td('declare.yes') },
            { value: 'no', label: td('declare.no') },
          ]}
          onChange={(v) => set('frequentCrosser', v)}
        />
      )}
      <Radios<TravelMode>
        id={id('mode')}
        legend={td('declare.trip.mode.legend')}
        error={inline[id('mode')]}
        value={draft.travelMode}
        options={MODES.map((m) => ({ value: m, label: td(`declare.mode.${m}`) }))}
        onChange={(v) => set('travelMode', v)}
      />
      <Field
        id={id('number')}
        label={td('declare.trip.number.label')}
        hint={td('declare.trip.number.hint')}
        error={inline[id('number')]}
        value={draft.travelNumber}
        autocapitalize="characters"
        spellcheck={false}
        maxLength={20}
        onInput={(e) => set('travelNumber', e.currentTarget.value)}
      />
      <Field
        id={id('date')}
        type="date"
        label={td('declare.trip.date.label')}
        error={inline[id('date')]}
        value={draft.scheduledDate}
        onInput={(e) => set('scheduledDate', e.currentTarget.value)}
      />
      <Field
        id={id('time')}
        type="time"
        label={td('declare.trip.time.label')}
        hint={td('declare.trip.time.hint')}
        error={inline[id('time')]}
        value={draft.scheduledTime}
        onInput={(e) => set('scheduledTime', e.currentTarget.value)}
      />
      {window && state !== 'open' && (
        <Notice title={td(state === 'early' ? 'declare.window.early.title' : 'declare.window.closed.title')}>
          <p>
            {td('declare.window.body', { opens: formatDateTime(window.opens), closes: formatDateTime(window.closes) })}
          </p>
        </Notice>
      )}
      <Button type="submit">{td('declare.continue')}</Button>
    </form>
  );
}
