// An administrator creates or changes a material type (names, accepted formats, size limit, how
// it is used). Saving needs a fresh passkey proof (level 3), asked for when the button is
// pressed; a change publishes a new version of every service asking for the material, and
// applications already made keep theirs. The server checks every field and answers in the
// officer's language, each message linked to its field.
import { useEffect, useState } from 'preact/hooks';
import { Checkbox } from '../../components/Checkbox';
import { summaryErrors, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Select } from '../../components/Select';
import { request } from '../../graphql/client';
import {
  ServicesMaterialAdminDocument,
  ServicesMaterialTypeSaveDocument,
  type ServicesMaterialTypeFragment,
} from '../../graphql/generated/graphql';
import { secureRequest } from '../identity/identityApi';
import { describeError } from '../identity/identityErrors';
import {
  localized,
  localizedFieldId,
  missingTexts,
  ServicesAdminForm,
  ServicesAdminLoading,
  ServicesLocalizedFields,
  useAdminSave,
  type Localized,
} from './ServicesAdminForm';
import { ts } from './servicesMessages';
import { pick } from './servicesStore';

export const FORMATS = ['jpeg', 'png', 'heic', 'pdf'] as const;
const MB = 1024 * 1024;
const NEW = '';

interface Values {
  code: string;
  name: Localized;
  formats: string[];
  maxMb: string;
  originalOnSite: boolean;
  reusable: boolean;
  requiresValidity: boolean;
}

const BLANK: Values = {
  code: '',
  name: { zhHans: '', zhHant: '', en: '' },
  formats: ['jpeg', 'png', 'pdf'],
  maxMb: '10',
  originalOnSite: false,
  reusable: true,
  requiresValidity: false,
};

function valuesOf(type: ServicesMaterialTypeFragment): Values {
  return {
    code: type.code,
    name: localized(type.name),
    formats: [...type.acceptedFormats],
    maxMb: String(Math.round((type.maxBytes / MB) * 100) / 100),
    originalOnSite: type.originalOnSite,
    reusable: type.reusable,
    requiresValidity: type.requiresValidity,
  };
}

/** Where a server field path points in this form. */
export function materialFieldId(path: string | null | undefined): string {
  const name = localizedFieldId(path, 'name', 'material-admin-name');
  if (name) return name;
  if (path?.startsWith('input.acceptedFormats')) return `material-admin-format-${FORMATS[0]}`;
  if (path === 'input.maxBytes') return 'material-admin-size';
  return 'material-admin-code';
}

/** The size limit typed in MB as bytes, or null when it is not a number. */
export function megabytes(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() && Number.isFinite(value) && value > 0 ? Math.round(value * MB) : null;
}

