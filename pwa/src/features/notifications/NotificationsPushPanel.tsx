import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Checkbox } from '../../components/Checkbox';
import { Notice } from '../../components/Notice';
import { tn, tnMaybe, type NotificationsKey } from './notificationsMessages';
import {
  disablePush,
  enablePush,
  pushState,
  PushSetupError,
  resavePendingSubscription,
  savePushCategories,
  type PushProblem,
} from './notificationsPush';

/** Push categories everyone may have; `work_queue` only for officers (the server lists them). */
export const DEFAULT_PUSH_CATEGORIES = [
  'declaration_outcomes',
  'prereview_results',
  'appointment_reminders',
  'appointment_offers',
  'policy_notices',
] as const;

const PROBLEM_KEYS: Record<PushProblem, NotificationsKey> = {
  unsupported: 'push.error.unsupported',
  iosInstall: 'push.error.iosInstall',
  denied: 'push.error.denied',
  timeout: 'push.error.timeout',
  failed: 'push.error.failed',
  server: 'push.error.server',
  network: 'push.error.network',
};

type Status = 'checking' | 'off' | 'enabling' | 'on' | 'saving';

/**
 * "Get notifications": explains what this device will get, and asks the browser only when
 * the person taps the button (never on load). Per-device categories; off switch.
 */
export function NotificationsPushPanel({ officer = false, idPrefix }: { officer?: boolean; idPrefix: string }) {
  const available = officer ? [...DEFAULT_PUSH_CATEGORIES, 'work_queue'] : [...DEFAULT_PUSH_CATEGORIES];
  const [status, setStatus] = useState<Status>('checking');
  const [categories, setCategories] = useState<string[]>(available);
  const [problem, setProblem] = useState<{ problem: PushProblem; detail: string } | null>(null);
  const [done, setDone] = useState<NotificationsKey | null>(null);

  useEffect(() => {
    let live = true;
    void resavePendingSubscription()
      .then(() => pushState())
      .catch(() => null)
      .then((state) => {
        if (!live) return;
        if (state) {
          setCategories(state.categories);
          setStatus('on');
        } else setStatus('off');
      });
    return () => {
      live = false;
    };
  }, []);

  const fail = (error: unknown, next: Status) => {
    const known = error instanceof PushSetupError ? error : new PushSetupError('failed');
    setProblem({ problem: known.problem, detail: known.message });
    setStatus(next);
  };

  const enable = async () => {
    setProblem(null);
    setDone(null);
    setStatus('enabling');
    try {
      await enablePush(categories);
      setStatus('on');
      setDone('push.on');
    } catch (error) {
      fail(error, 'off');
    }
  };

  const save = async () => {
    setProblem(null);
    setDone(null);
    setStatus('saving');
    try {
      await savePushCategories(categories);
      setDone('push.saved');
      setStatus('on');
    } catch (error) {
      fail(error, 'on');
    }
  };

  const disable = async () => {
    setProblem(null);
    setDone(null);
    setStatus('saving');
    try {
      await disablePush();
      setDone('push.off');
      setStatus('off');
    } catch (error) {
      fail(error, 'on');
    }
  };

  const toggle = (category: string, checked: boolean) =>
    setCategories((current) => (checked ? [...new Set([...current, category])] : current.filter((c) => c !== category)));

  const headingId = `${idPrefix}-push-heading`;
  return (
    <section class="push-panel" aria-labelledby={headingId} data-testid="push-panel" data-status={status}>
      <h2 id={headingId}>{tn('push.heading')}</h2>
      <p>{tn('push.explain')}</p>
      {problem && (
        <Notice kind="error" live="alert" title={tn('push.error.title')}>
          <p data-testid="push-error" data-problem={problem.problem}>
            {tn(PROBLEM_KEYS[problem.problem], { message: problem.detail })}
          </p>
        </Notice>
      )}
      {done && (
        <Notice kind="success" live="status">
          <p data-testid="push-done">{tn(done)}</p>
        </Notice>
      )}
      {status !== 'checking' && (
        <fieldset class="push-panel__categories">
          <legend>{tn('push.categoriesLegend')}</legend>
          {available.map((category) => (
            <Checkbox
              key={category}
              id={`${idPrefix}-push-${category}`}
              label={tnMaybe(`push.category.${category}`) ?? category}
              checked={categories.includes(category)}
              onChange={(checked) => toggle(category, checked)}
            />
          ))}
        </fieldset>
      )}
      <div class="button-row">
        {(status === 'off' || status === 'enabling') && (
          <Button onClick={() => void enable()} disabled={status === 'enabling' || categories.length === 0}>
            {status === 'enabling' ? tn('push.enabling') : tn('push.enable')}
          </Button>
        )}
        {(status === 'on' || status === 'saving') && (
          <>
            <Button onClick={() => void save()} disabled={status === 'saving' || categories.length === 0}>
              {tn('push.saveCategories')}
            </Button>
            <Button variant="secondary" onClick={() => void disable()} disabled={status === 'saving'}>
              {tn('push.disable')}
            </Button>
          </>
        )}
      </div>
      {status === 'on' && !done && <p data-testid="push-on">{tn('push.on')}</p>}
    </section>
  );
}
