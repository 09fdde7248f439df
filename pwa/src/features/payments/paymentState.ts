// What both payment panels do (a declaration's duty, an application's fee): read the state
// from the server (this device's copy when offline), poll while a payment or refund is under
// way, and start a payment with one idempotency key per press (a retry gets the same order).
import { useEffect, useRef, useState } from 'preact/hooks';
import { getRecord, putRecord } from '../../offline/idb';
import { STORES } from '../../offline/keys';
import { describeError } from '../identity/identityErrors';
import { tp } from './paymentsMessages';

const POLL_MS = 3000;
const WAITING = new Set(['PENDING', 'REFUND_PENDING']);

export interface PaymentSource<T> {
  /** Identifies the subject (the panel reloads when it changes). */
  id: string;
  cacheKey: string;
  fetch: () => Promise<T | null>;
  /** Start (or rejoin) the payment with this key; the refusal's message, or null. */
  start: (idempotencyKey: string) => Promise<string | null>;
}

export function usePaymentState<T extends { state: string }>(source: PaymentSource<T>) {
  const [value, setValue] = useState<T | null | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const attempt = useRef<string | null>(null);

  const load = async () => {
    try {
      const fresh = await source.fetch();
      setOffline(false);
      setValue(fresh);
      if (fresh) await putRecord(STORES.cache, { key: source.cacheKey, value: fresh, storedAt: Date.now() });
    } catch {
      setOffline(true);
      const cached = await getRecord(STORES.cache, source.cacheKey);
      setValue((v) => v ?? ((cached?.value as T | undefined) ?? null));
    }
  };

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source.id]);

  const waiting = value ? WAITING.has(value.state) : false;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waiting, source.id]);

  const pay = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    attempt.current = attempt.current ?? crypto.randomUUID();
    try {
      const refused = await source.start(attempt.current);
      if (refused) setProblem(refused);
      attempt.current = null;
      await load();
    } catch (error) {
      setProblem(describeError(error) || tp('pay.error.network'));
    } finally {
      setBusy(false);
    }
  };

  return { value, offline, busy, problem, pay };
}
