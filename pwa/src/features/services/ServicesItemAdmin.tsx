// An administrator changes a service item: its texts in the three languages, time limit, review
// levels and the documents it asks for. Saving needs a fresh passkey proof (level 3), asked for
// when the button is pressed; only what changed is sent, and each save publishes a new version of
// the item (applications already made keep theirs). The server's refusals are linked to fields.
import { useEffect, useState } from 'preact/hooks';
import { summaryErrors } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Radios } from '../../components/Radios';
import { Select } from '../../components/Select';
import { request } from '../../graphql/client';
import {
  type FeeDue,
  ServicesItemAdminDocument,
  ServicesItemUpdateDocument,
  type ServicesItemFullFragment,
  type ServicesMaterialTypeFragment,
} from '../../graphql/generated/graphql';
import { secureRequest } from '../identity/identityApi';
import { describeError } from '../identity/identityErrors';
import { ServicesAdminForm, ServicesAdminLoading, ServicesLocalizedFields, useAdminSave } from './ServicesAdminForm';
import {
  DAYS_MAX,
  ITEM_CHOICE_ID,
  ITEM_DAYS_ID,
  ITEM_FEE_DUE_ID,
  ITEM_FEE_ID,
  ITEM_LEVELS_ID,
  itemFieldId,
  itemInput,
  itemMaterialId,
  itemMissing,
  itemTextPrefix,
  itemValues,
  TEXT_MAX,
  TEXTS,
  withMaterial,
  type ItemValues,
} from './servicesItemAdmin';
import { ts } from './servicesMessages';
import { pick } from './servicesStore';

type Outcome = { kind: 'published'; code: string; version: number } | { kind: 'unchanged' };