export function ServicesMaterialAdmin() {
  const [types, setTypes] = useState<ServicesMaterialTypeFragment[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState(NEW);
  const [values, setValues] = useState<Values>(BLANK);
  const admin = useAdminSave();
  const [done, setDone] = useState<{ code: string; items: string[] } | null>(null);

  useEffect(() => {
    request(ServicesMaterialAdminDocument, {})
      .then((data) => setTypes([...data.materialTypes]))
      .catch((error) => setLoadProblem(describeError(error)));
  }, []);

  const choose = (code: string) => {
    setSelected(code);
    admin.setErrors([]);
    setDone(null);
    const type = types?.find((t) => t.code === code);
    setValues(type ? valuesOf(type) : BLANK);
  };
  const set = (change: Partial<Values>) => setValues((v) => ({ ...v, ...change }));

  const submit = () => {
    setDone(null);
    // What the person can see is missing is said at once, before any passkey prompt.
    const missing: SummaryError[] = [];
    if (!values.code.trim()) missing.push({ fieldId: 'material-admin-code', message: ts('materials.error.code') });
    missing.push(...missingTexts(values.name, 'material-admin-name', (lang) => ts(`materials.error.name.${lang}`)));
    if (values.formats.length === 0) missing.push({ fieldId: `material-admin-format-${FORMATS[0]}`, message: ts('materials.error.formats') });
    const maxBytes = megabytes(values.maxMb);
    if (maxBytes === null) missing.push({ fieldId: 'material-admin-size', message: ts('materials.error.size') });
    void admin.save(missing, async () => {
      if (maxBytes === null) return;
      const outcome = (
        await secureRequest(ServicesMaterialTypeSaveDocument, {
          code: values.code.trim(),
          input: {
            name: values.name,
            acceptedFormats: FORMATS.filter((f) => values.formats.includes(f)),
            maxBytes,
            originalOnSite: values.originalOnSite,
            reusable: values.reusable,
            requiresValidity: values.requiresValidity,
          },
        })
      ).materialTypeSave;
      if (outcome.__typename === 'MaterialTypeSaved') {
        const saved = outcome.material;
        setTypes((list) => [...(list ?? []).filter((t) => t.code !== saved.code), saved].sort((a, b) => a.code.localeCompare(b.code)));
        setSelected(saved.code);
        setValues(valuesOf(saved));
        setDone({ code: saved.code, items: outcome.itemsRepublished.map((i) => `${pick(i.name)} (${i.code}, v${i.version})`) });
      } else {
        admin.setErrors(summaryErrors(outcome, materialFieldId));
      }
    });
  };

  if (!types) return <ServicesAdminLoading problem={loadProblem} text={ts('materials.loading')} />;
  const errorFor = admin.errorFor;
  const formatsError = errorFor(`material-admin-format-${FORMATS[0]}`);
  return (
    <ServicesAdminForm
      lead={ts('materials.lead')}
      admin={admin}
      saveLabel={ts('materials.save')}
      onSubmit={submit}
      done={
        done && (
          <Notice kind="success" live="status" title={ts('materials.done.title', { code: done.code })}>
            <p data-testid="materials-done">
              {done.items.length ? ts('materials.done.items', { items: done.items.join('; ') }) : ts('materials.done.noItems')}
            </p>
          </Notice>
        )
      }
    >
      <Select
        id="material-admin-type"
        label={ts('materials.choose')}
        value={selected}
        options={[{ value: NEW, label: ts('materials.new') }, ...types.map((t) => ({ value: t.code, label: `${pick(t.name)} (${t.code})` }))]}
        onChange={choose}
      />
      {selected === NEW && (
        <Field
          id="material-admin-code"
          label={ts('materials.code')}
          hint={ts('materials.codeHint')}
          error={errorFor('material-admin-code')}
          value={values.code}
          autocapitalize="characters"
          spellcheck={false}
          maxLength={40}
          onInput={(e) => set({ code: e.currentTarget.value.toUpperCase() })}
        />
      )}
      <ServicesLocalizedFields
        prefix="material-admin-name"
        legend={ts('materials.names')}
        label={(lang) => ts(`materials.name.${lang}`)}
        value={values.name}
        maxLength={200}
        errorFor={errorFor}
        onChange={(lang, text) => setValues((v) => ({ ...v, name: { ...v.name, [lang]: text } }))}
      />
      <fieldset class={formatsError ? 'field--error' : undefined}>
        <legend>{ts('materials.formats')}</legend>
        {formatsError && <p class="field__error">{formatsError}</p>}
        {FORMATS.map((format) => (
          <Checkbox
            key={format}
            id={`material-admin-format-${format}`}
            label={format.toUpperCase()}
            checked={values.formats.includes(format)}
            onChange={(on) => set({ formats: on ? [...values.formats, format] : values.formats.filter((f) => f !== format) })}
          />
        ))}
      </fieldset>
      <Field
        id="material-admin-size"
        label={ts('materials.size')}
        hint={ts('materials.sizeHint')}
        error={errorFor('material-admin-size')}
        value={values.maxMb}
        inputMode="decimal"
        onInput={(e) => set({ maxMb: e.currentTarget.value })}
      />
      <fieldset>
        <legend>{ts('materials.use')}</legend>
        <Checkbox id="material-admin-original" label={ts('materials.originalOnSite')} checked={values.originalOnSite} onChange={(on) => set({ originalOnSite: on })} />
        <Checkbox id="material-admin-reusable" label={ts('materials.reusable')} checked={values.reusable} onChange={(on) => set({ reusable: on })} />
        <Checkbox
          id="material-admin-validity"
          label={ts('materials.requiresValidity')}
          checked={values.requiresValidity}
          onChange={(on) => set({ requiresValidity: on })}
        />
      </fieldset>
      {selected !== NEW && <p>{ts('materials.versionNote')}</p>}
    </ServicesAdminForm>
  );
}
