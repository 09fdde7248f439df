// What the administrators' catalogue forms (material types, service items) share: texts in the
// three languages, and saving where what is visibly missing is said at once, before any passkey
// prompt, and a refusal or failure is shown above the form.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { describeError } from '../identity/identityErrors';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';

export const LANGS = ['zhHans', 'zhHant', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Localized = Record<Lang, string>;

/** A server text in the three languages as the form's values. */
export function localized(text: Localized): Localized {
  return { zhHans: text.zhHans, zhHant: text.zhHant, en: text.en };
}

/** The id of the `prefix` text field a server path `input.<field>.<lang>` is about, or null. */
export function localizedFieldId(path: string | null | undefined, field: string, prefix: string): string | null {
  const match = /^input\.([A-Za-z]+)\.(zhHans|zhHant|en)$/.exec(path ?? '');
  return match && match[1] === field ? `${prefix}-${match[2]}` : null;
}

/** The languages left empty in `text`, each linked to its `prefix-<lang>` field. */
export function missingTexts(text: Localized, prefix: string, message: (lang: Lang) => string): SummaryError[] {
  return LANGS.filter((lang) => !text[lang].trim()).map((lang) => ({ fieldId: `${prefix}-${lang}`, message: message(lang) }));
}

/** One text in the three languages: a fieldset of three fields with ids `prefix-<lang>`. */
export function ServicesLocalizedFields({
  prefix,
  legend,
  label,
  value,
  maxLength,
  errorFor,
  onChange,
}: {
  prefix: string;
  legend: string;
  label: (lang: Lang) => string;
  value: Localized;
  maxLength: number;
  errorFor: (fieldId: string) => string | undefined;
  onChange: (lang: Lang, text: string) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {LANGS.map((lang) => (
        <Field
          key={lang}
          id={`${prefix}-${lang}`}
          label={label(lang)}
          error={errorFor(`${prefix}-${lang}`)}
          value={value[lang]}
          maxLength={maxLength}
          onInput={(e) => onChange(lang, e.currentTarget.value)}
        />
      ))}
    </fieldset>
  );
}

export interface AdminSave {
  errors: SummaryError[];
  setErrors: (errors: SummaryError[]) => void;
  problem: string | null;
  busy: boolean;
  errorFor: (fieldId: string) => string | undefined;
  /** Shows `missing` and stops there; otherwise runs `send` (which may ask for the passkey). */
  save: (missing: SummaryError[], send: () => Promise<void>) => Promise<void>;
}

export function useAdminSave(): AdminSave {
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (missing: SummaryError[], send: () => Promise<void>) => {
    setProblem(null);
    setErrors(missing);
    if (missing.length) return;
    setBusy(true);
    try {
      await send();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, problem, busy, errorFor: (id) => errors.find((e) => e.fieldId === id)?.message, save };
}

/** While the form's data loads, or why it did not. */
export function ServicesAdminLoading({ problem, text }: { problem: string | null; text: string }) {
  return problem ? (
    <Notice kind="error" live="alert">
      <p>{problem}</p>
    </Notice>
  ) : (
    <p role="status">{text}</p>
  );
}

/** The form around the fields: lead, error summary, outcome, the step-up notice and the save button. */
export function ServicesAdminForm({
  lead,
  admin,
  done,
  saveLabel,
  onSubmit,
  children,
}: {
  lead: string;
  admin: AdminSave;
  done: ComponentChildren;
  saveLabel: string;
  onSubmit: () => void;
  children: ComponentChildren;
}) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
    >
      <p class="lead">{lead}</p>
      <ErrorSummary errors={admin.errors} />
      {done}
      {admin.problem && (
        <Notice kind="error" live="alert">
          <p>{admin.problem}</p>
        </Notice>
      )}
      {children}
      <IdentityStepUpNotice />
      <div class="button-row">
        <Button type="submit" disabled={admin.busy}>
          {saveLabel}
        </Button>
      </div>
    </form>
  );
}
