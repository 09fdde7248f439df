import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { t } from '../i18n';
import { Button } from './Button';

/** Catches a screen that failed to load (e.g. its lazy chunk, offline) and offers to retry. */
export function LoadErrorBoundary({ children }: { children: ComponentChildren }) {
  const [error] = useErrorBoundary();
  if (error) {
    return (
      <section class="page">
        <h1 class="page-heading">{t('loadError.title')}</h1>
        <p>{t('loadError.body')}</p>
        <Button onClick={() => window.location.reload()}>{t('loadError.retry')}</Button>
      </section>
    );
  }
  return <>{children}</>;
}
