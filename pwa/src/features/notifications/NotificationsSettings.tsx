import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Checkbox } from '../../components/Checkbox';
import { ErrorSummary, summaryErrors, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { request } from '../../graphql/client';
import { NotificationsSettingsDocument, NotificationsSettingsSaveDocument } from '../../graphql/generated/graphql';
import { tn, tnMaybe } from './notificationsMessages';

const hhmm = (value: string | null | undefined) => (value ? value.slice(0, 5) : '');

/** Quiet hours and the policy topics the person follows (all devices). */
export function NotificationsSettings() {
  const [loaded, setLoaded] = useState(false);
  const [quietStart, setQuietStart] = useState('');
  const [quietEnd, setQuietEnd] = useState('');
  const [timezone, setTimezone] = useState('Asia/Shanghai');
  const [policies, setPolicies] = useState<string[]>([]);
  const [available, setAvailable] = useState<string[]>([]);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [saved, setSaved] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  useEffect(() => {
    void request(NotificationsSettingsDocument, {})
      .then(({ myNotificationSettings: s }) => {
        setQuietStart(hhmm(s.quietStart));
        setQuietEnd(hhmm(s.quietEnd));
        setTimezone(s.timezone);
        setPolicies(s.policyCategories);
        setAvailable(s.availablePolicyCategories);
        setLoaded(true);
      })
      .catch(() => setServerError(tn('inbox.loadError')));
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    setServerError(null);
    if (Boolean(quietStart) !== Boolean(quietEnd)) {
      setErrors([{ fieldId: quietStart ? 'settings-quiet-end' : 'settings-quiet-start', message: tn('settings.error.bothTimes') }]);
      return;
    }
    setErrors([]);
    try {
      const outcome = (
        await request(NotificationsSettingsSaveDocument, {
          policyCategories: policies,
          quietStart: quietStart || null,
          quietEnd: quietEnd || null,
          timezone: timezone.trim() || 'Asia/Shanghai',
        })
      ).notificationSettingsSave;
      if (outcome.__typename === 'NotificationDone') setSaved(true);
      else if (outcome.__typename === 'ValidationError') {
        setErrors(
          summaryErrors(outcome, (field) =>
            field === 'timezone' ? 'settings-timezone' : field === 'quietEnd' ? 'settings-quiet-end' : 'settings-quiet-start',
          ),
        );
      } else setServerError(outcome.message);
    } catch (error) {
      setServerError(error instanceof Error ? error.message : String(error));
    }
  };

  if (!loaded) {
    return serverError ? (
      <Notice kind="error" live="alert">
        <p>{serverError}</p>
      </Notice>
    ) : (
      <p role="status">{tn('inbox.loading')}</p>
    );
  }
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary errors={errors} />
      {saved && (
        <Notice kind="success" live="status">
          <p>{tn('settings.saved')}</p>
        </Notice>
      )}
      {serverError && (
        <Notice kind="error" live="alert">
          <p>{serverError}</p>
        </Notice>
      )}
      <fieldset>
        <legend>{tn('settings.quietHeading')}</legend>
        <p class="field__hint">{tn('settings.quietHint')}</p>
        <Field id="settings-quiet-start" type="time" label={tn('settings.quietStart')} value={quietStart}
          error={errorFor('settings-quiet-start')} onInput={(e) => setQuietStart(e.currentTarget.value)} />
        <Field id="settings-quiet-end" type="time" label={tn('settings.quietEnd')} value={quietEnd}
          error={errorFor('settings-quiet-end')} onInput={(e) => setQuietEnd(e.currentTarget.value)} />
        <Field id="settings-timezone" label={tn('settings.timezone')} hint={tn('settings.timezoneHint')} value={timezone}
          autocapitalize="none" spellcheck={false} error={errorFor('settings-timezone')}
          onInput={(e) => setTimezone(e.currentTarget.value)} />
      </fieldset>
      <fieldset>
        <legend>{tn('settings.policyHeading')}</legend>
        {available.map((category) => (
          <Checkbox
            key={category}
            id={`settings-policy-${category}`}
            label={tnMaybe(`settings.policy.${category}`) ?? category}
            checked={policies.includes(category)}
            onChange={(checked) =>
              setPolicies((current) => (checked ? [...new Set([...current, category])] : current.filter((c) => c !== category)))
            }
          />
        ))}
      </fieldset>
      <div class="button-row">
        <Button type="submit">{tn('settings.save')}</Button>
      </div>
    </form>
  );
}
