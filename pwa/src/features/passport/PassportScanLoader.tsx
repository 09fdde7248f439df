// The button that loads the passport reader on demand: the reader (its recognizer, templates
// and words) is its own chunk, fetched from our origin only when the person asks for it, so the
// first screen's JavaScript is unchanged.
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import type { PassportRead } from './PassportScan';

type Scanner = ComponentType<{ onRead: (read: PassportRead) => void }>;

export type { PassportRead };

export function PassportScanLoader({
  label,
  loading,
  failed,
  onRead,
}: {
  /** In the form's language (the reader's own words come with its chunk). */
  label: string;
  loading: string;
  failed: string;
  onRead: (read: PassportRead) => void;
}) {
  const [state, setState] = useState<'closed' | 'loading' | 'failed' | { scanner: Scanner }>('closed');
  const open = () => {
    setState('loading');
    import('./PassportScan')
      .then((module) => setState({ scanner: module.PassportScan }))
      .catch(() => setState('failed'));
  };
  if (typeof state === 'object') {
    const Scanner = state.scanner;
    return <Scanner onRead={onRead} />;
  }
  return (
    <div class="field">
      <Button variant="secondary" onClick={open} disabled={state === 'loading'}>
        {label}
      </Button>
      {state === 'loading' && (
        <p class="field__hint" role="status">
          {loading}
        </p>
      )}
      {state === 'failed' && (
        <p class="field__error" role="alert">
          {failed}
        </p>
      )}
    </div>
  );
}