export function ServicesItemAdmin() {
  const [items, setItems] = useState<ServicesItemFullFragment[] | null>(null);
  const [types, setTypes] = useState<ServicesMaterialTypeFragment[]>([]);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState('');
  const [values, setValues] = useState<ItemValues | null>(null);
  const admin = useAdminSave();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    request(ServicesItemAdminDocument, {})
      .then((data) => {
        setItems([...data.serviceItems.nodes].sort((a, b) => a.code.localeCompare(b.code)));
        setTypes([...data.materialTypes]);
      })
      .catch((error) => setLoadProblem(describeError(error)));
  }, []);

  const item = items?.find((i) => i.code === selected);
  const choose = (code: string) => {
    setSelected(code);
    admin.setErrors([]);
    setOutcome(null);
    const chosen = items?.find((i) => i.code === code);
    setValues(chosen ? itemValues(chosen) : null);
  };
  const set = (change: Partial<ItemValues>) => setValues((v) => v && { ...v, ...change });

  const submit = () => {
    setOutcome(null);
    if (!item || !values) {
      admin.setErrors([{ fieldId: ITEM_CHOICE_ID, message: ts('items.error.choose') }]);
      return;
    }
    void admin.save(itemMissing(values), async () => {
      const input = itemInput(item, values);
      if (Object.keys(input).length === 0) {
        setOutcome({ kind: 'unchanged' });
        return;
      }
      const answer = (await secureRequest(ServicesItemUpdateDocument, { code: item.code, input })).serviceItemUpdate;
      if (answer.__typename === 'ServiceItemUpdated') {
        const saved = answer.item;
        setItems((list) => (list ?? []).map((i) => (i.code === saved.code ? saved : i)));
        setValues(itemValues(saved));
        setOutcome({ kind: 'published', code: saved.code, version: saved.version });
      } else {
        admin.setErrors(summaryErrors(answer, (path) => itemFieldId(path, input.materials ?? values.materials)));
      }
    });
  };

  if (!items) return <ServicesAdminLoading problem={loadProblem} text={ts('items.loading')} />;
  const { errorFor } = admin;
  const need = (code: string) => {
    const asked = values?.materials.find((m) => m.material === code);
    return asked ? (asked.required ? 'required' : 'optional') : '';
  };
  return (
    <ServicesAdminForm
      lead={ts('items.lead')}
      admin={admin}
      saveLabel={ts('items.save')}
      onSubmit={submit}
      done={
        outcome &&
        (outcome.kind === 'published' ? (
          <Notice kind="success" live="status" title={ts('items.done.title', { code: outcome.code })}>
            <p data-testid="items-done">{ts('items.done.version', { version: outcome.version })}</p>
          </Notice>
        ) : (
          <Notice kind="info" live="status">
            <p data-testid="items-done">{ts('items.unchanged')}</p>
          </Notice>
        ))
      }
    >
      <Select
        id={ITEM_CHOICE_ID}
        label={ts('items.choose')}
        error={errorFor(ITEM_CHOICE_ID)}
        value={selected}
        options={[{ value: '', label: ts('items.none') }, ...items.map((i) => ({ value: i.code, label: ts('items.option', { name: pick(i.name), code: i.code, version: i.version }) }))]}
        onChange={choose}
      />
      {item && values && (
        <>
          <p>{ts('items.mode', { mode: ts(`services.mode.${item.handlingMode}`) })}</p>
          {TEXTS.map((text) => (
            <ServicesLocalizedFields
              key={text}
              prefix={itemTextPrefix(text)}
              legend={ts(`items.${text}`)}
              label={(lang) => ts(`items.${text}.${lang}`)}
              value={values.texts[text]}
              maxLength={TEXT_MAX[text]}
              errorFor={errorFor}
              onChange={(lang, typed) =>
                setValues((v) => v && { ...v, texts: { ...v.texts, [text]: { ...v.texts[text], [lang]: typed } } })
              }
            />
          ))}
          <Field
            id={ITEM_DAYS_ID}
            label={ts('items.days')}
            hint={ts('items.daysHint', { max: DAYS_MAX })}
            error={errorFor(ITEM_DAYS_ID)}
            value={values.days}
            inputMode="numeric"
            maxLength={3}
            onInput={(e) => set({ days: e.currentTarget.value })}
          />
          <Radios
            id={ITEM_LEVELS_ID}
            legend={ts('items.levels')}
            error={errorFor(ITEM_LEVELS_ID)}
            options={[
              { value: '1', label: ts('items.levels.1') },
              { value: '2', label: ts('items.levels.2') },
            ]}
            value={values.levels}
            onChange={(levels) => set({ levels })}
          />
          <Field
            id={ITEM_FEE_ID}
            label={ts('items.fee')}
            hint={ts('items.feeHint')}
            error={errorFor(ITEM_FEE_ID)}
            value={values.fee}
            inputMode="decimal"
            maxLength={10}
            onInput={(e) => set({ fee: e.currentTarget.value })}
          />
          <Radios
            id={ITEM_FEE_DUE_ID}
            legend={ts('items.feeDue')}
            error={errorFor(ITEM_FEE_DUE_ID)}
            options={[
              { value: 'ON_SUBMISSION', label: ts('items.feeDue.ON_SUBMISSION') },
              { value: 'AFTER_PREREVIEW', label: ts('items.feeDue.AFTER_PREREVIEW') },
            ]}
            value={values.feeDue}
            onChange={(feeDue) => set({ feeDue: feeDue as FeeDue })}
          />
          <fieldset>
            <legend>{ts('items.materials')}</legend>
            <p class="field__hint">{ts('items.materialsHint')}</p>
            {types.map((type) => (
              <Select
                key={type.code}
                id={itemMaterialId(type.code)}
                label={`${pick(type.name)} (${type.code})`}
                error={errorFor(itemMaterialId(type.code))}
                value={need(type.code)}
                options={[
                  { value: '', label: ts('items.material.none') },
                  { value: 'required', label: ts('items.material.required') },
                  { value: 'optional', label: ts('items.material.optional') },
                ]}
                onChange={(choice) =>
                  setValues((v) => v && { ...v, materials: withMaterial(v.materials, type.code, choice as 'required' | 'optional' | '') })
                }
              />
            ))}
          </fieldset>
          <p>{ts('items.versionNote', { version: item.version + 1 })}</p>
        </>
      )}
    </ServicesAdminForm>
  );
}
